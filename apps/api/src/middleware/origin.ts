// The API's guard against cross-site request forgery: writes are accepted only from the hub's own
// pages. Mounted by app.ts.

import { isOwnOrigin } from '@hub/auth'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses writes that do not come from the hub's own pages (CSRF): a write must carry an Origin
 * naming the hub; `Sec-Fetch-Site: cross-site` is refused too.
 */
export function sameOriginWrites(publicOrigin: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin')
      const site = c.req.header('sec-fetch-site')
      if (site === 'cross-site' || !origin || !isOwnOrigin(origin, c.req.header('host'), publicOrigin)) {
        throw new ApiError(403, 'cross_origin', 'Yêu cầu từ nguồn khác bị từ chối / Cross-origin write refused')
      }
    }
    await next()
  }
}
