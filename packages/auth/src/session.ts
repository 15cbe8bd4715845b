// Login sessions in the database, after Lucia's guide: tokens `<id>.<secret>` of which only a hash is
// stored, an inactivity timeout, logout and logout everywhere; the API and the collab server check
// session cookies with it.

import { createHash } from 'node:crypto'
import { type DbOrTx, schema } from '@hub/db'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { and, eq, lt, ne } from 'drizzle-orm'

/** Session lifetime rules, after Lucia's current guide. */
export interface SessionOptions {
  /** A session unused this long is dead. */
  inactivityTimeoutMs: number
  /** `lastVerifiedAt` is written at most this often, so reads do not turn into writes. */
  activityCheckIntervalMs: number
}

export const defaultSessionOptions: SessionOptions = {
  inactivityTimeoutMs: 3 * 24 * 60 * 60 * 1000,
  activityCheckIntervalMs: 60 * 60 * 1000,
}

export interface Session {
  id: string
  userId: string
  createdAt: Date
  lastVerifiedAt: Date
  /** True when this check extended the session, so the cookie's expiry should move too. */
  renewed?: boolean
}

/** A random secret of 120 bits in lower-case base32 (session ids and secrets, device cookies). */
export function randomSecret(): string {
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

/** Only this hash of a secret is stored. */
export function hashSecret(secret: string): Uint8Array {
  // Node's native SHA-256 (the same digest): every request of a cached session hashes its cookie.
  return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest())
}

/** Creates a session and returns the token `<id>.<secret>` to put in the cookie; only a hash is stored. */
export async function createSession(
  db: DbOrTx,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ session: Session; token: string }> {
  const id = randomSecret()
  const secret = randomSecret()
  const now = new Date()
  await db.insert(schema.sessions).values({
    id,
    secretHash: hashSecret(secret),
    userId,
    createdAt: now,
    lastVerifiedAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  })
  return { session: { id, userId, createdAt: now, lastVerifiedAt: now }, token: `${id}.${secret}` }
}

/** Splits `<id>.<secret>`; anything else (wrong alphabet, NUL, oversize) is no token at all. */
export function parseToken(token: string): [string, string] | null {
  const m = /^([a-z2-7]{1,64})\.([a-z2-7]{1,64})$/.exec(token)
  return m ? [m[1]!, m[2]!] : null
}

/** Checks a token; returns the live session or null. Expired sessions are deleted on sight. */
export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  options: SessionOptions = defaultSessionOptions,
): Promise<Session | null> {
  const parsed = parseToken(token)
  if (!parsed) return null
  const [id, secret] = parsed
  const [row] = await db.select().from(schema.sessions).where(eq(schema.sessions.id, id)).limit(1)
  if (!row) return null
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return null
  const now = Date.now()
  if (now - row.lastVerifiedAt.getTime() >= options.inactivityTimeoutMs) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, id))
    return null
  }
  let lastVerifiedAt = row.lastVerifiedAt
  let renewed = false
  if (now - row.lastVerifiedAt.getTime() >= options.activityCheckIntervalMs) {
    lastVerifiedAt = new Date(now)
    renewed = true
    await db.update(schema.sessions).set({ lastVerifiedAt }).where(eq(schema.sessions.id, id))
  }
  return { id: row.id, userId: row.userId, createdAt: row.createdAt, lastVerifiedAt, renewed }
}

/** What keeps validated sessions in memory (session-cache.ts): told at once when sessions end. */
export interface EndedSessionListener {
  forget(sessionId: string): void
  forgetUser(userId: string, except?: string): void
}
const listeners = new Set<WeakRef<EndedSessionListener>>()

/** Registers a listener for ended sessions for as long as it lives. */
export function listenForEndedSessions(listener: EndedSessionListener): void {
  listeners.add(new WeakRef(listener))
}

function tellEnded(f: (l: EndedSessionListener) => void) {
  for (const ref of listeners) {
    const l = ref.deref()
    if (l) f(l)
    else listeners.delete(ref)
  }
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  tellEnded((l) => l.forget(sessionId))
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId))
  tellEnded((l) => l.forget(sessionId))
}

/** Logout everywhere; `except` keeps the current session (after a password change). */
export async function invalidateUserSessions(db: DbOrTx, userId: string, except?: string): Promise<void> {
  const cond = except
    ? and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, except))
    : eq(schema.sessions.userId, userId)
  tellEnded((l) => l.forgetUser(userId, except))
  await db.delete(schema.sessions).where(cond)
  tellEnded((l) => l.forgetUser(userId, except))
}

/** Removes sessions past their inactivity timeout (run by the scheduler). */
export async function deleteExpiredSessions(
  db: DbOrTx,
  options: SessionOptions = defaultSessionOptions,
): Promise<void> {
  await db
    .delete(schema.sessions)
    .where(lt(schema.sessions.lastVerifiedAt, new Date(Date.now() - options.inactivityTimeoutMs)))
}
