import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether an Origin header names the hub itself: the configured public origin, or the request's Host. */
export function isOwnOrigin(origin: string, host: string | undefined, publicOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (publicOrigin) return parsed.origin === publicOrigin
  return !!host && parsed.host === host
}

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
