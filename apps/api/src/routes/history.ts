// GET /api/history/{type}/{id}: a record's audit trail over services/history.ts, with its entry shape
// in the OpenAPI contract.

import { createRoute, z } from '@hono/zod-openapi'
import { historyEntrySchema } from '@hub/domain'
import type { Deps } from '../context'
import { HistoryService, historyTypes } from '../services/history'
import { createRouter, errorsFor, json } from './router'

const entrySchema = z.object(historyEntrySchema.shape).openapi('HistoryEntry')

/** GET /api/history/{type}/{id}: a record's audit trail, for those who may read the record. */
export function historyRoutes(deps: Deps, history = new HistoryService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{type}/{id}',
      tags: ['accountability'],
      summary: 'Lịch sử thay đổi của một hồ sơ / Who changed a record, what, when, before and after',
      request: { params: z.object({ type: z.enum(historyTypes), id: z.string().max(64) }) },
      responses: {
        200: json(z.object({ entries: z.array(entrySchema) }), 'Oldest first'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { type, id } = c.req.valid('param')
      return c.json(await history.list(c.get('user')!, type, id), 200)
    },
  )
  return app
}
