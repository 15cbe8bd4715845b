// GET /api/search: the HTTP face of services/search.ts, with its result shape in the OpenAPI contract.

import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../context'
import { SearchService, searchQuerySchema, searchTypes } from '../services/search'
import { createRouter, errorsFor, json } from './router'

const resultSchema = z
  .object({
    type: z.enum(searchTypes),
    id: z.string(),
    title: z.string(),
    snippet: z.string(),
    highlights: z.array(z.tuple([z.number(), z.number()])),
    titleHighlights: z.array(z.tuple([z.number(), z.number()])),
    date: z.string().nullable(),
    score: z.number(),
  })
  .passthrough()
  .openapi('SearchResult')

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
