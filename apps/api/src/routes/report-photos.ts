// /api/reports/{id}/photos: photos sent with a report (periodic or a task's progress update), read under
// the report's rules; multipart upload, one photo a request (so a retry after a lost answer resends one).
import { z } from '@hono/zod-openapi'
import { reportPhotoSchema as reportPhotoContract } from '@hub/domain'
import type { Deps } from '../context'
import { photoRules } from '../services/attachments'
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT, ReportPhotoService } from '../services/report-photos'
import { operations } from './operation'
import { createRouter, idParam, json } from './router'
import { storedFileRoute, uploadRoute } from './uploads'

export const reportPhotoSchema = z.object(reportPhotoContract.shape).openapi('ReportPhoto')

/** Whether a request is a photo upload (its body may exceed the hub's JSON limit; the route sets its own). */
export function isReportPhotoUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/reports\/[0-9a-f-]{36}\/photos\/?$/i.test(path)
}

export function reportPhotoRoutes(deps: Deps, photos = new ReportPhotoService(deps)) {
  const app = createRouter()
  const op = operations('accountability')
  uploadRoute(app, op, {
    files: 'photos',
    summary: `Gửi ảnh kèm báo cáo / Add a photo to your report (multipart field "file"; ${Object.keys(photoRules).join(', ')}; at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB, ${PHOTOS_PER_REPORT} a report)`,
    key: 'photo',
    schema: reportPhotoSchema,
    maxBytes: PHOTO_MAX_BYTES,
    tooLarge: 'Photo too large',
    wrongType: 'Not a JPEG, PNG or WebP photo',
    statuses: [400, 401, 403, 404, 409],
    add: (actor, id, file, requestId) => photos.add(actor, id, file, requestId),
  })
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
  storedFileRoute(app, op, {
    files: 'photos',
    param: 'photoId',
    summary: 'Một ảnh / One photo (shown inline, never run as a page)',
    description: 'The photo',
    contentType: 'image/jpeg',
    statuses: [400, 401, 404],
    disposition: 'inline',
    get: (actor, id, photoId) => photos.get(actor, id, photoId),
  })
  return app
}
