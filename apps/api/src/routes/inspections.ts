import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../context'
import {
  checklistQuerySchema,
  InspectionService,
  inspectionCreateSchema,
  inspectionListQuerySchema,
  inspectionTeamCreateSchema,
} from '../services/inspections'
import { body, createRouter, errorsFor, json } from './router'

const inspectionSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    kind: z.enum(['planned', 'unannounced']),
    date: z.string(),
    status: z.string(),
    findings: z.string(),
    conclusion: z.string(),
    outcome: z.string().nullable(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    directiveId: z.string().nullable(),
    checklist: z.array(
      z.object({
        ordinal: z.number(),
        text: z.string(),
        result: z.enum(['met', 'partly', 'not_met']),
        note: z.string(),
      }),
    ),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    /** The conclusion is not yet published to the inspected unit: findings, conclusion, outcome and checklist are empty for its people. */
    withheld: z.boolean(),
  })
  .openapi('Inspection')

const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    decisionNumber: z.string(),
    leaderUserId: z.string().nullable(),
    memberUserIds: z.array(z.string()),
  })
  .openapi('InspectionTeam')

/** /api/inspections: recorded by inspectors and the standing committee; a unit never inspects itself. */
export function inspectionRoutes(deps: Deps, inspections = new InspectionService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['accountability'],
      summary: 'Ghi nhận kết quả kiểm tra / Record an inspection',
      request: { body: body(inspectionCreateSchema) },
      responses: {
        201: json(
          z.object({
            inspection: inspectionSchema,
            followUps: z.array(z.object({ id: z.string(), title: z.string() }).passthrough()),
          }),
          'Recorded, with the follow-up tasks it gave the unit',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const out = await inspections.record(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['accountability'],
      summary: 'Các cuộc kiểm tra / Inspections in your reach',
      request: { query: inspectionListQuerySchema },
      responses: {
        200: json(z.object({ inspections: z.array(inspectionSchema) }), 'Newest first'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await inspections.list(c.get('user')!, c.req.valid('query')), 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      tags: ['accountability'],
      summary: 'Các đoàn kiểm tra / Inspection teams',
      responses: {
        200: json(z.object({ teams: z.array(teamSchema) }), 'Teams'),
        ...errorsFor(401),
      },
    }),
    async (c) => c.json(await inspections.teams(), 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/publish',
      tags: ['accountability'],
      summary: 'Thông báo kết luận kiểm tra đến đơn vị / Publish the conclusion to the unit',
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: {
        200: json(z.object({ inspection: inspectionSchema }), 'Published (publishing again changes nothing)'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const out = await inspections.publish(c.get('user')!, c.req.valid('param').id, c.get('requestId'))
      return c.json(out, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/checklist',
      tags: ['accountability'],
      summary: 'Danh mục kiểm tra theo các điều của văn bản / Checklist from a directive’s clauses',
      request: { query: checklistQuerySchema },
      responses: {
        200: json(
          z.object({
            directiveId: z.string(),
            items: z.array(z.object({ ordinal: z.number(), text: z.string() })),
          }),
          'One item per clause',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await inspections.checklist(c.get('user')!, c.req.valid('query').directiveId), 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/teams',
      tags: ['accountability'],
      summary: 'Thành lập đoàn kiểm tra theo quyết định / Set up an inspection team by decision',
      request: { body: body(inspectionTeamCreateSchema) },
      responses: {
        201: json(z.object({ team: teamSchema }), 'Set up'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const out = await inspections.createTeam(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )
  return app
}
