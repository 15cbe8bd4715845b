// Progress reports on a task: one report records the update and moves the task, listed with who sent
// each. Behind /api/tasks/{id}/reports.

import type { CurrentUser } from '@hub/auth'
import { type ReportRow, schema } from '@hub/db'
import { Forbidden, NotFound, normaliseProgress, taskPolicy } from '@hub/domain'
import { desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { audit, recordChange } from './audit'
import { Service } from './change'
import { photosOf } from './report-photos'
import { presentTask, rollUp, supportsOf } from './tasks'
import { withUsers } from './user-names'

export const reportCreateSchema = z
  .object({
    progress: z.number().int().min(0).max(100).optional(),
    narrative: z.string().trim().max(20_000).default(''),
    /** Khó khăn, vướng mắc that need a decision from above. */
    difficulties: z.string().trim().max(10_000).default(''),
    figures: z.record(z.string().max(60), z.union([z.number(), z.string().max(200)])).optional(),
  })
  .strict()
  .refine((r) => r.progress !== undefined || r.narrative.length > 0 || r.difficulties.length > 0, {
    message: 'Báo cáo trống / Empty report',
    path: ['narrative'],
  })
export type ReportCreate = z.infer<typeof reportCreateSchema>

export function presentReport(r: ReportRow, submitterName?: string | null) {
  return {
    id: r.id,
    kind: r.kind,
    taskId: r.taskId,
    unitId: r.unitId,
    progress: r.progress,
    narrative: r.narrative,
    difficulties: r.difficulties,
    figures: r.figures,
    submittedBy: r.submittedBy,
    submittedByName: submitterName ?? null,
    submittedAt: r.submittedAt.toISOString(),
  }
}

/**
 * A report on a task is the progress update itself: one action records the report and moves the
 * task, so nobody reports twice. Supporting units report on their share without moving the task.
 */
export class ReportService extends Service {
  async submit(actor: CurrentUser, taskId: string, input: ReportCreate, requestId?: string) {
    return await this.change(async (tx) => {
      const [row] = await tx.select().from(schema.tasks).where(eq(schema.tasks.id, taskId)).for('update').limit(1)
      if (!row) throw new NotFound('task')
      const before = presentTask(row, (await supportsOf(tx, [taskId])).get(taskId) ?? [])
      if (!taskPolicy.report(actor, this.units.tree, before)) throw new Forbidden()
      const leads = taskPolicy.update(actor, this.units.tree, before)
      const reportingUnit = leads
        ? row.leadUnitId
        : (before.supportUnitIds.find((u) => actor.grants.some((g) => this.units.tree.isWithin(u, g.unitId))) ??
          row.leadUnitId)
      const [report] = await tx
        .insert(schema.reports)
        .values({
          kind: 'task',
          taskId,
          unitId: reportingUnit,
          progress: input.progress ?? null,
          narrative: input.narrative,
          difficulties: input.difficulties,
          figures: input.figures ?? null,
          submittedBy: actor.userId,
        })
        .returning()
      let task = before
      // A parent's progress is its children's (rollUpState): a report on it tells, it does not set.
      const [child] = await tx
        .select({ id: schema.tasks.id })
        .from(schema.tasks)
        .where(eq(schema.tasks.parentTaskId, taskId))
        .limit(1)
      if (leads && !child && input.progress !== undefined && input.progress !== row.progress) {
        const next = normaliseProgress(row.status, row.progress, { progress: input.progress })
        const [updated] = await tx
          .update(schema.tasks)
          .set({
            ...next,
            completedAt: next.status === 'done' ? (row.completedAt ?? new Date()) : null,
            updatedAt: new Date(),
            version: sql`${schema.tasks.version} + 1`,
          })
          .where(eq(schema.tasks.id, taskId))
          .returning()
        task = presentTask(updated!, before.supportUnitIds)
        await recordChange(tx, {
          actorUserId: actor.userId,
          action: 'task.update',
          entityType: 'task',
          entityId: taskId,
          before,
          after: task,
          requestId,
          event: {
            type: 'task.updated',
            payload: {
              task,
              before: { status: before.status, progress: before.progress },
            },
          },
        })
        await rollUp(tx, row.parentTaskId, actor.userId, requestId)
      }
      const dto = presentReport(report!, actor.fullName)
      await audit(tx, { actor, requestId }, 'report.submit', ['report', dto.id], {
        after: dto,
        event: { type: 'report.submitted', payload: { report: dto, task } },
      })
      return { report: dto, task }
    })
  }

  async list(actor: CurrentUser, taskId: string) {
    const [row] = await this.db.select().from(schema.tasks).where(eq(schema.tasks.id, taskId)).limit(1)
    if (!row) throw new NotFound('task')
    const supportUnitIds = (await supportsOf(this.db, [taskId])).get(taskId) ?? []
    if (!taskPolicy.read(actor, this.units.tree, { ...row, supportUnitIds })) throw new Forbidden()
    const rows = await withUsers(
      this.db,
      await this.db
        .select()
        .from(schema.reports)
        .where(eq(schema.reports.taskId, taskId))
        .orderBy(desc(schema.reports.submittedAt)),
      (r) => r.submittedBy,
    )
    const photos = await photosOf(
      this.db,
      rows.map((r) => r.row.id),
    )
    return {
      reports: rows.map((r) => ({ ...presentReport(r.row, r.name), photos: photos.get(r.row.id) ?? [] })),
    }
  }
}
