// /api/reports/{id}/photos: photos sent with a report (periodic or a task's progress update), read under
// the report's rules; multipart upload, one photo a request (so a retry after a lost answer resends one).
import { z } from '@hono/zod-openapi'
import type { Deps } from '../context'
import { fileHeaders, photoRules } from '../services/attachments'
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT, ReportPhotoService } from '../services/report-photos'
import { operations } from './operation'
import { createRouter, idParam, json } from './router'
import { fileError, fileUpload, uploadedFile } from './uploads'

export const reportPhotoSchema = z
  .object({
    id: z.string(),
    reportId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number(),
    createdAt: z.string(),
  })
  .openapi('ReportPhoto')

const photoParams = z.object({ id: z.string().uuid(), photoId: z.string().uuid() })
/** Whether a request is a photo upload (its body may exceed the hub's JSON limit; the route sets its own). */
export function isReportPhotoUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/reports\/[0-9a-f-]{36}\/photos\/?$/i.test(path)
}

export function reportPhotoRoutes(deps: Deps, photos = new ReportPhotoService(deps)) {
  const app = createRouter()
  const op = operations('accountability')
  const upload = fileUpload(PHOTO_MAX_BYTES)
  app.openapi(
    op(
      'post /{id}/photos',
      `Gửi ảnh kèm báo cáo / Add a photo to your report (multipart field "file"; ${Object.keys(photoRules).join(', ')}; at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB, ${PHOTOS_PER_REPORT} a report)`,
      {
        201: json(z.object({ photo: reportPhotoSchema }), 'Stored'),
        413: fileError('Photo too large'),
        415: fileError('Not a JPEG, PNG or WebP photo'),
      },
      [400, 401, 403, 404, 409],
      { middleware: upload.middleware, request: { params: idParam, body: upload.body } },
    ),
    async (c) => {
      const file = uploadedFile(c.req.valid('form'))
      const photo = await photos.add(c.get('user')!, c.req.valid('param').id, file, c.get('requestId'))
      return c.json({ photo }, 201)
    },
  )
  app.openapi(
    op(
      'get /{id}/photos',
      'Ảnh kèm báo cáo / The photos of a report',
      { 200: json(z.object({ photos: z.array(reportPhotoSchema) }), 'Oldest first') },
      [400, 401, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await photos.list(c.get('user')!, c.req.valid('param').id), 200),
  )
  app.openapi(
    op(
      'get /{id}/photos/{photoId}',
      'Một ảnh / One photo (shown inline, never run as a page)',
      { 200: { description: 'The photo', content: { 'image/jpeg': { schema: z.any() } } } },
      [400, 401, 404],
      { request: { params: photoParams } },
    ),
    async (c) => {
      const { id, photoId } = c.req.valid('param')
      const row = await photos.get(c.get('user')!, id, photoId)
      return c.body(new Uint8Array(row.data), 200, fileHeaders(row, 'inline'))
    },
  )
  return app
}
