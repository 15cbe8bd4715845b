import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { createRoute, z } from '@hono/zod-openapi'
import { type CollabServer, shareWithin } from '@hub/collab'
import { schema } from '@hub/db'
import { count, isNull } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv, Deps } from '../context'
import { forbidden, unauthenticated } from '../errors'
import { createRouter, errors, json } from './router'

export function healthRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['system'],
      summary: 'Tình trạng hệ thống / Health of the hub, its database and Redis',
      responses: {
        200: json(z.object({ status: z.literal('ok'), checks: z.record(z.string(), z.string()) }), 'Healthy'),
        503: json(
          z.object({ status: z.literal('degraded'), checks: z.record(z.string(), z.string()) }),
          'A dependency is down',
        ),
      },
    }),
    async (c) => {
      const checks = await deps.health()
      const ok = [checks.database, checks.redis ?? 'disabled'].every((v) => v === 'ok' || v === 'disabled')
      return ok ? c.json({ status: 'ok' as const, checks }, 200) : c.json({ status: 'degraded' as const, checks }, 503)
    },
  )
  return app
}

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

/** A browsable reference at /api/docs, served from the bundled swagger-ui (works offline). */
export function mountDocs(app: Hono<AppEnv>) {
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>API – Hệ thống điều phối</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' })</script>
</body></html>`),
  )
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerDir, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }),
  )
}

/** The built web app at /, with the SPA's index.html for every client-side route. */
export function mountWeb(app: Hono<AppEnv>, webDist: string) {
  app.use('/*', serveStatic({ root: webDist }))
  app.get('*', serveStatic({ root: webDist, rewriteRequestPath: () => '/index.html' }))
}

/** GET /api/metrics: counters an operator watches (collab durability, event backlog); administrators only. */
export function metricsRoutes(deps: Deps, collab?: CollabServer) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['system'],
      summary: 'Số liệu vận hành / Operational metrics (administrators)',
      responses: {
        200: json(
          z.object({
            process: z.record(z.string(), z.number()),
            outbox: z.object({ pending: z.number() }),
            collab: z.unknown(),
          }),
          'Metrics',
        ),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const user = c.get('user')
      if (!user) throw unauthenticated()
      if (!user.grants.some((g) => g.role === 'admin' || g.role === 'committee_member')) throw forbidden()
      const [pending] = await deps.dbh.db
        .select({ n: count() })
        .from(schema.domainEvents)
        .where(isNull(schema.domainEvents.deliveredAt))
      const m = collab?.metrics
      return c.json(
        {
          process: {
            uptimeSeconds: Math.round(process.uptime()),
            rssBytes: process.memoryUsage().rss,
            heapUsedBytes: process.memoryUsage().heapUsed,
          },
          outbox: { pending: pending?.n ?? 0 },
          collab: m ? { ...m, durableWithin200ms: shareWithin(m.durableLatency, 200) } : null,
        },
        200,
      )
    },
  )
  return app
}
