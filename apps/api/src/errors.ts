import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import type { ZodError } from 'zod'
import { loggableError } from './log-safety'

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

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} không tồn tại / not found`)
export const forbidden = () => new ApiError(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này / Not allowed')
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Cần đăng nhập / Login required')
export const conflict = (current: unknown) =>
  new ApiError(
    409,
    'version_conflict',
    'Dữ liệu đã được người khác thay đổi; hãy tải lại / Changed by someone else; reload',
    { current },
  )

/** A zod failure as a 400 that names each failing field. */
export function validationError(error: ZodError): ApiError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
  const names = [...new Set(fields.map((f) => f.path))].join(', ')
  return new ApiError(400, 'validation_failed', `Dữ liệu không hợp lệ / Invalid input: ${names}`, { fields })
}

/** The one place that turns any error into the contract's error shape. */
export function errorResponse(err: unknown, c: Context, log?: Logger): Response {
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
