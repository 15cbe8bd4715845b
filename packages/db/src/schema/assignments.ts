// Settled rows of an assignment table (bảng phân công): what the chair or the office agreed, row by
// row, and the task each became (or, on a draft directive, held until the directive is issued).
import { type AssignmentRowFields, assignmentSettlementStatuses } from '@hub/domain'
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns'
import { directives } from './directives'
import { meetings } from './meetings'
import { users } from './people'
import { tasks } from './tasks'

export const assignmentSettlementStatus = pgEnum('assignment_settlement_status', assignmentSettlementStatuses)

/**
 * One settled row: at most one per row of a table (`docName` + `rowId`), which is what makes a second
 * settle create nothing. `fields` are the row's cells as settled; `taskId` the task made from them.
 */
export const assignmentSettlements = pgTable(
  'assignment_settlements',
  {
    id: id(),
    /** The table's document: `assignments:<directiveId>` or `meeting-assignments:<meetingId>`. */
    docName: text('doc_name').notNull(),
    rowId: text('row_id').notNull(),
    directiveId: uuid('directive_id').references(() => directives.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    fields: jsonb('fields').$type<AssignmentRowFields>().notNull(),
    status: assignmentSettlementStatus('status').notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    settledBy: uuid('settled_by').references(() => users.id),
    settledAt: createdAt(),
    /** When a held row's task went out (the directive's issue). */
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('assignment_settlements_row').on(t.docName, t.rowId),
    uniqueIndex('assignment_settlements_task').on(t.taskId),
    index('assignment_settlements_directive').on(t.directiveId),
    index('assignment_settlements_meeting').on(t.meetingId),
  ],
)
