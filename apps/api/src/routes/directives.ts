// Directives as records (/api/directives): list, read (marking the reader's units as having read it),
// create a draft and edit it, over services/directives.ts. The lifecycle has its own routes.

import { createRoute, z } from '@hono/zod-openapi'
import {
  directiveSchema as directiveContract,
  directiveKindSchema,
  directiveStatuses,
  documentLayoutSchema,
  signerSchema,
} from '@hub/domain'
import type { Deps } from '../context'
import { DirectiveService } from '../services/directives'
import { body, createRouter, errorsFor, idParam, json } from './router'

const directiveSchema = z.looseObject(directiveContract.shape).openapi('Directive')

const fields = {
  title: z.string().trim().min(1).max(1000),
  layout: documentLayoutSchema,
  issuer: z.string().trim().min(1).max(300),
  issuerSymbol: z.string().trim().min(1).max(30),
  issuedBy: z.string().max(300).nullable(),
  place: z.string().trim().min(1).max(100),
  signer: signerSchema,
  preamble: z.string().max(50_000),
  closing: z.string().max(10_000),
}
/** The particulars a new draft may leave to their defaults (the layout's issuer, place, signer…). */
const defaulted = {
  layout: true,
  issuer: true,
  issuerSymbol: true,
  issuedBy: true,
  place: true,
  signer: true,
  preamble: true,
  closing: true,
} as const
export const directiveCreateSchema = z
  .object({ kind: directiveKindSchema, issuerUnitId: z.string().uuid().optional(), ...fields })
  .partial(defaulted)
  .strict()
export const directivePatchSchema = z
  .object({ version: z.number().int().positive(), kind: directiveKindSchema, ...fields })
  .partial({ kind: true, title: true, ...defaulted })
  .strict()

export function directiveRoutes(deps: Deps, directives = new DirectiveService(deps)) {
  const app = createRouter()

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['directives'],
      summary: 'Văn bản chỉ đạo / List directives',
      request: {
        query: z.object({
          status: z.enum(directiveStatuses).optional(),
          kind: directiveKindSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: json(z.object({ directives: z.array(directiveSchema), total: z.number() }), 'Directives'),
        ...errorsFor(400, 401),
      },
    }),
    async (c) => c.json(await directives.list(c.get('user')!, c.req.valid('query')), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['directives'],
      summary: 'Tạo dự thảo / Create a draft',
      request: { body: body(directiveCreateSchema) },
      responses: {
        201: json(z.object({ directive: directiveSchema }), 'Draft created'),
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const directive = await directives.create(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json({ directive }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['directives'],
      summary: 'Một văn bản với các điều khoản / A directive with its clauses',
      request: { params: idParam },
      responses: {
        200: json(
          z.object({
            directive: directiveSchema,
            clauses: z.array(z.object({ ordinal: z.number(), text: z.string() })),
          }),
          'The directive',
        ),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => {
      const out = await directives.get(c.get('user')!, c.req.valid('param').id)
      // Opening an issued directive records the first reading by the reader's unit.
      await directives.markRead(c.get('user')!, out.directive.id)
      return c.json(out, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['directives'],
      summary: 'Sửa thông tin dự thảo / Update a draft (send the version you read)',
      request: { params: idParam, body: body(directivePatchSchema) },
      responses: {
        200: json(z.object({ directive: directiveSchema }), 'Updated'),
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const directive = await directives.patch(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ directive }, 200)
    },
  )
  return app
}
