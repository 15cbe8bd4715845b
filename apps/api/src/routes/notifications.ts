// The caller's own notifications (/api/notifications): the list with its unread counts, marking one or
// all read. Nobody reads or marks another's.

import { z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import { NotFound, notificationSchema as notificationContract } from '@hub/domain'
import { and, eq, isNull } from 'drizzle-orm'
import type { Deps } from '../context'
import { listNotifications } from '../services/notifications'
import { operations } from './operation'
import { createRouter, idParam, json } from './router'

const notificationSchema = z.object(notificationContract.shape).openapi('Notification')

export function notificationRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()
  const op = operations('notifications')
  app.openapi(
    op(
      'get /',
      'Thông báo của tôi / My notifications with the unread count',
      {
        200: json(
          z.object({ notifications: z.array(notificationSchema), unread: z.number(), unreadItems: z.number() }),
          'Newest first; grouped rows carry a count',
        ),
      },
      [400, 401],
      {
        request: {
          query: z.object({
            unreadOnly: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
      },
    ),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(
        await listNotifications(db, c.get('user')!.userId, { unreadOnly: q.unreadOnly === 'true', limit: q.limit }),
        200,
      )
    },
  )
  app.openapi(
    op(
      'post /{id}/read',
      'Đánh dấu đã đọc / Mark read',
      { 200: json(z.object({ ok: z.boolean() }), 'Marked') },
      [401, 404],
      { request: { params: idParam } },
    ),
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
    op(
      'post /read-all',
      'Đánh dấu tất cả đã đọc / Mark all read',
      { 200: json(z.object({ ok: z.boolean(), marked: z.number() }), 'Marked') },
      [401],
    ),
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
