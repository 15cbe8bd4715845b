// Progress reports on a task (/api/tasks/{id}/reports): submitting one and listing them, over
// services/reports.ts, with the report's shape in the OpenAPI contract.

import { z } from '@hono/zod-openapi'
import { reportSchema as reportContract } from '@hub/domain'
import type { Deps } from '../context'
import { ReportService, reportCreateSchema } from '../services/reports'
import { operations } from './operation'
import { reportPhotoSchema } from './report-photos'
import { body, createRouter, idParam, json } from './router'
import { taskSchema } from './tasks'

const reportSchema = z
  .object({ ...reportContract.shape, photos: z.array(reportPhotoSchema).optional() })
  .openapi('Report')

/** Reports on a task, under /api/tasks/{id}/reports. */
export function reportRoutes(deps: Deps, reports = new ReportService(deps)) {
  const app = createRouter()
  const op = operations('tasks')
  app.openapi(
    op(
      'post /{id}/reports',
      'Báo cáo tiến độ / Report progress (also moves the task when you lead it)',
      { 201: json(z.object({ report: reportSchema, task: taskSchema }), 'Report recorded') },
      [400, 401, 403, 404],
      { request: { params: idParam, body: body(reportCreateSchema) } },
    ),
    async (c) => {
      const out = await reports.submit(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    op(
      'get /{id}/reports',
      'Các báo cáo của nhiệm vụ / Reports on a task',
      { 200: json(z.object({ reports: z.array(reportSchema) }), 'Newest first') },
      [401, 403, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await reports.list(c.get('user')!, c.req.valid('param').id), 200),
  )
  return app
}
