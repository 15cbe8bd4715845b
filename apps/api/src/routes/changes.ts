// GET /api/changes?since=<cursor>: the catch-up of a client that was offline (see services/changes.ts).
import { createRoute, z } from '@hono/zod-openapi'
import { changesSchema as changesContract } from '@hub/domain'
import type { Deps } from '../context'
import { ChangeFeedService } from '../services/changes'
import { createRouter, errorsFor, json } from './router'
import { taskSchema } from './tasks'

const changesQuery = z.object({
  /** The cursor from the previous answer; absent: only the cursor to start from is answered. */
  since: z
    .string()
    .regex(/^\d{1,15}$/, 'a cursor from a previous answer')
    .optional()
    .openapi({ example: '1042' }),
})

const changesSchema = z.object({ ...changesContract.shape, tasks: z.array(taskSchema) }).openapi('Changes')

export function changeRoutes(deps: Deps, feed = new ChangeFeedService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['live'],
      summary:
        'Những gì thay đổi từ lần trước / What changed since a cursor: the tasks and reports you may read, and the next cursor',
      request: { query: changesQuery },
      responses: {
        200: json(changesSchema, 'Changes after the cursor, oldest first; call again while `more`'),
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { since } = c.req.valid('query')
      return c.json(await feed.since(c.get('user')!, since === undefined ? undefined : Number(since)), 200)
    },
  )
  return app
}
