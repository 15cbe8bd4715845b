// The shared write clock of a PostgreSQL cluster: one row counting the committed writes of the tables
// that the processes' short-lived caches read (the board's task lists, the validated sessions), so that
// each process can tell with one tiny read whether another process wrote since it computed an answer.
// Raised by deferred triggers at commit (migration 0015); read by the database handle's clock (client.ts).

import { bigint, integer, pgTable } from 'drizzle-orm/pg-core'

const counter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0)

/** The one row (id 1): a count per watched table, raised once per transaction that wrote it. */
export const writeClock = pgTable('write_clock', {
  id: integer('id').primaryKey().default(1),
  tasks: counter('tasks'),
  taskSupportUnits: counter('task_support_units'),
  users: counter('users'),
  people: counter('people'),
  memberships: counter('memberships'),
  /** Sessions ended (deleted): a logout on one process is heard by the others' session caches. */
  sessions: counter('sessions'),
})

/** The tables the write clock counts, by their SQL names (the counter columns have the same names). */
export const clockedTables = ['tasks', 'task_support_units', 'users', 'people', 'memberships', 'sessions'] as const
