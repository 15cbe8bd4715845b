// Leases for the jobs exactly one hub process may run (the scheduler): a process holds a lease until
// `expiresAt` and renews it; another takes over only after it lapses.

import { pgTable, text } from 'drizzle-orm/pg-core'
import { ts } from './columns'

export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ts('expires_at').notNull(),
})
