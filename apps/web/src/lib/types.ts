/**
 * The shapes the hub's API returns, as this client uses them: each inferred from the API's own response
 * contract in @hub/domain (packages/domain/src/contracts), so the two cannot drift. Type imports only:
 * zod stays out of the web's bundle.
 */
import type {
  assignmentSettledRowSchema,
  assignmentSettleResultSchema,
  assignmentTableStateSchema,
  DirectiveKind,
  DirectiveStatus,
  directiveImportSchema,
  directiveRecipientSchema,
  directiveSchema,
  directiveVersionSchema,
  dutyShiftSchema,
  meetingSchema,
  NotificationRecord,
  ProposedRow,
  personBriefSchema,
  personSchema,
  RecurrenceFreq,
  ReportCycle,
  reportSchema,
  roleSchema,
  TaskStatus,
  TaskView,
  Timeliness,
  UnitKind,
  unitBriefSchema,
  unitDetailSchema,
  unitSchema,
  userSchema,
} from '@hub/domain'
import type { z } from 'zod'

export type { DirectiveKind, DirectiveStatus, RecurrenceFreq, ReportCycle, TaskStatus, Timeliness, UnitKind }
export const taskStatuses: readonly TaskStatus[] = ['not_started', 'in_progress', 'paused', 'done']
export const timelinessValues: readonly Timeliness[] = ['overdue', 'open', 'on_time', 'late']

export type Role = z.infer<typeof roleSchema>
export type User = z.infer<typeof userSchema>

export const unitKinds: readonly UnitKind[] = ['city', 'district', 'commune', 'village', 'sector', 'body']

export type Unit = z.infer<typeof unitSchema>
/** A unit inside another answer (a unit page's parent and children): without its succession links. */
export type UnitBrief = z.infer<typeof unitBriefSchema>
export type PersonBrief = z.infer<typeof personBriefSchema>
export type DutyShift = z.infer<typeof dutyShiftSchema>
export type UnitDetail = z.infer<typeof unitDetailSchema>
export type Person = z.infer<typeof personSchema>

/** A task as the API returns it (a cached or optimistic copy may lack its timestamps). */
export type Task = Omit<TaskView, 'createdAt' | 'updatedAt'> & { createdAt?: string; updatedAt?: string }

export interface TaskList {
  tasks: Task[]
  total: number
}

/** Tasks counted by the four timeliness states the users speak of. */
export type TimelinessCounts = Record<Timeliness, number>

/** GET /tasks/:id/cascade: a parent with each unit's copy and their states counted. */
export interface TaskCascade {
  parent: Task
  children: Task[]
  summary: TimelinessCounts
  done: number
  total: number
}

/** Filters of GET /api/tasks, as the client keeps them in query keys. */
export interface TaskFilters {
  unitId?: string
  includeSubunits?: boolean
  status?: TaskStatus
  timeliness?: Timeliness
  directiveId?: string
  assigneeId?: string
  parentTaskId?: string
  meetingId?: string
  dueFrom?: string
  dueTo?: string
  q?: string
  limit?: number
}

export type Report = z.infer<typeof reportSchema>

export const directiveKinds: readonly DirectiveKind[] = ['CT', 'KH', 'KL', 'TB', 'CV', 'QD', 'NQ']
export const directiveStatuses: readonly DirectiveStatus[] = [
  'draft',
  'in_review',
  'issued',
  'in_force',
  'closed',
  'replaced',
]

export type RecipientCapacity = 'report' | 'execute' | 'inform' | 'archive'
export const recipientCapacities: readonly RecipientCapacity[] = ['report', 'execute', 'inform', 'archive']

/** A directive's recipient as the API answers it (one being added in the editor has no id or dates yet). */
export type Recipient = z.infer<typeof directiveRecipientSchema>

export type Directive = z.infer<typeof directiveSchema>

export interface Clause {
  ordinal: number
  text: string
}

/** What POST /directives/import answers: the new draft, the clauses recognised in the paste, namesakes already in the hub. */
export type ImportedDirective = z.infer<typeof directiveImportSchema>

/** The moves of a directive's life, as POST /directives/:id/transition names them. */
export type DirectiveAction = 'submit' | 'return' | 'issue' | 'put_in_force' | 'close' | 'replace'

export const recurrenceFreqs: readonly RecurrenceFreq[] = ['daily', 'weekly', 'monthly', 'ongoing']
export const reportCycles: readonly ReportCycle[] = ['daily', 'weekly', 'monthly']

export interface Recurrence {
  freq: RecurrenceFreq
  reportCycle: ReportCycle
}

export type DirectiveVersion = z.infer<typeof directiveVersionSchema>

export type MeetingStatus = Meeting['status']

export type Meeting = z.infer<typeof meetingSchema>

/** A notification as the bell shows it (the live event carries the same record). */
export type Notification = NotificationRecord

export interface PresenceUser {
  id?: string
  userId?: string
  fullName?: string
  name?: string
}

/** The assignment table of a directive or a meeting, as `GET …/assignments` returns it: only settled rows are listed. */
export type AssignmentSettledRow = z.infer<typeof assignmentSettledRowSchema>
export type AssignmentTableInfo = z.infer<typeof assignmentTableStateSchema>

export interface AssignmentProposals {
  proposals: ProposedRow[]
  ceasedUnits: { clauseOrdinal: number; unitId: string; name: string }[]
}

export type AssignmentSettleResult = z.infer<typeof assignmentSettleResultSchema>
