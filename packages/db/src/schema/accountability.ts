// Tables of accountability: the reports units owe on a schedule, the measure's settings, what the
// scheduler has flagged (missing reports, gaps in a duty roster), and the answers to units' difficulties.

import { reportCycles } from '@hub/domain'
import { date, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns'
import { directives } from './directives'
import { users } from './people'
import { reports, tasks } from './tasks'
import { unitKind, units } from './units'

export const reportCycle = pgEnum('report_cycle', reportCycles)

/**
 * A periodic report the units owe: daily during a lockdown, weekly, monthly. It applies to one unit
 * (`unitId`) or to every unit of a kind (`unitKind`, e.g. all 30 districts), attached to the
 * directive or the task that asks for it. Late and missing reports are computed from it.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: id(),
    title: text('title').notNull(),
    cycle: reportCycle('cycle').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    unitKind: unitKind('unit_kind'),
    directiveId: uuid('directive_id').references(() => directives.id),
    taskId: uuid('task_id').references(() => tasks.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_schedules_unit').on(t.unitId)],
)

/**
 * The measure's weights and rating thresholds, set by the standing committee; one row per key
 * ('default'). Every change is audited. Without a row the documented defaults apply.
 */
export const measureSettings = pgTable('measure_settings', {
  key: text('key').primaryKey(),
  settings: jsonb('settings').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
})

/**
 * What the scheduler has already flagged (a missing report of a unit for a period, a gap in a duty
 * roster), so that each is notified once even when two processes run the job.
 */
export const accountabilityFlags = pgTable(
  'accountability_flags',
  {
    id: id(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accountability_flags_once').on(t.kind, t.unitId, t.key)],
)

/**
 * The standing committee's answer to the difficulties (khó khăn, vướng mắc) raised in a report; the
 * answer goes back to the unit and may become a task.
 */
export const difficultyDecisions = pgTable(
  'difficulty_decisions',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    answer: text('answer').notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: createdAt(),
  },
  (t) => [uniqueIndex('difficulty_decisions_report').on(t.reportId)],
)
