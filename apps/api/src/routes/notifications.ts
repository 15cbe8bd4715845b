import { createRoute, z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import { NotFound } from '@hub/domain'
import { and, eq, isNull } from 'drizzle-orm'
import type { Deps } from '../context'
import { listNotifications } from '../services/notifications'
import { createRouter, errors, errorsFor, idParam, json } from './router'

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    count: z.number(),
    data: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification')

export function notificationRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['notifications'],
      summary: 'Thông báo của tôi / My notifications with the unread count',
      request: {
        query: z.object({
          unreadOnly: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: json(
          z.object({ notifications: z.array(notificationSchema), unread: z.number(), unreadItems: z.number() }),
          'Newest first; grouped rows carry a count',
        ),
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(
        await listNotifications(db, c.get('user')!.userId, { unreadOnly: q.unreadOnly === 'true', limit: q.limit }),
        200,
      )
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/read',
      tags: ['notifications'],
      summary: 'Đánh dấu đã đọc / Mark read',
      request: { params: idParam },
      responses: { 200: json(z.object({ ok: z.boolean() }), 'Marked'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const n = schema.notifications
      const rows = await db
        .update(n)
        .set({ readAt: new Date() })
        .where(and(eq(n.id, c.req.valid('param').id), eq(n.userId, c.get('user')!.userId)))
        .returning({ id: n.id })
      if (!rows.length) throw new NotFound('notification')
      return c.json({ ok: true }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/read-all',
      tags: ['notifications'],
      summary: 'Đánh dấu tất cả đã đọc / Mark all read',
      responses: { 200: json(z.object({ ok: z.boolean(), marked: z.number() }), 'Marked'), 401: errors[401] },
    }),
    async (c) => {
      const n = schema.notifications
      const rows = await db
        .update(n)
        .set({ readAt: new Date() })
        .where(and(eq(n.userId, c.get('user')!.userId), isNull(n.readAt)))
        .returning({ id: n.id })
      return c.json({ ok: true, marked: rows.length }, 200)
    },
  )
  return app
}
