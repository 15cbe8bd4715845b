// A few seconds of memory for validated sessions, so a busy board does not read the session, the
// user and the roles from the database on every request. Ending a session (logout, logout everywhere,
// a password change) forgets it at once in every cache of the process.
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import {
  defaultSessionOptions,
  hashSecret,
  listenForEndedSessions,
  parseToken,
  type Session,
  type SessionOptions,
} from './session'

interface Entry<U> {
  session: Session
  secretHash: Uint8Array
  user: U
  /** Time (ms) after which the database is asked again. */
  until: number
  /** The write stamp of the user's records when they were read (see `SessionCacheOptions.stamp`). */
  stamp: string | undefined
}

export interface SessionCacheOptions {
  /** How long a validated session is believed without asking the database. */
  ttlMs: number
  /** Most sessions kept; the oldest are dropped first. */
  maxEntries: number
  session: SessionOptions
  /**
   * A stamp of the writes to what the user is read from (account, person, roles): a hit whose stamp
   * no longer holds asks again, so a changed role shows in the very next request, not after `ttlMs`.
   */
  stamp?: () => string | Promise<string>
}

/**
 * Validated sessions and their users, believed for `ttlMs`. A hit still checks the token's secret
 * against the stored hash in constant time, and falls through to the database when the session is
 * due for its (hourly) renewal or past its inactivity timeout. A logout in this process forgets the
 * session at once; one in another process (PostgreSQL) deletes the session row, which changes the
 * stamp (when the stamp counts session deletions, as the API's does) and so is heard at the next request.
 */
export class SessionCache<U extends { userId: string }> {
  private readonly entries = new Map<string, Entry<U>>()
  /** Validations under way, by token: a burst of requests with one cookie asks the database once. */
  private readonly pending = new Map<string, Promise<{ session: Session; user: U } | null>>()
  private readonly options: SessionCacheOptions

  constructor(options: Partial<SessionCacheOptions> = {}) {
    this.options = { ttlMs: 5000, maxEntries: 10_000, session: defaultSessionOptions, ...options }
    listenForEndedSessions(this)
  }

  /** The session and user of a token: from memory when fresh, else from `load` (the database). */
  async validate(
    token: string,
    load: (token: string) => Promise<{ session: Session; user: U } | null>,
  ): Promise<{ session: Session; user: U } | null> {
    const parsed = parseToken(token)
    if (!parsed) return null
    const [id, secret] = parsed
    const now = Date.now()
    // Taken before anything is read: a user is never kept under a stamp newer than their records.
    const stamp = await this.options.stamp?.()
    const hit = this.entries.get(id)
    if (hit && now < hit.until && hit.stamp === stamp && constantTimeEqual(hashSecret(secret), hit.secretHash)) {
      const age = now - hit.session.lastVerifiedAt.getTime()
      if (age < this.options.session.activityCheckIntervalMs && age < this.options.session.inactivityTimeoutMs)
        return { session: { ...hit.session, renewed: false }, user: hit.user }
    }
    const running = this.pending.get(token)
    if (running) return await running
    const loading = load(token).then((found) => {
      // A session ended while it was being loaded stays forgotten.
      if (found && this.pending.get(token) === loading) this.remember(found, secret, stamp)
      return found
    })
    this.pending.set(token, loading)
    try {
      return await loading
    } finally {
      if (this.pending.get(token) === loading) this.pending.delete(token)
    }
  }

  private remember(found: { session: Session; user: U }, secret: string, stamp: string | undefined) {
    const { session, user } = found
    this.entries.delete(session.id)
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(session.id, {
      session: { ...session, renewed: false },
      secretHash: hashSecret(secret),
      user,
      until: Date.now() + this.options.ttlMs,
      stamp,
    })
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId)
    for (const token of this.pending.keys()) if (token.startsWith(`${sessionId}.`)) this.pending.delete(token)
  }

  forgetUser(userId: string, except?: string): void {
    for (const [id, e] of this.entries) if (e.user.userId === userId && id !== except) this.entries.delete(id)
    // A load under way cannot tell whose session it is: it is not kept, the next request asks again.
    for (const token of this.pending.keys()) if (!except || !token.startsWith(`${except}.`)) this.pending.delete(token)
  }

  /** Sessions held (tests, metrics). */
  get size(): number {
    return this.entries.size
  }
}
