// Tables of the auth package: login sessions, the login throttle's counters and known devices, storing
// only hashes of the secrets.

import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { bytea, createdAt, ts } from './columns'
import { users } from './people'

/** Sessions after Lucia's current design: only a SHA-256 of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastVerifiedAt: ts('last_verified_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/**
 * Counters of rate-limiter-flexible's Drizzle store (login throttling), shared by every process
 * through the database; the upsert that counts is one atomic statement.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: ts('expire'),
})

/**
 * Devices that have logged in to an account before ("known device" cookie, after OWASP's advice on
 * lockout): a login from one of them is throttled on its own, so failures sent from elsewhere cannot
 * lock the owner out. Only a SHA-256 of the cookie's secret is stored.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at').notNull().defaultNow(),
  },
  (t) => [index('known_devices_user').on(t.userId)],
)
