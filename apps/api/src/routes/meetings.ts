// The meeting endpoints (/api/meetings): list, call, open, update and conclude a meeting (drafting its
// conclusion notice), over services/meetings.ts.

import { z } from '@hono/zod-openapi'
import { meetingSchema as meetingContract } from '@hub/domain'
import type { Deps } from '../context'
import { concludeSchema, MeetingService, meetingCreateSchema, meetingPatchSchema } from '../services/meetings'
import { operations } from './operation'
import { body, createRouter, idParam, json } from './router'

const meetingSchema = z.looseObject(meetingContract.shape).openapi('Meeting')

export function meetingRoutes(deps: Deps, meetings = new MeetingService(deps)) {
  const app = createRouter()
  const op = operations('meetings')
  app.openapi(
    op(
      'get /',
      'Cuộc họp / Meetings I attend or chair',
      { 200: json(z.object({ meetings: z.array(meetingSchema) }), 'Newest first') },
      [401],
    ),
    async (c) => c.json(await meetings.list(c.get('user')!), 200),
  )
  app.openapi(
    op(
      'post /',
      'Tạo cuộc họp / Call a meeting',
      { 201: json(z.object({ meeting: meetingSchema }), 'Created') },
      [400, 401, 403],
      { request: { body: body(meetingCreateSchema) } },
    ),
    async (c) => {
      const meeting = await meetings.create(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json({ meeting }, 201)
    },
  )
  app.openapi(
    op(
      'get /{id}',
      'Phòng họp: chương trình, thành phần, nhiệm vụ giao tại cuộc họp / The meeting room',
      { 200: json(z.object({ meeting: meetingSchema, tasks: z.array(z.any()) }), 'The meeting') },
      [401, 403, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await meetings.get(c.get('user')!, c.req.valid('param').id), 200),
  )
  app.openapi(
    op(
      'patch /{id}',
      'Cập nhật cuộc họp / Update status or conclusions',
      { 200: json(z.object({ meeting: meetingSchema }), 'Updated') },
      [400, 401, 403, 404],
      { request: { params: idParam, body: body(meetingPatchSchema) } },
    ),
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
    op(
      'post /{id}/conclude',
      'Kết luận cuộc họp và tạo dự thảo Thông báo kết luận / Conclude and draft the conclusion notice',
      { 201: json(z.object({ meeting: meetingSchema, directive: z.any() }), 'Concluded; draft created') },
      [400, 401, 403, 404, 409],
      { request: { params: idParam, body: body(concludeSchema) } },
    ),
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
