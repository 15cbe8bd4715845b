import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../context'
import { ReportService, reportCreateSchema } from '../services/reports'
import { reportPhotoSchema } from './report-photos'
import { body, createRouter, errorsFor, idParam, json } from './router'
import { taskSchema } from './tasks'

const reportSchema = z
  .object({
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
  .openapi('Report')

/** Reports on a task, under /api/tasks/{id}/reports. */
export function reportRoutes(deps: Deps, reports = new ReportService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reports',
      tags: ['tasks'],
      summary: 'Báo cáo tiến độ / Report progress (also moves the task when you lead it)',
      request: { params: idParam, body: body(reportCreateSchema) },
      responses: {
        201: json(z.object({ report: reportSchema, task: taskSchema }), 'Report recorded'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const out = await reports.submit(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/reports',
      tags: ['tasks'],
      summary: 'Các báo cáo của nhiệm vụ / Reports on a task',
      request: { params: idParam },
      responses: {
        200: json(z.object({ reports: z.array(reportSchema) }), 'Newest first'),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json(await reports.list(c.get('user')!, c.req.valid('param').id), 200),
  )
  return app
}
