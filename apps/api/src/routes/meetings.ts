import { createRoute, z } from '@hono/zod-openapi'
import type { Deps } from '../context'
import { concludeSchema, MeetingService, meetingCreateSchema, meetingPatchSchema } from '../services/meetings'
import { body, createRouter, errors, errorsFor, idParam, json } from './router'

const meetingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    location: z.string(),
    status: z.string(),
    conclusions: z.string(),
    docName: z.string(),
    conclusionDirectiveId: z.string().nullable(),
  })
  .passthrough()
  .openapi('Meeting')

export function meetingRoutes(deps: Deps, meetings = new MeetingService(deps)) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['meetings'],
      summary: 'Cuộc họp / Meetings I attend or chair',
      responses: { 200: json(z.object({ meetings: z.array(meetingSchema) }), 'Newest first'), 401: errors[401] },
    }),
    async (c) => c.json(await meetings.list(c.get('user')!), 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['meetings'],
      summary: 'Tạo cuộc họp / Call a meeting',
      request: { body: body(meetingCreateSchema) },
      responses: {
        201: json(z.object({ meeting: meetingSchema }), 'Created'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const meeting = await meetings.create(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json({ meeting }, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['meetings'],
      summary: 'Phòng họp: chương trình, thành phần, nhiệm vụ giao tại cuộc họp / The meeting room',
      request: { params: idParam },
      responses: {
        200: json(z.object({ meeting: meetingSchema, tasks: z.array(z.any()) }), 'The meeting'),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json(await meetings.get(c.get('user')!, c.req.valid('param').id), 200),
  )
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['meetings'],
      summary: 'Cập nhật cuộc họp / Update status or conclusions',
      request: { params: idParam, body: body(meetingPatchSchema) },
      responses: {
        200: json(z.object({ meeting: meetingSchema }), 'Updated'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const meeting = await meetings.patch(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ meeting }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/conclude',
      tags: ['meetings'],
      summary: 'Kết luận cuộc họp và tạo dự thảo Thông báo kết luận / Conclude and draft the conclusion notice',
      request: { params: idParam, body: body(concludeSchema) },
      responses: {
        201: json(z.object({ meeting: meetingSchema, directive: z.any() }), 'Concluded; draft created'),
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const out = await meetings.conclude(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json').conclusions,
        c.get('requestId'),
      )
      return c.json(out, 201)
    },
  )
  return app
}
