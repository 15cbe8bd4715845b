// What every route file builds on: a router whose validation failures take the contract's error shape,
// the documented error answers, and helpers for JSON bodies and answers in the OpenAPI contract.

import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../context'
import { validationError } from '../errors'

/** A resource router whose validation failures all take the contract's error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error)
    },
  })
}

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error')

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } })
export const errors = {
  400: err('Invalid input; `details.fields` names the failing fields'),
  401: err('No session'),
  403: err('Not allowed for your role and unit'),
  404: err('Not found'),
  409: err('Stale version: someone else changed it first'),
  429: err('Too many attempts'),
}

type ErrorStatus = keyof typeof errors

/** The error responses a route documents, in one line: `...errorsFor(400, 401, 403)`. */
export function errorsFor<S extends ErrorStatus>(...statuses: S[]): { [K in S]: (typeof errors)[K] } {
  return Object.fromEntries(statuses.map((s) => [s, errors[s]])) as { [K in S]: (typeof errors)[K] }
}

/** A JSON response entry for createRoute. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

export const idParam = z.object({ id: z.string().uuid() })
