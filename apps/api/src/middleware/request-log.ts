// One log line and one metrics sample per API request, under a request id a client or proxy may pass
// on. Mounted by app.ts.

import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from 'pino'
import type { AppEnv } from '../context'
import type { HubMetrics } from '../services/prometheus'

/** A request id a client or proxy may pass on: short and plain, so it cannot smuggle anything into a log line. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * One structured log line per request (request id, user id, method, route pattern, status,
 * duration), and the same request in the HTTP metrics. The route is the matched pattern
 * (`/api/tasks/:id`), never the path or query, so no parameter value reaches the log or a label.
 */
export function requestLog(log: Logger, metrics?: HubMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const given = c.req.header('x-request-id')
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID()
    c.set('requestId', requestId)
    c.header('x-request-id', requestId)
    try {
      await next()
    } finally {
      // After next(), the route index points at the handler (or middleware) that answered.
      const route = routePath(c) || 'unmatched'
      const ms = performance.now() - started
      const status = c.res.status
      metrics?.observeRequest(c.req.method, route, status, ms / 1000)
      log.info(
        { requestId, method: c.req.method, route, status, ms: Math.round(ms), userId: c.get('user')?.userId },
        'request',
      )
    }
  }
}
