// Authenticating a websocket upgrade by the session cookie, and the same-origin rule for upgrades.
import type { IncomingMessage } from 'node:http'
import {
  type CurrentUser,
  isOwnOrigin,
  loadCurrentUser,
  readCookie,
  SESSION_COOKIE,
  validateSessionToken,
} from '@hub/auth'
import type { DbOrTx } from '@hub/db'

/**
 * Resolves the session cookie of a websocket upgrade to the signed-in user (null without a live
 * session). Upgrades arrive without a framework, so the cookie is read from the raw header.
 */
export function sessionAuthenticator(db: DbOrTx): (req: IncomingMessage) => Promise<CurrentUser | null> {
  return async (req) => (await sessionOfCookie(db, req.headers.cookie))?.user ?? null
}

/**
 * The live session named by a Cookie header and its user; null without one. Both websocket servers
 * (collab upgrades, the live events' socket) sign in through it.
 */
export async function sessionOfCookie(
  db: DbOrTx,
  cookie: string | undefined,
): Promise<{ sessionId: string; user: CurrentUser } | null> {
  const token = readCookie(cookie, SESSION_COOKIE)
  if (!token) return null
  const session = await validateSessionToken(db, token)
  if (!session) return null
  const user = await loadCurrentUser(db, session.userId)
  return user ? { sessionId: session.id, user } : null
}

/**
 * Whether an upgrade's Origin names the hub itself (cross-site websocket hijacking otherwise): the
 * configured public origin when there is one, else the request's own Host.
 */
export function sameOrigin(publicOrigin: string | null = null): (origin: string, host: string | undefined) => boolean {
  return (origin, host) => isOwnOrigin(origin, host, publicOrigin)
}
