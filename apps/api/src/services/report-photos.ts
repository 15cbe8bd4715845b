// Photos sent with a report (a unit's periodic report or a progress update on a task): added by the
// person who submitted the report, read by whoever may read the report, never by anyone else.
import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, type ReportRow, schema } from '@hub/db'
import { Forbidden, NotFound, reportPolicy, taskPolicy } from '@hub/domain'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { ApiError } from '../errors'
import { checkUpload, photoRules } from './attachments'
import { audit } from './audit'
import { Service } from './change'
import { supportsOf } from './tasks'
import type { UnitDirectory } from './unit-directory'

/** Largest photo accepted: the browser downscales to about 1600 px (a few hundred kB); an untouched phone photo still fits. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
/** Photos one report may carry. */
export const PHOTOS_PER_REPORT = 6

/** Whether the actor may read this report: a task's report under the task's rules, a periodic one under the unit's. */
export async function mayReadReport(db: DbOrTx, units: UnitDirectory, actor: CurrentUser, report: ReportRow) {
  if (report.kind !== 'task' || !report.taskId) return reportPolicy.read(actor, units.tree, report.unitId)
  const [task] = await db.select().from(schema.tasks).where(eq(schema.tasks.id, report.taskId)).limit(1)
  if (!task) return false
  const supportUnitIds = (await supportsOf(db, [task.id])).get(task.id) ?? []
  return taskPolicy.read(actor, units.tree, { ...task, supportUnitIds })
}

const photoColumns = {
  id: schema.reportAttachments.id,
  reportId: schema.reportAttachments.reportId,
  filename: schema.reportAttachments.filename,
  contentType: schema.reportAttachments.contentType,
  size: schema.reportAttachments.size,
  createdAt: schema.reportAttachments.createdAt,
}
type PhotoRow = { [K in keyof typeof photoColumns]: (typeof schema.reportAttachments.$inferSelect)[K] }
const presentPhoto = (r: PhotoRow) => ({ ...r, createdAt: r.createdAt.toISOString() })
export type ReportPhoto = ReturnType<typeof presentPhoto>

/** The photos of these reports (no bytes), oldest first, by report. */
export async function photosOf(db: DbOrTx, reportIds: string[]): Promise<Map<string, ReportPhoto[]>> {
  const out = new Map<string, ReportPhoto[]>()
  if (!reportIds.length) return out
  const rows = await db
    .select(photoColumns)
    .from(schema.reportAttachments)
    .where(inArray(schema.reportAttachments.reportId, reportIds))
    .orderBy(asc(schema.reportAttachments.createdAt), asc(schema.reportAttachments.id))
  for (const r of rows) out.set(r.reportId, [...(out.get(r.reportId) ?? []), presentPhoto(r)])
  return out
}

export class ReportPhotoService extends Service {
  private async report(actor: CurrentUser, reportId: string) {
    const [report] = await this.db.select().from(schema.reports).where(eq(schema.reports.id, reportId)).limit(1)
    // Another unit's report is not said to exist.
    if (!report || !(await mayReadReport(this.db, this.units, actor, report))) throw new NotFound('report')
    return report
  }

  /** Adds a photo to a report; only its submitter does, up to PHOTOS_PER_REPORT. */
  async add(actor: CurrentUser, reportId: string, file: File, requestId?: string) {
    const report = await this.report(actor, reportId)
    if (report.submittedBy !== actor.userId) throw new Forbidden()
    const checked = await checkUpload(file, photoRules, PHOTO_MAX_BYTES)
    return await this.change(async (tx) => {
      // Counted under the report's lock, so two uploads at once cannot pass the limit together.
      await tx
        .select({ id: schema.reports.id })
        .from(schema.reports)
        .where(eq(schema.reports.id, reportId))
        .for('update')
      const held = await tx
        .select({ id: schema.reportAttachments.id })
        .from(schema.reportAttachments)
        .where(eq(schema.reportAttachments.reportId, reportId))
      if (held.length >= PHOTOS_PER_REPORT)
        throw new ApiError(
          409,
          'too_many_photos',
          `Mỗi báo cáo tối đa ${PHOTOS_PER_REPORT} ảnh / At most ${PHOTOS_PER_REPORT} photos per report`,
        )
      const [row] = await tx
        .insert(schema.reportAttachments)
        .values({ reportId, ...checked, uploadedBy: actor.userId })
        .returning(photoColumns)
      const photo = presentPhoto(row!)
      await audit(tx, { actor, requestId }, 'report.attach', ['report_attachment', photo.id], { after: photo })
      return photo
    })
  }

  /** The photos of a report the actor may read. */
  async list(actor: CurrentUser, reportId: string) {
    await this.report(actor, reportId)
    return { photos: (await photosOf(this.db, [reportId])).get(reportId) ?? [] }
  }

  /** One stored photo, under the report's read rules. */
  async get(actor: CurrentUser, reportId: string, photoId: string) {
    await this.report(actor, reportId)
    const [row] = await this.db
      .select()
      .from(schema.reportAttachments)
      .where(and(eq(schema.reportAttachments.id, photoId), eq(schema.reportAttachments.reportId, reportId)))
      .limit(1)
    if (!row) throw new NotFound('attachment')
    return row
  }
}
