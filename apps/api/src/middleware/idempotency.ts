// Safe retries of writes: a POST or PATCH repeated with the same Idempotency-Key gets its first answer
// instead of running twice (a phone resending a report on a poor connection). Mounted by app.ts.

import { schema } from '@hub/db'
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../context'
import { ApiError } from '../errors'

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** How long a key's first answer is kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
const MAX_KEY_LENGTH = 255
/** Visible ASCII only (a UUID, a ULID, any printable token without spaces). */
const KEY_PATTERN = /^[\x21-\x7e]+$/
/** How long a duplicate waits for the first request before answering 409. */
const WAIT_MS = 5000
const POLL_MS = 50
const SWEEP_EVERY_MS = 60 * 60 * 1000
const idempotencyKeys = schema.idempotencyKeys

/**
 * `Idempotency-Key` on every POST (and PATCH) under /api (after the session middleware): the first request with
 * a key runs and its answer (status and body) is kept for 24 h under (user, key); a repeat by the same
 * user on the same method and path gets that answer again (header `Idempotent-Replayed: true`) and
 * writes nothing. A repeat while the first still runs waits for it, then answers 409
 * `idempotency_in_progress`; the same key on another route is 422 `idempotency_key_reused`. A 5xx
 * (or a crash) frees the key so that a retry runs again. Requests without a session ignore the key
 * (there is nobody to scope it to); a malformed key is 400 `invalid_idempotency_key`.
 */
export function idempotency(deps: Deps, options: { waitMs?: number } = {}): MiddlewareHandler<AppEnv> {
  const waitMs = options.waitMs ?? WAIT_MS
  let lastSweep = 0
  return async (c, next) => {
    // PATCH too: a task update retried after a lost answer must get that answer, not a 409 against itself.
    if (c.req.method !== 'POST' && c.req.method !== 'PATCH') return next()
    const key = c.req.header(IDEMPOTENCY_HEADER)
    if (key === undefined) return next()
    if (key.length === 0 || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
      throw new ApiError(
        400,
        'invalid_idempotency_key',
        `Khóa Idempotency-Key không hợp lệ (1–${MAX_KEY_LENGTH} ký tự in được) / Invalid Idempotency-Key (1–${MAX_KEY_LENGTH} printable characters)`,
      )
    }
    const user = c.get('user')
    if (!user) return next()
    const db = deps.dbh.db
    const now = new Date()
    if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = now.getTime()
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now))
    }
    const method = c.req.method
    const path = c.req.path
    const mine = and(eq(idempotencyKeys.userId, user.userId), eq(idempotencyKeys.key, key))
    // An expired answer no longer counts.
    await db.delete(idempotencyKeys).where(and(mine, lt(idempotencyKeys.expiresAt, now)))
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ userId: user.userId, key, method, path, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key })

    if (claimed.length === 0) {
      const deadline = Date.now() + waitMs
      for (;;) {
        const [row] = await db.select().from(idempotencyKeys).where(mine)
        // The first request failed and freed the key: the client retries.
        if (!row) throw new ApiError(409, 'idempotency_in_progress', retryMessage)
        if (row.method !== method || row.path !== path) {
          throw new ApiError(
            422,
            'idempotency_key_reused',
            'Khóa Idempotency-Key đã dùng cho một yêu cầu khác / Idempotency-Key already used for another request',
          )
        }
        if (row.status !== null) {
          const headers: Record<string, string> = { 'Idempotent-Replayed': 'true' }
          if (row.contentType) headers['Content-Type'] = row.contentType
          const empty = row.status === 204 || row.status === 205 || row.status === 304
          return new Response(empty ? null : row.body, { status: row.status, headers })
        }
        if (Date.now() >= deadline) throw new ApiError(409, 'idempotency_in_progress', retryMessage)
        await new Promise((r) => setTimeout(r, POLL_MS))
      }
    }

    let stored = false
    try {
      await next()
      const res = c.res
      if (res.status < 500) {
        const body = await res.clone().text()
        await db
          .update(idempotencyKeys)
          .set({ status: res.status, contentType: res.headers.get('content-type'), body })
          .where(and(mine, isNull(idempotencyKeys.status)))
        stored = true
      }
    } finally {
      if (!stored) await db.delete(idempotencyKeys).where(and(mine, isNull(idempotencyKeys.status)))
    }
  }
}

const retryMessage =
  'Yêu cầu cùng khóa đang được xử lý; hãy thử lại sau / A request with this key is still being processed; retry later'
