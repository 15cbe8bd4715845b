// The task endpoints (/api/tasks) over services/tasks.ts: list with filters and pages, create, read,
// update against the version read, hand down to the units below, and a parent's cascade at a glance.

import { createRoute, z } from '@hono/zod-openapi'
import { isoDateSchema, taskCreateSchema, taskListQuerySchema, taskPatchSchema, taskViewSchema } from '@hub/domain'
import { sendJson } from '../cache/response-cache'
import type { Deps } from '../context'
import { TaskService } from '../services/tasks'
import { body, createRouter, errorsFor, idParam, json } from './router'

/** A task as the API returns it: the domain's task view, named for the OpenAPI reference (built with the
 * extended `z`, which alone has `.openapi`). */
export const taskSchema = z.object(taskViewSchema.shape).openapi('Task')

export function taskRoutes(deps: Deps, tasks = new TaskService(deps)) {
  const app = createRouter()

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['tasks'],
      summary: 'Danh sách nhiệm vụ / List tasks (filters, pagination)',
      request: { query: taskListQuerySchema },
      responses: {
        200: json(
          z.object({ tasks: z.array(taskSchema), total: z.number(), limit: z.number(), offset: z.number() }),
          'A page of tasks',
        ),
        ...errorsFor(400, 401),
      },
    }),
    // The same JSON c.json would send, from the board cache when it still holds (TaskService.listJson).
    async (c) => sendJson(c, await tasks.listJson(c.get('user')!, c.req.valid('query'))),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['tasks'],
      summary: 'Giao nhiệm vụ / Create a task',
      request: { body: body(taskCreateSchema) },
      responses: {
        201: json(z.object({ task: taskSchema }), 'Created'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const task = await tasks.create(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json({ task }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['tasks'],
      summary: 'Một nhiệm vụ / Read a task',
      request: { params: idParam },
      responses: {
        200: json(z.object({ task: taskSchema }), 'The task'),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json({ task: await tasks.get(c.get('user')!, c.req.valid('param').id) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['tasks'],
      summary: 'Cập nhật nhiệm vụ / Update a task (send the version you read)',
      request: { params: idParam, body: body(taskPatchSchema) },
      responses: {
        200: json(z.object({ task: taskSchema }), 'Updated; version incremented'),
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const task = await tasks.patch(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json({ task }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/cascade',
      tags: ['tasks'],
      summary: 'Giao tiếp xuống đơn vị trực thuộc / Cascade to units below (one child each)',
      request: {
        params: idParam,
        body: body(
          z
            .object({ unitIds: z.array(z.string().uuid()).min(1).max(700), dueAt: isoDateSchema.nullable().optional() })
            .strict(),
        ),
      },
      responses: {
        201: json(z.object({ tasks: z.array(taskSchema) }), 'Children created'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const created = await tasks.cascade(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ tasks: created }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/cascade',
      tags: ['tasks'],
      summary: 'Nhiệm vụ cha và tình trạng từng đơn vị / A parent with each child at a glance',
      request: { params: idParam },
      responses: {
        200: json(
          z.object({
            parent: taskSchema,
            children: z.array(taskSchema),
            summary: z.record(z.string(), z.number()),
            done: z.number(),
            total: z.number(),
          }),
          'Roll-up view',
        ),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json(await tasks.cascadeView(c.get('user')!, c.req.valid('param').id), 200),
  )
  return app
}
