import { pgTable, text } from 'drizzle-orm/pg-core'
import { ts } from './columns'

/**
 * Leases for jobs that exactly one process may run (the scheduler): a process holds a lease
 * until `expiresAt` and renews it; another takes over only after it lapses.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ts('expires_at').notNull(),
})
