// Who is asking: the session cookie resolved to the current user on every request, and the guard put
// before every route that needs a signed-in user. Mounted by app.ts.

import { type CurrentUser, loadCurrentUser, SESSION_COOKIE, SessionCache, validateSessionToken } from '@hub/auth'
import { inRequestOrder, schema } from '@hub/db'
import { getTableName } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../context'
import { unauthenticated } from '../errors'

/** What loadCurrentUser reads. */
const USER_TABLES = [schema.users, schema.people, schema.memberships].map((t) => getTableName(t))
/**
 * On PostgreSQL also ended sessions (the shared clock counts only their deletions: a logout or password
 * change on another process). Not on PGlite: there the process hears every logout itself, and its clock
 * counts every write to sessions (each login, each renewal), which would drop every kept session.
 */
const SESSION_TABLES = [...USER_TABLES, getTableName(schema.sessions)]

/**
 * Resolves the session cookie to the current user (or null) for every request. A validated session is
 * believed for a few seconds, or until the user's records are written or a session ends anywhere (the
 * database's write clock: counted in the process on PGlite, one shared row on PostgreSQL), so a
 * board's requests do not each read the session, the user and the roles; the database is written
 * at most hourly (renewal). A signed-in request's statements then run before those of later requests
 * (anonymous ones, logins among them, keep statement-by-statement order: a burst of guesses is counted
 * together).
 */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  const db = deps.dbh.db
  const clock = deps.dbh.clock
  // Read again at once when the user's account, person or roles were written (a role taken away).
  const watched = deps.dbh.kind === 'postgres' ? SESSION_TABLES : USER_TABLES
  const cache = new SessionCache<CurrentUser>({ stamp: () => clock.stamp(watched) })
  const load = async (token: string) => {
    const session = await validateSessionToken(db, token)
    const user = session ? await loadCurrentUser(db, session.userId) : null
    return session && user ? { session, user } : null
  }
  return async (c, next) => {
    c.set('user', null)
    c.set('session', null)
    const token = getCookie(c, SESSION_COOKIE)
    const found = token ? await cache.validate(token, load) : null
    if (!found) return await next()
    c.set('session', found.session)
    c.set('user', found.user)
    await inRequestOrder(next)
  }
}

/** Guards a route group: 401 without a live session. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw unauthenticated()
  await next()
}
