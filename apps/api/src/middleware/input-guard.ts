// The API's first check on every request: hostile text (NUL, unpaired surrogates, bad percent-encoding),
// malformed JSON and too-deep nesting are refused with a 400 before any route sees them. Mounted by app.ts.

import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors'

/** Deepest JSON nesting any route accepts; deeper input is refused before a handler sees it. */
const maxDepth = 32
/** The methods whose requests carry a body the API reads. */
export const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * Text PostgreSQL cannot store or that no person types: NUL, and UTF-16 surrogates without their
 * pair (valid in JSON escapes, invalid in UTF-8).
 */
export function hostileText(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character'
  if (loneSurrogate.test(s)) return 'contains an unpaired surrogate'
  return null
}

const refuse = (path: string, message: string) =>
  new ApiError(400, 'validation_failed', `Dữ liệu không hợp lệ / Invalid input: ${path}`, {
    fields: [{ path, message }],
  })

/** Walks a parsed JSON value; throws a 400 naming the first field holding hostile text or nesting too deep. */
function inspect(value: unknown, path: string[], depth: number): void {
  const where = () => path.join('.') || '(body)'
  if (depth > maxDepth) throw refuse(where(), `nested deeper than ${maxDepth} levels`)
  if (typeof value === 'string') {
    const problem = hostileText(value)
    if (problem) throw refuse(where(), problem)
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) inspect(v, [...path, String(i)], depth + 1)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const problem = hostileText(k)
      if (problem) throw refuse([...path, '(key)'].join('.'), problem)
      inspect(v, [...path, k], depth + 1)
    }
  }
}

/**
 * Refuses hostile input at the edge, for every route in one place: malformed percent-encoding in
 * the path, NUL or unpaired surrogates in the path, the query or any JSON string or key, malformed
 * JSON, and JSON nested too deep. Each is a 400 naming the field, so nothing reaches the database.
 */
export function inputGuard(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url)
    for (const segment of url.pathname.split('/')) {
      let decoded: string
      try {
        decoded = decodeURIComponent(segment)
      } catch {
        throw refuse('(path)', 'malformed percent-encoding')
      }
      const problem = hostileText(decoded)
      if (problem) throw refuse('(path)', problem)
    }
    for (const [k, v] of url.searchParams) {
      const problem = hostileText(k) ?? hostileText(v)
      if (problem) throw refuse(k, problem)
    }
    if (bodyMethods.has(c.req.method) && /json/i.test(c.req.header('content-type') ?? '')) {
      const text = await c.req.text()
      if (text.trim()) {
        let parsed: unknown
        try {
          parsed = JSON.parse(text)
        } catch {
          throw new ApiError(400, 'malformed_json', 'Dữ liệu JSON không đọc được / Malformed JSON body')
        }
        inspect(parsed, [], 0)
      }
    }
    await next()
  }
}
