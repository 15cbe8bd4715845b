import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import { Forbidden, modelPolicy, NotFound } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import { ApiError } from '../errors'
import { audit } from './audit'
import { Service } from './change'

/** Largest material accepted: a scanned form or a short report, not a video. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

/** What may be attached, by extension: the type served back, and the first bytes the file must start with. */
const allowed: Record<string, { type: string; magic: number[] | null }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  txt: { type: 'text/plain; charset=utf-8', magic: null },
}
export const allowedAttachmentExtensions = Object.keys(allowed)

export const tooLarge = () =>
  new ApiError(
    413,
    'payload_too_large',
    `Tệp quá lớn (tối đa ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB) / File too large (max ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)`,
  )
const unsupported = (why: string) =>
  new ApiError(
    415,
    'unsupported_media_type',
    `Loại tệp không được phép (${allowedAttachmentExtensions.join(', ')}) / File type not allowed: ${why}`,
  )

/** The stored type of a file, judged by its extension and confirmed by its first bytes; never the client's claim. */
export function attachmentType(filename: string, bytes: Uint8Array): string {
  const ext = filename.toLowerCase().split('.').pop() ?? ''
  const rule = allowed[ext]
  if (!rule || !filename.includes('.')) throw unsupported(ext || 'no extension')
  if (rule.magic && !rule.magic.every((b, i) => bytes[i] === b)) throw unsupported(`content is not ${ext}`)
  if (!rule.magic) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      if (text.includes('\u0000')) throw new Error('binary')
    } catch {
      throw unsupported('not UTF-8 text')
    }
  }
  return rule.type
}

/** A file name safe for storage and for Content-Disposition: no paths, no control characters. */
export function safeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim()
  return (clean || 'tep').slice(0, 200)
}

/** Content-Disposition for a download: an ASCII fallback and the exact name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]|["\\;]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/** Materials of a practice, kept in the database so every process serves them. */
export class ModelAttachmentService extends Service {
  async add(actor: CurrentUser, modelId: string, file: File, requestId?: string) {
    const [p] = await this.db.select().from(schema.modelPractices).where(eq(schema.modelPractices.id, modelId)).limit(1)
    if (!p) throw new NotFound('model')
    if (!modelPolicy.attach(actor, this.units.tree, p.originUnitId)) throw new Forbidden()
    if (file.size > ATTACHMENT_MAX_BYTES) throw tooLarge()
    const bytes = new Uint8Array(await file.arrayBuffer())
    const filename = safeFilename(file.name)
    const contentType = attachmentType(filename, bytes)
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(schema.modelAttachments)
        .values({
          practiceId: modelId,
          filename,
          contentType,
          size: bytes.length,
          data: bytes,
          uploadedBy: actor.userId,
        })
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
