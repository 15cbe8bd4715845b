// Signing in and out (/api/auth): login with throttling by account and address, logout here or
// everywhere, the current user, changing one's password, and an administrator's unlock of a throttled
// account; the session cookie is set and cleared here.

import { getConnInfo } from '@hono/node-server/conninfo'
import { createRoute, z } from '@hono/zod-openapi'
import {
  checkLogin,
  createSession,
  DEVICE_COOKIE,
  defaultSessionOptions,
  deviceCookieMaxAgeSec,
  hashPassword,
  invalidateSession,
  invalidateUserSessions,
  loadCurrentUser,
  passwordProblem,
  presentUser,
  rememberDevice,
  SESSION_COOKIE,
  verifyPassword,
} from '@hub/auth'
import { schema } from '@hub/db'
import { bilingual, Forbidden, NotFound, userSchema as userContract } from '@hub/domain'
import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Deps } from '../context'
import { ApiError, unauthenticated, validationError } from '../errors'
import { recordChange } from '../services/audit'
import { body, createRouter, errors, errorsFor, json } from './router'

const userSchema = z.object(userContract.shape).openapi('User')

const loginSchema = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(256) })
const passwordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(1024) })

/**
 * The client address for throttling: the socket's; behind our own proxy (TRUST_PROXY), the last
 * X-Forwarded-For entry, the one the proxy appended (earlier entries are whatever the client sent).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export function setSessionCookie(c: Context, token: string, secure: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: Math.floor(defaultSessionOptions.inactivityTimeoutMs / 1000),
  })
}

export function authRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()

  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['auth'],
      summary: 'Đăng nhập / Log in',
      request: { body: body(loginSchema) },
      responses: {
        200: json(z.object({ user: userSchema }), 'Logged in; sets the session cookie'),
        ...errorsFor(400, 401, 429),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json')
      const result = await checkLogin(db, deps.throttle, {
        email,
        password,
        ip: clientAddress(c, deps.trustProxy),
        deviceToken: getCookie(c, DEVICE_COOKIE) ?? null,
      })
      if (!result.ok && result.reason === 'throttled') {
        c.header('Retry-After', String(result.retryAfterSeconds))
        throw new ApiError(
          429,
          'too_many_attempts',
          bilingual('tooManyAttempts', { seconds: result.retryAfterSeconds }),
        )
      }
      if (!result.ok) throw new ApiError(401, 'invalid_credentials', bilingual('wrongCredentials'))
      const { token } = await createSession(db, result.userId, {
        ip: clientAddress(c, deps.trustProxy),
        userAgent: c.req.header('user-agent'),
      })
      setSessionCookie(c, token, deps.secureCookies)
      // This browser is now known to the account: failures sent from elsewhere will not lock it out.
      if (!result.knownDevice)
        setCookie(c, DEVICE_COOKIE, await rememberDevice(db, result.userId), {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/api/auth',
          secure: deps.secureCookies,
          maxAge: deviceCookieMaxAgeSec,
        })
      const user = await loadCurrentUser(db, result.userId)
      if (!user) throw unauthenticated()
      return c.json({ user: presentUser(user) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['auth'],
      summary: 'Đăng xuất / Log out',
      responses: { 200: json(z.object({ ok: z.boolean() }), 'Session ended') },
    }),
    async (c) => {
      const session = c.get('session')
      if (session) {
        await invalidateSession(db, session.id)
        deps.sessionsEnded({ sessionId: session.id })
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.json({ ok: true }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout-all',
      tags: ['auth'],
      summary: 'Đăng xuất mọi thiết bị / Log out everywhere',
      responses: { 200: json(z.object({ ok: z.boolean() }), 'Every session of the user ended'), 401: errors[401] },
    }),
    async (c) => {
      const user = c.get('user')
      if (!user) throw unauthenticated()
      await invalidateUserSessions(db, user.userId)
      deps.sessionsEnded({ userId: user.userId })
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.json({ ok: true }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Người dùng hiện tại / Current user',
      responses: { 200: json(z.object({ user: userSchema }), 'The signed-in user'), 401: errors[401] },
    }),
    (c) => {
      const user = c.get('user')
      if (!user) throw unauthenticated()
      return c.json({ user: presentUser(user) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags: ['auth'],
      summary: 'Đổi mật khẩu / Change password (ends other sessions)',
      request: { body: body(passwordSchema) },
      responses: { 200: json(z.object({ ok: z.boolean() }), 'Changed'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => {
      const user = c.get('user')
      const session = c.get('session')
      if (!user || !session) throw unauthenticated()
      const { currentPassword, newPassword } = c.req.valid('json')
      const problem = passwordProblem(newPassword)
      if (problem)
        throw validationError(
          new z.ZodError([{ code: 'custom', path: ['newPassword'], message: problem, input: undefined }]),
        )
      const [row] = await db.select().from(schema.users).where(eq(schema.users.id, user.userId)).limit(1)
      if (!row || !(await verifyPassword(row.passwordHash, currentPassword)))
        throw new ApiError(401, 'invalid_credentials', bilingual('wrongCurrentPassword'))
      const passwordHash = await hashPassword(newPassword)
      await db.transaction(async (tx) => {
        await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.userId))
        await invalidateUserSessions(tx, user.userId, session.id)
        await recordChange(tx, {
          actorUserId: user.userId,
          action: 'user.password_change',
          entityType: 'user',
          entityId: user.userId,
          requestId: c.get('requestId'),
        })
      })
      deps.sessionsEnded({ userId: user.userId, keepSession: session.id })
      return c.json({ ok: true }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/unlock',
      tags: ['auth'],
      summary: "Mở khóa đăng nhập / Clear an account's login throttling (administrators)",
      request: { body: body(z.object({ email: z.string().trim().min(3).max(254) })) },
      responses: {
        200: json(z.object({ ok: z.boolean() }), 'Counters cleared'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const user = c.get('user')
      if (!user) throw unauthenticated()
      if (!user.grants.some((g) => g.role === 'admin')) throw new Forbidden()
      const email = c.req.valid('json').email.toLowerCase()
      const [target] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email))
      if (!target) throw new NotFound('account')
      await deps.throttle.unlock(email)
      await recordChange(db, {
        actorUserId: user.userId,
        action: 'user.unlock',
        entityType: 'user',
        entityId: target.id,
        after: { email },
        requestId: c.get('requestId'),
      })
      return c.json({ ok: true }, 200)
    },
  )
  return app
}
