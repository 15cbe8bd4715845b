import { loadCurrentUser, SESSION_COOKIE, validateSessionToken } from '@hub/auth'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../context'
import { unauthenticated } from '../errors'

/** Resolves the session cookie to the current user (or null) for every request. */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null)
    c.set('session', null)
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const session = await validateSessionToken(deps.dbh.db, token)
      const user = session ? await loadCurrentUser(deps.dbh.db, session.userId) : null
      if (session && user) {
        c.set('session', session)
        c.set('user', user)
      }
    }
    await next()
  }
}

/** Guards a route group: 401 without a live session. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw unauthenticated()
  await next()
}
