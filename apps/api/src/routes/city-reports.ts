// /api/city-reports: the city's report of a period, composed from the units' reports into a
// collaborative document, listed, read and exported in the formal layout (DOCX/PDF).
import { createRoute, z } from '@hono/zod-openapi'
import { cityReportSchema as cityReportContract } from '@hub/domain'
import type { Deps } from '../context'
import { CityReportService, cityReportCreateSchema, cityReportListQuerySchema } from '../services/city-reports'
import { body, createRouter, errorsFor, idParam, json } from './router'

const cityReportSchema = z.object(cityReportContract.shape).openapi('CityReport')

export function cityReportRoutes(deps: Deps, reports = new CityReportService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['accountability'],
      summary: 'Tổng hợp báo cáo của thành phố cho một kỳ / Compose the city’s report of a period',
      request: { body: body(cityReportCreateSchema) },
      responses: {
        201: json(z.object({ cityReport: cityReportSchema }), 'Composed; its document holds the draft'),
        ...errorsFor(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await reports.create(c.get('user')!, c.req.valid('json'), c.get('requestId')), 201),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['accountability'],
      summary: 'Báo cáo của thành phố theo kỳ / The city’s reports by period',
      request: { query: cityReportListQuerySchema },
      responses: {
        200: json(z.object({ cityReports: z.array(cityReportSchema) }), 'Newest period first'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => c.json(await reports.list(c.get('user')!, c.req.valid('query')), 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['accountability'],
      summary: 'Một báo cáo của thành phố / One city report',
      request: { params: idParam },
      responses: {
        200: json(z.object({ cityReport: cityReportSchema }), 'The report'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await reports.get(c.get('user')!, c.req.valid('param').id), 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/export',
      tags: ['accountability'],
      summary: 'Xuất báo cáo theo thể thức (DOCX, PDF) / Export in the formal layout',
      request: { params: idParam, query: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }) },
      responses: {
        200: {
          description: 'The document, its body the collaborative text as it stands',
          content: {
            'application/pdf': { schema: z.any() },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.any() },
          },
        },
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const out = await reports.export(c.get('user')!, c.req.valid('param').id, c.req.valid('query').format)
      return c.body(out.bytes, 200, {
        'content-type': out.contentType,
        'content-disposition': `attachment; filename="${out.fileName}"`,
      })
    },
  )
  return app
}
