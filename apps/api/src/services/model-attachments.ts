// Materials of a model practice (scanned forms, write-ups): stored with the practice, read by every member.
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import { Forbidden, modelPolicy, NotFound } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import { checkUpload, documentRules } from './attachments'
import { audit } from './audit'
import { Service } from './change'

/** Largest material accepted: a scanned form or a short report, not a video. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

/** Materials of a practice, kept in the database so every process serves them. */
export class ModelAttachmentService extends Service {
  async add(actor: CurrentUser, modelId: string, file: File, requestId?: string) {
    const [p] = await this.db.select().from(schema.modelPractices).where(eq(schema.modelPractices.id, modelId)).limit(1)
    if (!p) throw new NotFound('model')
    if (!modelPolicy.attach(actor, this.units.tree, p.originUnitId)) throw new Forbidden()
    const checked = await checkUpload(file, documentRules, ATTACHMENT_MAX_BYTES)
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(schema.modelAttachments)
        .values({ practiceId: modelId, ...checked, uploadedBy: actor.userId })
        .returning({
          id: schema.modelAttachments.id,
          filename: schema.modelAttachments.filename,
          contentType: schema.modelAttachments.contentType,
          size: schema.modelAttachments.size,
          createdAt: schema.modelAttachments.createdAt,
        })
      const dto = { ...row!, modelId, createdAt: row!.createdAt.toISOString() }
      await audit(tx, { actor, requestId }, 'model.attach', ['model_attachment', dto.id], {
        after: dto,
        event: { type: 'model.attached', payload: { modelId, attachment: dto } },
      })
      return dto
    })
  }

  /** The stored file; every member of the system may read a practice's materials. */
  async get(actor: CurrentUser, modelId: string, attachmentId: string) {
    if (!modelPolicy.read(actor)) throw new Forbidden()
    const [row] = await this.db
      .select()
      .from(schema.modelAttachments)
      .where(and(eq(schema.modelAttachments.id, attachmentId), eq(schema.modelAttachments.practiceId, modelId)))
      .limit(1)
    if (!row) throw new NotFound('attachment')
    return row
  }
}
