// The periodic report endpoints over services/periodic-reports.ts: submit and list reports, report
// schedules, a draft composed from task updates, who has not reported, the committee's decisions.

import { z } from '@hono/zod-openapi'
import { isoDateSchema, owedReportSchema, periodicReportViewSchema, reportScheduleSchema, vnDay } from '@hub/domain'
import type { Deps } from '../context'
import {
  decisionSchema,
  PeriodicReportService,
  periodicReportSchema,
  reportListQuerySchema,
  scheduleCreateSchema,
} from '../services/periodic-reports'
import { operations } from './operation'
import { body, createRouter, idParam, json } from './router'

const reportSchema = z.object(periodicReportViewSchema.shape).openapi('PeriodicReport')

const owedSchema = owedReportSchema

/** /api/reports: periodic reports of one's own unit, the missing list, the committee's answers. */
export function periodicReportRoutes(deps: Deps, reports = new PeriodicReportService(deps)) {
  const app = createRouter()
  const op = operations('accountability')
  app.openapi(
    op(
      'post /',
      'Gửi báo cáo định kỳ của đơn vị mình / Submit your own unit’s periodic report',
      { 201: json(z.object({ report: reportSchema }), 'Recorded') },
      [400, 401, 403, 404],
      { request: { body: body(periodicReportSchema) } },
    ),
    async (c) => {
      const out = await reports.submit(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    op(
      'get /',
      'Báo cáo định kỳ / Periodic reports (`difficulties=open`: the committee’s inbox)',
      { 200: json(z.object({ reports: z.array(reportSchema) }), 'Newest first') },
      [400, 401, 403, 404],
      { request: { query: reportListQuerySchema } },
    ),
    async (c) => c.json(await reports.list(c.get('user')!, c.req.valid('query')), 200),
  )
  const scheduleSchema = z.object(reportScheduleSchema.shape).openapi('ReportSchedule')
  app.openapi(
    op(
      'get /schedules',
      'Lịch báo cáo định kỳ / Report schedules',
      { 200: json(z.object({ schedules: z.array(scheduleSchema) }), 'Schedules') },
      [401],
    ),
    async (c) => c.json(await reports.schedules(), 200),
  )
  app.openapi(
    op(
      'post /schedules',
      'Đặt lịch báo cáo (hằng ngày, tuần, tháng) / Set a report schedule',
      { 201: json(z.object({ schedule: scheduleSchema }), 'Created') },
      [400, 401, 403, 404],
      { request: { body: body(scheduleCreateSchema) } },
    ),
    async (c) => {
      const out = await reports.createSchedule(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    op(
      'get /draft',
      'Dự thảo báo cáo từ các cập nhật nhiệm vụ trong kỳ / A report drafted from the period’s task updates',
      {
        200: json(
          z.object({
            unitId: z.string(),
            period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
            body: z.string(),
            difficulties: z.string(),
            taskCount: z.number(),
          }),
          'The draft; empty when nothing was reported on tasks in the period',
        ),
      },
      [400, 401, 403, 404],
      { request: { query: z.object({ unitId: z.string().uuid(), period: z.string().max(20).optional() }) } },
    ),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await reports.draft(c.get('user')!, q.unitId, q.period), 200)
    },
  )
  app.openapi(
    op(
      'get /missing',
      'Đơn vị chưa báo cáo / Who has not reported (for the office)',
      {
        200: json(
          z.object({ day: z.string(), missing: z.array(owedSchema), late: z.array(owedSchema) }),
          'Reports owed for the period covering the day',
        ),
      },
      [400, 401, 403],
      { request: { query: z.object({ date: isoDateSchema.optional() }) } },
    ),
    async (c) => c.json(await reports.missing(c.get('user')!, c.req.valid('query').date ?? vnDay()), 200),
  )
  app.openapi(
    op(
      'post /{id}/decision',
      'Ý kiến chỉ đạo về khó khăn, vướng mắc / Answer a report’s difficulties (may create a task)',
      { 201: json(z.object({ report: reportSchema }), 'Decided') },
      [400, 401, 403, 404, 409],
      { request: { params: idParam, body: body(decisionSchema) } },
    ),
    async (c) => {
      const out = await reports.decide(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  return app
}
