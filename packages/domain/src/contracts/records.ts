// Response contracts of the records the hub keeps and answers with: notifications, task and periodic
// reports with their photos, inspections, the measure's rows, model practices, search hits, audit
// history, the offline catch-up and the city's report.

import { z } from 'zod'
import { inspectionOutcomes } from '../measure'
import { modelStatuses } from '../model-policy'
import { searchTypes } from '../search-result'
import { taskViewSchema } from '../task'

/** One notification of the caller's (the live `notification` event carries the same record). */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  count: z.number(),
  /** The parameters a client needs to render it in English (an object, or null). */
  data: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
  readAt: z.string().nullable(),
})

/** A photo sent with a report. */
export const reportPhotoSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
})

/** A progress report on a task (GET/POST /api/tasks/{id}/reports). */
export const reportSchema = z.object({
  id: z.string(),
  kind: z.string(),
  taskId: z.string().nullable(),
  unitId: z.string(),
  progress: z.number().nullable(),
  narrative: z.string(),
  difficulties: z.string(),
  figures: z.unknown(),
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  /** The photos sent with it (in the list; a new report has none until they are uploaded). */
  photos: z.array(reportPhotoSchema).optional(),
})

/** A unit's periodic report (daily, weekly, monthly) with the committee's decision on it, if any. */
export const periodicReportViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.string(),
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  dueOn: z.string().nullable(),
  body: z.string(),
  figures: z.unknown(),
  difficulties: z.string(),
  taskId: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  onTime: z.boolean(),
  decision: z
    .object({
      answer: z.string(),
      taskId: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  today: z.string(),
})

/** A periodic report a unit owes and has not sent. */
export const owedReportSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  period: z.string(),
  dueOn: z.string(),
})

/** A schedule of periodic reports (who reports, how often, from when to when). */
export const reportScheduleSchema = z.object({
  id: z.string(),
  title: z.string(),
  cycle: z.string(),
  unitId: z.string().nullable(),
  unitKind: z.string().nullable(),
  directiveId: z.string().nullable(),
  taskId: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
})

/** An inspection; its findings are withheld from the inspected unit until the conclusion is published. */
export const inspectionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['planned', 'unannounced']),
  date: z.string(),
  status: z.string(),
  findings: z.string(),
  conclusion: z.string(),
  outcome: z.enum(inspectionOutcomes).nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  directiveId: z.string().nullable(),
  checklist: z.array(
    z.object({
      ordinal: z.number(),
      text: z.string(),
      result: z.enum(['met', 'partly', 'not_met']),
      note: z.string(),
    }),
  ),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The conclusion is not yet published to the inspected unit: findings, conclusion, outcome and checklist are empty for its people. */
  withheld: z.boolean(),
})

/** An inspection team and the decision that formed it. */
export const inspectionTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  decisionNumber: z.string(),
  leaderUserId: z.string().nullable(),
  memberUserIds: z.array(z.string()),
})

/** One unit's row of the measure: its figures, score, rank and rating over a period. */
export const measureRowSchema = z.object({
  rank: z.number().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.string(),
  onTimeRate: z.number().nullable(),
  dueInPeriod: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  overdue: z.number(),
  overdueDays: z.number(),
  maxOverdueDays: z.number(),
  reportsOnTimeRate: z.number().nullable(),
  reportsExpected: z.number(),
  reportsLate: z.number(),
  reportsMissing: z.number(),
  openTasks: z.number(),
  daysSinceUpdate: z.number().nullable(),
  inspections: z.record(z.string(), z.number()),
  inspectionValue: z.number().nullable(),
  subunitCompletion: z.number().nullable(),
  components: z.record(z.string(), z.number().nullable()),
  penalty: z.number(),
  score: z.number().nullable(),
  ratingCode: z.string().nullable(),
  rating: z.string().nullable(),
  head: z.object({ name: z.string(), position: z.string() }).nullable(),
})

/** How far a model practice has spread: districts and communes adopting, over time, by status. */
export const modelCoverageSchema = z.object({
  districts: z.object({ adopted: z.number(), total: z.number(), share: z.number() }),
  communes: z.object({ adopted: z.number(), total: z.number(), share: z.number() }),
  /** Cumulative adopters on each day someone adopted. */
  overTime: z.array(z.object({ date: z.string(), districts: z.number(), communes: z.number() })),
  /** Adoptions by state: asked by the committee, under way, evaluated (outcome recorded). */
  byStatus: z.object({ requested: z.number(), adopting: z.number(), evaluated: z.number() }),
  origin: z.object({ unitId: z.string(), unitName: z.string() }),
})

/** A model practice of the library with its coverage. */
export const modelPracticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.enum(modelStatuses),
  summary: z.string(),
  results: z.string(),
  /** Results in figures, compared across adopters: `{ "Giảm lượt ra đường (%)": 60 }`. */
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  /** Implementation steps; adopting makes one task per step for the adopter. */
  steps: z.array(z.string()),
  tags: z.array(z.string()),
  startedOn: z.string().nullable(),
  originUnitId: z.string(),
  originUnitName: z.string(),
  docName: z.string(),
  adoptionCount: z.number(),
  coverage: modelCoverageSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
})

/** A unit's adoption of a model practice (or the committee's request that it adopt) and the tasks it gave. */
export const modelAdoptionSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string().nullable(),
  parentUnitId: z.string().nullable(),
  startedAt: z.string(),
  /** requested, adopting or evaluated. */
  status: z.string(),
  note: z.string(),
  outcome: z.string(),
  /** How it went there, under the practice's own figure names. */
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  taskIds: z.array(z.string()),
  createdAt: z.string(),
})

/** A comment in a model practice's discussion (answers name their parent). */
export const modelCommentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
})

/** A file attached to a model practice. */
export const modelAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
})

/** One search hit: what it is, its title, a snippet with the matched words as [start, end) ranges. */
export const searchResultSchema = z.object({
  type: z.enum(searchTypes),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  /** [start, end) ranges of `snippet` that matched the query. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
  /** [start, end) ranges of `title` that matched the query. */
  titleHighlights: z.array(z.tuple([z.number(), z.number()])),
  /** The record's date (updated, issued, held, submitted), ISO. */
  date: z.string().nullable(),
  score: z.number(),
  /** The directive a clause belongs to; the task a report is on; the unit a task or report is of. */
  directiveId: z.string().optional(),
  taskId: z.string().nullable().optional(),
  unitId: z.string().nullable().optional(),
  status: z.string().optional(),
})

/** One entry of a record's audit trail: who did what, when, and the fields it changed. */
export const historyEntrySchema = z.object({
  id: z.number(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  before: z.unknown(),
  after: z.unknown(),
})

/** GET /api/changes: what changed since a cursor, for a client coming back online. */
export const changesSchema = z.object({
  cursor: z.string(),
  more: z.boolean(),
  reset: z.boolean(),
  tasks: z.array(taskViewSchema),
  reports: z.array(z.object({ report: z.object({ id: z.string() }).passthrough(), taskId: z.string() })),
  unitReports: z.array(z.object({ id: z.string(), unitId: z.string() }).passthrough()),
})

/** The city's report of a period, composed from the units' reports into a collaborative document. */
export const cityReportSchema = z.object({
  id: z.string(),
  /** The collaborative document holding its text: `city-report:<id>`. */
  docName: z.string(),
  issuerUnitId: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  composedBy: z.string().nullable(),
  composedByName: z.string().nullable(),
  composedAt: z.string(),
  version: z.number(),
  /** Whether the caller may edit its document (the office and the standing committee). */
  canEdit: z.boolean(),
})
