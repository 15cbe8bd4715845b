// The measure's endpoints (/api/measure) over services/measure.ts: the ranking and its spreadsheet, a
// unit's figures with the records behind them, its trend, and the committee's weights.

import { createRoute, z } from '@hono/zod-openapi'
import { renderMeasureXlsx } from '@hub/documents'
import { measureRowSchema, measureSettingsSchema } from '@hub/domain'
import type { Deps } from '../context'
import { MeasureService } from '../services/measure'
import { body, createRouter, errorsFor, json } from './router'

const periodQuery = z
  .string()
  .max(40)
  .optional()
  .openapi({ description: '`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY-MM-DD..YYYY-MM-DD` or `Nd` (default `30d`)' })

const rowSchema = z.object(measureRowSchema.shape).openapi('MeasureRow')

const kindTitles = {
  district: 'quận, huyện, thị xã',
  commune: 'xã, phường, thị trấn',
  sector: 'sở, ngành',
  body: 'cơ quan Đảng, đoàn thể',
  city: 'thành phố',
} as const

const periodSchema = z.object({ key: z.string(), from: z.string(), to: z.string(), cycle: z.string().nullable() })

/** GET /api/measure (ranking), GET /api/measure/{unitId} (drill-down), the committee's weights. */
export function measureRoutes(deps: Deps, measure = new MeasureService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['accountability'],
      summary: 'Thước đo: xếp hạng đơn vị / The measure: ranking of units',
      request: {
        query: z.object({
          kind: z.enum(['district', 'commune', 'sector', 'body', 'city']).default('district'),
          period: periodQuery,
          parentId: z.string().uuid().optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            period: periodSchema,
            today: z.string(),
            settings: measureSettingsSchema,
            ratings: z.record(z.string(), z.string()),
            rows: z.array(rowSchema),
          }),
          'One row per unit in your reach, best score first',
        ),
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await measure.list(c.get('user')!, q.kind, q.period, q.parentId), 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['accountability'],
      summary: 'Xuất bảng xếp hạng ra Excel / The ranking as a spreadsheet (.xlsx)',
      request: {
        query: z.object({
          kind: z.enum(['district', 'commune', 'sector', 'body', 'city']).default('district'),
          period: periodQuery,
          format: z.enum(['xlsx']).default('xlsx'),
        }),
      },
      responses: {
        200: {
          description: 'The workbook: the ranking and how it is computed',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
        },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const list = await measure.list(c.get('user')!, q.kind, q.period)
      const buf = await renderMeasureXlsx({
        title: `Thước đo trách nhiệm: ${kindTitles[q.kind]}`,
        period: list.period,
        generatedAt: new Date(),
        rows: list.rows,
        settings: list.settings,
      })
      return c.body(new Uint8Array(buf), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="thuoc-do-${q.kind}-${list.period.key.replace(/[^\w-]+/g, '-')}.xlsx"`,
      })
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['accountability'],
      summary: 'Trọng số và ngưỡng xếp loại / Weights and rating thresholds',
      responses: {
        200: json(
          z.object({
            settings: measureSettingsSchema,
            defaults: measureSettingsSchema,
            updatedAt: z.string().nullable(),
            updatedBy: z.string().nullable(),
          }),
          'Current settings',
        ),
        ...errorsFor(401, 403),
      },
    }),
    async (c) => c.json(await measure.settings(c.get('user')!), 200),
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/settings',
      tags: ['accountability'],
      summary: 'Ban Thường vụ đổi trọng số, ngưỡng (có ghi vết) / The committee changes weights (audited)',
      request: { body: body(measureSettingsSchema) },
      responses: {
        200: json(z.object({ settings: measureSettingsSchema }), 'Saved'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const out = await measure.updateSettings(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{unitId}',
      tags: ['accountability'],
      summary: 'Thước đo của một đơn vị và các hồ sơ sau mỗi con số / A unit with every record behind each figure',
      request: { params: z.object({ unitId: z.string().uuid() }), query: z.object({ period: periodQuery }) },
      responses: {
        200: json(
          z.object({
            unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable() }),
            parent: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
            head: z.object({ name: z.string(), position: z.string() }).nullable(),
            period: periodSchema,
            today: z.string(),
            settings: measureSettingsSchema,
            ratings: z.record(z.string(), z.string()),
            figures: rowSchema.omit({ rank: true, head: true }),
            records: z.record(z.string(), z.array(z.unknown())),
            heads: z.array(
              z.object({
                id: z.string(),
                userId: z.string().nullable(),
                name: z.string(),
                position: z.string(),
                unitId: z.string(),
                from: z.string().openapi({ description: 'First day in office counted (YYYY-MM-DD)' }),
                to: z.string().nullable(),
                figures: rowSchema.omit({ rank: true, head: true }),
                records: z.record(z.string(), z.array(z.unknown())),
              }),
            ),
            children: z.array(rowSchema.omit({ rank: true })),
          }),
          'Figures, records (tasks link to /tasks/{id}), its heads over the period (người đứng đầu: the tasks naming them accountable, the unit’s unnamed tasks, reports and inspections while in office) and sub-units',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(await measure.unit(c.get('user')!, c.req.valid('param').unitId, c.req.valid('query').period), 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{unitId}/trend',
      tags: ['accountability'],
      summary: 'Diễn biến điểm qua các tuần, tháng / A unit’s score over weeks or months',
      request: {
        params: z.object({ unitId: z.string().uuid() }),
        query: z.object({
          cycle: z.enum(['weekly', 'monthly']).default('weekly'),
          count: z.coerce.number().int().min(2).max(24).default(8),
          until: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional()
            .openapi({
              description: 'Ngày cuối của kỳ cuối (mặc định hôm nay) / The last period’s day (default today)',
            }),
        }),
      },
      responses: {
        200: json(
          z.object({
            unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
            cycle: z.string(),
            points: z.array(
              z.object({
                period: periodSchema,
                score: z.number().nullable(),
                ratingCode: z.string().nullable(),
                rating: z.string().nullable(),
                onTimeRate: z.number().nullable(),
                overdue: z.number(),
                reportsOnTimeRate: z.number().nullable(),
                dueInPeriod: z.number(),
                beforeReform: z.boolean(),
                predecessors: z.array(z.object({ id: z.string(), name: z.string(), share: z.string() })),
              }),
            ),
            seam: z.object({ on: z.string() }).nullable(),
          }),
          'Oldest period first, the current one last; before the unit’s reform, measured on its predecessors',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await measure.trend(c.get('user')!, c.req.valid('param').unitId, q.cycle, q.count, q.until), 200)
    },
  )
  return app
}
