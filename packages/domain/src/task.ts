// Tasks as the API and the web exchange them: statuses, timeliness, progress and the zod schemas of
// creating, patching, listing, viewing and confirming drafted tasks.

import { z } from 'zod'
import { isIsoDate } from './dates'
import { recurrenceFreqs, reportCycles } from './vocabulary'

export const taskStatuses = ['not_started', 'in_progress', 'done', 'paused'] as const
export const taskStatusSchema = z.enum(taskStatuses)
export type TaskStatus = z.infer<typeof taskStatusSchema>

/** The four states users count, derived from the due date and the completion time. */
export const timelinessValues = ['on_time', 'late', 'open', 'overdue'] as const
export type Timeliness = (typeof timelinessValues)[number]

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD / Date must be YYYY-MM-DD' })

export const recurrenceSchema = z.object({
  freq: z.enum(recurrenceFreqs),
  reportCycle: z.enum(reportCycles),
})

const title = z.string().trim().min(1).max(500)
const uuid = z.string().uuid()

export const taskCreateSchema = z
  .object({
    title,
    description: z.string().max(20_000).optional(),
    leadUnitId: uuid,
    supportUnitIds: z.array(uuid).max(700).optional(),
    accountableUserId: uuid.nullable().optional(),
    dueAt: isoDateSchema.nullable().optional(),
    recurrence: recurrenceSchema.nullable().optional(),
    directiveId: uuid.nullable().optional(),
    clauseOrdinal: z.number().int().positive().nullable().optional(),
    meetingId: uuid.nullable().optional(),
    parentTaskId: uuid.nullable().optional(),
    status: taskStatusSchema.optional(),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .strict()
export type TaskCreate = z.infer<typeof taskCreateSchema>

export const taskPatchSchema = z
  .object({
    version: z.number().int().positive(),
    title: title.optional(),
    description: z.string().max(20_000).optional(),
    supportUnitIds: z.array(uuid).max(700).optional(),
    accountableUserId: uuid.nullable().optional(),
    dueAt: isoDateSchema.nullable().optional(),
    recurrence: recurrenceSchema.nullable().optional(),
    status: taskStatusSchema.optional(),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .strict()
export type TaskPatch = z.infer<typeof taskPatchSchema>

export const taskListQuerySchema = z.object({
  unitId: uuid.optional(),
  /** Include tasks of the unit's sub-units (a district and its communes). */
  includeSubunits: z.enum(['true', 'false']).optional(),
  status: taskStatusSchema.optional(),
  timeliness: z.enum(timelinessValues).optional(),
  directiveId: uuid.optional(),
  assigneeId: uuid.optional(),
  parentTaskId: uuid.optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type TaskListQuery = z.infer<typeof taskListQuerySchema>

/**
 * done on time / done late / open within the deadline / overdue. A task without a due date is
 * never late. `today` is the current day in Vietnam (YYYY-MM-DD); `completedDay` the Vietnam day
 * the task was completed.
 */
export function timeliness(
  t: { status: TaskStatus; dueAt: string | null; completedDay: string | null },
  today: string,
): Timeliness {
  if (t.status === 'done') {
    if (!t.dueAt || !t.completedDay) return 'on_time'
    return t.completedDay <= t.dueAt ? 'on_time' : 'late'
  }
  if (t.dueAt && today > t.dueAt) return 'overdue'
  return 'open'
}

/** Keeps status, progress and completion consistent: done means 100%, 100% means done. */
export function normaliseProgress(
  status: TaskStatus,
  progress: number,
  patch: { status?: TaskStatus; progress?: number },
): { status: TaskStatus; progress: number } {
  let s = patch.status ?? status
  let p = patch.progress ?? progress
  if (patch.status === 'done') p = 100
  else if (patch.progress === 100 && patch.status === undefined) s = 'done'
  else if (patch.progress !== undefined && patch.progress > 0 && s === 'not_started') s = 'in_progress'
  else if (s !== 'done' && status === 'done' && patch.progress === undefined) p = Math.min(p, 99)
  return { status: s, progress: p }
}

/** A task as the API returns it (and every task event carries). */
export const taskViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: taskStatusSchema,
  progress: z.number(),
  timeliness: z.enum(timelinessValues),
  leadUnitId: z.string(),
  supportUnitIds: z.array(z.string()),
  accountableUserId: z.string().nullable(),
  dueAt: z.string().nullable(),
  recurrence: z.object({ freq: z.string(), reportCycle: z.string() }).nullable(),
  directiveId: z.string().nullable(),
  clauseOrdinal: z.number().nullable(),
  meetingId: z.string().nullable(),
  parentTaskId: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
})
export type TaskView = z.infer<typeof taskViewSchema>

/** A task draft from a directive's clause, reviewed by the office and sent to be confirmed into tasks. */
export const taskDraftConfirmSchema = z
  .object({
    clauseOrdinal: z.number().int().positive(),
    title,
    description: z.string().max(20_000).optional(),
    leadUnitIds: z.array(uuid).max(700),
    supportUnitIds: z.array(uuid).max(700).default([]),
    dueAt: isoDateSchema.nullable().default(null),
    recurrence: recurrenceSchema.nullable().default(null),
    /** Give the task to every recipient "để thực hiện" (each gets its own copy). */
    toExecuteRecipients: z.boolean().optional(),
  })
  .strict()
export type TaskDraftToConfirm = z.infer<typeof taskDraftConfirmSchema>
