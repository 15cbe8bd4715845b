// GET /api/search: the HTTP face of services/search.ts, with its result shape in the OpenAPI contract.

import { createRoute, z } from '@hono/zod-openapi'
import { searchResultSchema } from '@hub/domain'
import type { Deps } from '../context'
import { SearchService, searchQuerySchema } from '../services/search'
import { createRouter, errorsFor, json } from './router'

const resultSchema = z.looseObject(searchResultSchema.shape).openapi('SearchResult')

/** One search over everything the user may read; diacritics optional. */
export function searchRoutes(deps: Deps, search = new SearchService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['search'],
      summary:
        'Tìm kiếm / Search models, directives, clauses, tasks, reports, meeting minutes and units ("phieu di cho" finds "phiếu đi chợ"); `type` narrows to one or more types',
      request: { query: searchQuerySchema },
      responses: {
        200: json(z.object({ results: z.array(resultSchema), query: z.string() }), 'Best first'),
        ...errorsFor(400, 401),
      },
    }),
    async (c) => c.json(await search.search(c.get('user')!, c.req.valid('query')), 200),
  )
  return app
}
