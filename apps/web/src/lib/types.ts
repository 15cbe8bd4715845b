/** The shapes the hub's API returns, as this client uses them; closed vocabularies and the task come from @hub/domain. */
import type {
  DirectiveKind,
  DirectiveStatus,
  NotificationRecord,
  RecurrenceFreq,
  ReportCycle,
  TaskStatus,
  TaskView,
  Timeliness,
  UnitKind,
} from '@hub/domain'

export type { DirectiveKind, DirectiveStatus, RecurrenceFreq, ReportCycle, TaskStatus, Timeliness, UnitKind }
export const taskStatuses: readonly TaskStatus[] = ['not_started', 'in_progress', 'paused', 'done']
export const timelinessValues: readonly Timeliness[] = ['overdue', 'open', 'on_time', 'late']

export interface Role {
  role: string
  unitId: string
}

export interface User {
  id: string
  email: string
  fullName: string
  position: string
  unitId: string | null
  locale: string
  roles: Role[]
}

export const unitKinds: readonly UnitKind[] = ['city', 'district', 'commune', 'village', 'sector', 'body']

export interface Unit {
  id: string
  code: string
  name: string
  shortName: string
  typeLabel: string
  kind: UnitKind
  parentId: string | null
  validFrom?: string
  validTo?: string | null
}

export interface PersonBrief {
  id: string
  fullName: string
  position: string
  phone: string | null
}

export interface DutyShift {
  startsAt: string
  endsAt: string
  phone: string | null
  name: string
  position: string
}

export interface UnitDetail extends Unit {
  parent: Unit | null
  head: PersonBrief | null
  people: PersonBrief[]
  hotlines: { label: string; phone: string }[]
  onDuty: DutyShift[]
  roster: DutyShift[]
  children: Unit[]
}

export interface Person {
  id: string
  fullName: string
  position: string
  unitId: string | null
  phone: string | null
  userId: string | null
}

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

export interface Report {
  id: string
  kind?: string
  taskId: string | null
  unitId?: string
  progress: number | null
  narrative: string
  difficulties: string
  submittedAt: string
  submittedBy: string | null
  submittedByName: string | null
  /** Photos sent with it (the task's report list names them). */
  photos?: { id: string; filename: string }[]
}

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

export interface Recipient {
  id?: string
  name: string
  capacity: RecipientCapacity | string
  unitId?: string | null
  /** The printed line a unit was listed under ("Các quận ủy, huyện ủy, thị ủy"); one row per unit shares it. */
  groupLabel?: string | null
  receivedAt?: string | null
  firstReadAt?: string | null
}

export interface Directive {
  id: string
  kind: DirectiveKind
  layout: 'party' | 'state' | string
  number: string | null
  /** Set when the number is known before issue (an imported document keeps its own). */
  sequence?: number | null
  issuedAt: string | null
  place: string
  title: string
  status: DirectiveStatus
  issuer: string
  issuedBy?: string | null
  /** Documents the preamble cites ("05-CT/TU"), as recognised on import. */
  citations?: string[]
  signer: { name: string; title: string; onBehalfOf: string }
  preamble?: string
  closing?: string
  recipients: Recipient[]
  docName?: string
  issuerUnitId?: string | null
  createdBy?: string | null
  version: number
}

export interface Clause {
  ordinal: number
  text: string
}

/** What POST /directives/import answers: the new draft and the clauses recognised in the paste. */
export interface ImportedDirective {
  directive: Directive
  clauses: Clause[]
  /** Documents already in the hub under the imported number (the import still made a draft). */
  existing?: { id: string; number: string | null; title: string; status: DirectiveStatus; issuedAt: string | null }[]
}

/** The moves of a directive's life, as POST /directives/:id/transition names them. */
export type DirectiveAction = 'submit' | 'return' | 'issue' | 'put_in_force' | 'close' | 'replace'

export const recurrenceFreqs: readonly RecurrenceFreq[] = ['daily', 'weekly', 'monthly', 'ongoing']
export const reportCycles: readonly ReportCycle[] = ['daily', 'weekly', 'monthly']

export interface Recurrence {
  freq: RecurrenceFreq
  reportCycle: ReportCycle
}

export interface DirectiveVersion {
  versionNo: number
  label: string
  createdAt: string
  createdBy: string | null
  /** Who froze it, by name. */
  createdByName?: string | null
}

export type MeetingStatus = 'planned' | 'in_session' | 'concluded'

export interface Meeting {
  id: string
  title: string
  startsAt: string
  location: string
  status: MeetingStatus
  conclusions: string
  chairUserId: string | null
  hostUnitId?: string | null
  agenda?: { ordinal: number; title: string; presenter: string }[]
  attendees?: { userId: string; fullName: string; role: string }[]
  docName?: string
  conclusionDirectiveId: string | null
}

/** A notification as the bell shows it (the live event carries the same record). */
export type Notification = NotificationRecord

export interface PresenceUser {
  id?: string
  userId?: string
  fullName?: string
  name?: string
}

/** The assignment table of a directive or a meeting, as `GET …/assignments` returns it: only settled rows are listed. */
export interface AssignmentSettledRow {
  rowId: string
  /** Sent: its task exists; held: it waits for the directive's issue. */
  status: import('@hub/domain').AssignmentSettlementStatus
  taskId: string | null
  fields: import('@hub/domain').AssignmentRowFields
  /** Cells edited since settling that differ from the task: proposed changes until the office accepts them. */
  changes: import('@hub/domain').AssignmentChange[]
}

export interface AssignmentTableInfo {
  docName: string
  canEdit: boolean
  canSettle: boolean
  rows: AssignmentSettledRow[]
}

export interface AssignmentProposals {
  proposals: import('@hub/domain').ProposedRow[]
  ceasedUnits: { clauseOrdinal: number; unitId: string; name: string }[]
}

export interface AssignmentSettleResult {
  created: { rowId: string; taskId: string }[]
  held: string[]
  skipped: { rowId: string; problems: import('@hub/domain').AssignmentProblem[] }[]
  already: string[]
}
