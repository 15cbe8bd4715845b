/** The one mapper from failures to the contract's error shape and status (DESIGN.md: errors). */
import { VersionError } from '@hub/collab'
import { bilingual, DomainError, type Invalid, NotFound } from '@hub/domain'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import type { ZodError } from 'zod'
import { loggableError } from './log-safety'
import { isDatabaseUnavailable } from './middleware/database-down'

/** An error meant for the client: status, a stable code and a readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** For a route's own checks (the HTTP layer): a record it looked up is missing. Services throw `NotFound`. */
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} không tồn tại / not found`)
/** For a route's own checks. Services throw `Forbidden`. */
export const forbidden = () => new ApiError(403, 'forbidden', bilingual('forbidden'))
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Cần đăng nhập / Login required')

const statusOf = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 } as const

/** A use case's failure in HTTP terms: its status, its code, its catalogue text, its details. */
export function fromDomain(err: DomainError): ApiError {
  const message = bilingual(err.text, err.params)
  switch (err.kind) {
    case 'not_found':
      return new ApiError(404, 'not_found', message)
    case 'forbidden': {
      const field = (err as DomainError & { field?: string }).field
      return new ApiError(
        403,
        'forbidden',
        message,
        field ? { fields: [{ path: field, message: 'not allowed' }] } : undefined,
      )
    }
    case 'conflict': {
      const c = err as DomainError & { code: string; details?: unknown }
      return new ApiError(statusOf.conflict, c.code, message, c.details)
    }
    case 'invalid': {
      const i = err as Invalid
      return new ApiError(statusOf.invalid, i.code, message, { fields: i.fields })
    }
  }
}

/** A document version the collaboration library refused: an unknown version (404) or a bad request (400). */
function fromVersion(err: VersionError): ApiError {
  return err.code === 'not_found'
    ? fromDomain(new NotFound('version'))
    : new ApiError(400, 'validation_failed', err.message)
}

/** A zod failure as a 400 that names each failing field. */
export function validationError(error: ZodError): ApiError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
  const names = [...new Set(fields.map((f) => f.path))].join(', ')
  return new ApiError(400, 'validation_failed', `Dữ liệu không hợp lệ / Invalid input: ${names}`, { fields })
}

/** The data disk is still full after a write failed for lack of space (middleware/disk-guard.ts). */
export function diskFull(): ApiError {
  return new ApiError(503, 'database_unavailable', bilingual('diskFull'))
}

/** The database (or its disk) is down: the client may try again once it is back (503). */
function databaseUnavailable(cause: unknown, log?: Logger): ApiError {
  log?.warn({ err: loggableError(cause) }, 'database unavailable')
  return new ApiError(
    503,
    'database_unavailable',
    'Cơ sở dữ liệu tạm thời không sẵn sàng, hãy thử lại sau giây lát / Database temporarily unavailable, try again shortly',
  )
}

/** The one place that turns any error into the contract's error shape. */
export function errorResponse(failure: unknown, c: Context, log?: Logger): Response {
  const err =
    failure instanceof DomainError
      ? fromDomain(failure)
      : failure instanceof VersionError
        ? fromVersion(failure)
        : isDatabaseUnavailable(failure)
          ? databaseUnavailable(failure, log)
          : failure
  if (err instanceof ApiError) {
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: err.code, message: err.message },
    }
    if (err.details !== undefined) body.error.details = err.details
    return c.json(body, err.status)
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode
    const code =
      status === 413
        ? 'payload_too_large'
        : /Malformed JSON/i.test(err.message)
          ? 'malformed_json'
          : status === 401
            ? 'unauthenticated'
            : status === 403
              ? 'forbidden'
              : 'bad_request'
    return c.json({ error: { code, message: err.message || 'Bad request' } }, status)
  }
  log?.error({ err: loggableError(err) }, 'unhandled error')
  return c.json({ error: { code: 'internal', message: 'Lỗi hệ thống / Internal error' } }, 500)
}
