// Tables of the work itself: tasks (lead unit, supporting units, parent and child tasks) and the reports
// sent on a task or as a unit's periodic report.

import { reportKinds, taskStatuses } from '@hub/domain'
import { sql } from 'drizzle-orm'
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts, updatedAt } from './columns'
import { directives } from './directives'
import { meetings } from './meetings'
import { users } from './people'
import { units } from './units'

export const taskStatus = pgEnum('task_status', taskStatuses)

/** Recurring work ("thường xuyên", "hằng ngày") and how often it is reported. */
export type Recurrence = {
  freq: 'daily' | 'weekly' | 'monthly' | 'ongoing'
  reportCycle: 'daily' | 'weekly' | 'monthly'
}

/**
 * A task: one lead unit, any number of supporting units, one accountable person.
 * `version` guards concurrent edits (PATCH must send the version it read).
 * A task for many units is a parent with one child per unit (`parentTaskId`).
 */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    directiveId: uuid('directive_id').references(() => directives.id),
    clauseOrdinal: integer('clause_ordinal'),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    parentTaskId: uuid('parent_task_id'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    accountableUserId: uuid('accountable_user_id').references(() => users.id),
    status: taskStatus('status').notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    /** End of this day in Asia/Ho_Chi_Minh. */
    dueAt: date('due_at', { mode: 'string' }),
    recurrence: jsonb('recurrence').$type<Recurrence>(),
    completedAt: ts('completed_at'),
    overdueMarkedAt: ts('overdue_marked_at'),
    escalatedAt: ts('escalated_at'),
    lastReminderAt: ts('last_reminder_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
    /** Title and description folded for search (`hub_search_words`, migration 0006): kept by the database on every write. */
    searchWords: text('search_words').generatedAlwaysAs(sql`hub_search_words(title || ' ' || description)`),
  },
  (t) => [
    index('tasks_lead_unit').on(t.leadUnitId),
    index('tasks_directive').on(t.directiveId),
    index('tasks_parent').on(t.parentTaskId),
    index('tasks_due').on(t.dueAt),
    index('tasks_accountable').on(t.accountableUserId),
  ],
)

export const taskSupportUnits = pgTable(
  'task_support_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_support_units_unit').on(t.unitId)],
)

export const reportKind = pgEnum('report_kind', reportKinds)

/** A report: on a task, or a unit's periodic report; late and missing reports count against the unit. */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    kind: reportKind('kind').notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** The day the report was due (end of day, Asia/Ho_Chi_Minh). */
    dueOn: date('due_on', { mode: 'string' }),
    progress: integer('progress'),
    figures: jsonb('figures').$type<Record<string, number | string | { value: number; unit: string }>>(),
    narrative: text('narrative').notNull().default(''),
    /** Khó khăn, vướng mắc: what needs a decision from above. */
    difficulties: text('difficulties').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    /** Narrative and difficulties folded for search, kept by the database. */
    searchWords: text('search_words').generatedAlwaysAs(sql`hub_search_words(narrative || ' ' || difficulties)`),
  },
  (t) => [index('reports_task').on(t.taskId), index('reports_unit').on(t.unitId)],
)
