// What changes leave behind: the audit log, the domain events outbox delivered after commit to the live
// layer and notifications, and the users' notifications.

import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns'
import { users } from './people'

/** Audit log: who changed what, when, before and after; written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId)],
)

/**
 * Domain events (transactional outbox): written with the change, delivered to the live layer and to
 * notifications after commit, at least once; a rolled-back change leaves no event.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: createdAt(),
    deliveredAt: ts('delivered_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('domain_events_undelivered').on(t.deliveredAt, t.id)],
)

/** A user's notification; a cascade to 30 districts is one row with a count, grouped by `groupKey`. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    groupKey: text('group_key'),
    count: integer('count').notNull().default(1),
    data: jsonb('data'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt), index('notifications_group').on(t.userId, t.groupKey)],
)
