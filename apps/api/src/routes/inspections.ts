// The inspection endpoints over services/inspections.ts: record and list inspections, publish a
// conclusion, the checklist under a directive, and inspection teams.

import { z } from '@hono/zod-openapi'
import { inspectionSchema as inspectionContract, inspectionTeamSchema } from '@hub/domain'
import type { Deps } from '../context'
import {
  checklistQuerySchema,
  InspectionService,
  inspectionCreateSchema,
  inspectionListQuerySchema,
  inspectionTeamCreateSchema,
} from '../services/inspections'
import { operations } from './operation'
import { body, createRouter, json } from './router'

const inspectionSchema = z.object(inspectionContract.shape).openapi('Inspection')

const teamSchema = z.object(inspectionTeamSchema.shape).openapi('InspectionTeam')

/** /api/inspections: recorded by inspectors and the standing committee; a unit never inspects itself. */
export function inspectionRoutes(deps: Deps, inspections = new InspectionService(deps)) {
  const app = createRouter()
  const op = operations('accountability')
  app.openapi(
    op(
      'post /',
      'Ghi nhận kết quả kiểm tra / Record an inspection',
      {
        201: json(
          z.object({
            inspection: inspectionSchema,
            followUps: z.array(z.object({ id: z.string(), title: z.string() }).passthrough()),
          }),
          'Recorded, with the follow-up tasks it gave the unit',
        ),
      },
      [400, 401, 403, 404],
      { request: { body: body(inspectionCreateSchema) } },
    ),
    async (c) => {
      const out = await inspections.record(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    op(
      'get /',
      'Các cuộc kiểm tra / Inspections in your reach',
      { 200: json(z.object({ inspections: z.array(inspectionSchema) }), 'Newest first') },
      [400, 401, 403, 404],
      { request: { query: inspectionListQuerySchema } },
    ),
    async (c) => c.json(await inspections.list(c.get('user')!, c.req.valid('query')), 200),
  )
  app.openapi(
    op(
      'get /teams',
      'Các đoàn kiểm tra / Inspection teams',
      { 200: json(z.object({ teams: z.array(teamSchema) }), 'Teams') },
      [401],
    ),
    async (c) => c.json(await inspections.teams(), 200),
  )
  app.openapi(
    op(
      'post /{id}/publish',
      'Thông báo kết luận kiểm tra đến đơn vị / Publish the conclusion to the unit',
      { 200: json(z.object({ inspection: inspectionSchema }), 'Published (publishing again changes nothing)') },
      [400, 401, 403, 404],
      { request: { params: z.object({ id: z.string().uuid() }) } },
    ),
    async (c) => {
      const out = await inspections.publish(c.get('user')!, c.req.valid('param').id, c.get('requestId'))
      return c.json(out, 200)
    },
  )
  app.openapi(
    op(
      'get /checklist',
      'Danh mục kiểm tra theo các điều của văn bản / Checklist from a directive’s clauses',
      {
        200: json(
          z.object({
            directiveId: z.string(),
            items: z.array(z.object({ ordinal: z.number(), text: z.string() })),
          }),
          'One item per clause',
        ),
      },
      [400, 401, 403, 404],
      { request: { query: checklistQuerySchema } },
    ),
    async (c) => c.json(await inspections.checklist(c.get('user')!, c.req.valid('query').directiveId), 200),
  )
  app.openapi(
    op(
      'post /teams',
      'Thành lập đoàn kiểm tra theo quyết định / Set up an inspection team by decision',
      { 201: json(z.object({ team: teamSchema }), 'Set up') },
      [400, 401, 403],
      { request: { body: body(inspectionTeamCreateSchema) } },
    ),
    async (c) => {
      const out = await inspections.createTeam(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  return app
}
