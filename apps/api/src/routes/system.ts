// The hub's operational endpoints: health and readiness probes, the operator's metrics (JSON for
// administrators, Prometheus behind a token), the API reference at /api/docs, and the built web app.

import { createHash, timingSafeEqual } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { z } from '@hono/zod-openapi'
import { type CollabServer, shareWithin } from '@hub/collab'
import { migrationStatus } from '@hub/db'
import { bilingual, Forbidden, NotFound } from '@hub/domain'
import type { Context, Hono } from 'hono'
import type { AppEnv, Deps } from '../context'
import { ApiError, unauthenticated } from '../errors'
import { outboxBacklog } from '../services/prometheus'
import { operations } from './operation'
import { createRouter, errorSchema, json } from './router'

/** A dependency check that answers within `ms` (a hung database must not hang the probe). */
async function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<T>((res) => {
    timer = setTimeout(() => res(fallback), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

const checksSchema = z.record(z.string(), z.string())
const op = operations('system')

/** The database's and Redis's state, each 'timeout' when it does not answer within two seconds. */
const healthChecks = (deps: Deps): Promise<Record<string, string>> =>
  within(2000, deps.health(), { database: 'timeout', redis: 'timeout' })

/**
 * GET /api/health: liveness. 200 while the process answers at all (a restart would not mend a
 * database outage), with the state of the database and Redis for people reading it.
 */
export function healthRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    op(
      'get /',
      'Tiến trình còn sống / Liveness, with the state of the database and Redis',
      { 200: json(z.object({ status: z.literal('ok'), checks: checksSchema }), 'The process is alive') },
      [],
    ),
    async (c) => {
      const checks = await healthChecks(deps)
      return c.json({ status: 'ok' as const, checks }, 200)
    },
  )
  return app
}

/**
 * GET /api/ready: readiness, for the proxy and the orchestrator. 200 when the database answers,
 * Redis answers (when configured) and every committed migration is applied; else 503 in the
 * error shape with the checks in `details`, so traffic goes to another process meanwhile.
 */
export function readyRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    op(
      'get /',
      'Sẵn sàng phục vụ / Readiness: database, Redis, migrations',
      {
        200: json(z.object({ status: z.literal('ready'), checks: checksSchema }), 'Ready'),
        503: {
          description: 'Not ready; `details.checks` names what is down',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
      [],
    ),
    async (c) => {
      const checks = await healthChecks(deps)
      if (checks.database === 'ok') {
        const m = await within(
          2000,
          migrationStatus(deps.dbh.db).catch(() => null),
          null,
        )
        checks.migrations = m ? (m.applied ? 'ok' : `${m.pending} pending`) : 'unknown'
      } else checks.migrations = 'unknown'
      const ok =
        checks.database === 'ok' &&
        checks.migrations === 'ok' &&
        ['ok', 'disabled'].includes(checks.redis ?? 'disabled')
      if (!ok) throw new ApiError(503, 'not_ready', bilingual('notReady'), { checks })
      return c.json({ status: 'ready' as const, checks }, 200)
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

const isAdmin = (c: Context<AppEnv>) => {
  const user = c.get('user')
  if (!user) throw unauthenticated()
  if (!user.grants.some((g) => g.role === 'admin')) throw new Forbidden()
}

/**
 * GET /api/metrics: the operator's numbers as JSON (the same sources as /metrics); administrators
 * only, since counters of documents and sessions say who works on what and when.
 */
export function metricsRoutes(deps: Deps, collab?: CollabServer) {
  const app = createRouter()
  app.openapi(
    op(
      'get /',
      'Số liệu vận hành / Operational metrics (administrators)',
      {
        200: json(
          z.object({
            process: z.record(z.string(), z.number()),
            outbox: z.object({ pending: z.number(), oldestSeconds: z.number() }),
            collab: z.unknown(),
            live: z.object({ connections: z.number() }).nullable(),
            scheduler: z.object({ runs: z.number(), leader: z.boolean() }).nullable(),
            throttle: z.object({ refusals: z.number() }),
            database: z.record(z.string(), z.union([z.string(), z.number()])),
          }),
          'Metrics',
        ),
      },
      [401, 403],
    ),
    async (c) => {
      isAdmin(c)
      const m = collab?.metrics
      const s = deps.metrics?.snapshot()
      return c.json(
        {
          process: {
            uptimeSeconds: Math.round(process.uptime()),
            rssBytes: process.memoryUsage().rss,
            heapUsedBytes: process.memoryUsage().heapUsed,
          },
          outbox: await outboxBacklog(deps.dbh.db),
          collab: m ? { ...m, durableWithin200ms: shareWithin(m.durableLatency, 200) } : null,
          live: s?.live ?? null,
          scheduler: s?.scheduler ?? null,
          throttle: { refusals: deps.throttle.refusals },
          database: deps.dbh.stats(),
        },
        200,
      )
    },
  )
  return app
}

/**
 * GET /metrics (Prometheus text format) behind `Authorization: Bearer <METRICS_TOKEN>`; without a
 * configured token it does not exist (404). The token is compared in constant time.
 */
export function mountPrometheus(app: Hono<AppEnv>, deps: Deps) {
  app.get('/metrics', async (c) => {
    const metrics = deps.metrics
    if (!metrics?.token) throw new NotFound('route')
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    if (!sameSecret(given, metrics.token)) {
      c.header('www-authenticate', 'Bearer realm="metrics"')
      throw unauthenticated()
    }
    return c.body(await metrics.text(), 200, { 'content-type': metrics.contentType })
  })
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest()
  const y = createHash('sha256').update(b).digest()
  return timingSafeEqual(x, y)
}
