import { createRoute, z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import { renderDocx, renderPdf } from '@hub/documents'
import {
  clauseSchema,
  type DirectiveDocument,
  directivePolicy,
  isoDateSchema,
  recipientSchema,
  recurrenceSchema,
  signerSchema,
} from '@hub/domain'
import { asc, eq } from 'drizzle-orm'
import type { Deps } from '../context'
import { forbidden, notFound } from '../errors'
import { DirectiveLifecycle } from '../services/directive-lifecycle'
import { printedRecipients } from '../services/directives'
import { body, createRouter, errors, idParam, json } from './router'
import { taskSchema } from './tasks'

const transitionSchema = z
  .object({
    action: z.enum(['submit', 'return', 'issue', 'put_in_force', 'close', 'replace']),
    version: z.number().int().positive(),
    issuedAt: isoDateSchema.optional(),
    place: z.string().trim().min(1).max(100).optional(),
    signer: signerSchema.optional(),
    replacedById: z.string().uuid().optional(),
  })
  .strict()
const draftSchema = z
  .object({
    clauseOrdinal: z.number().int().positive(),
    title: z.string().trim().min(1).max(500),
    description: z.string().max(20_000).optional(),
    leadUnitIds: z.array(z.string().uuid()).max(700),
    supportUnitIds: z.array(z.string().uuid()).max(700).default([]),
    dueAt: isoDateSchema.nullable().default(null),
    recurrence: recurrenceSchema.nullable().default(null),
    toExecuteRecipients: z.boolean().optional(),
  })
  .strict()
const versionSchema = z
  .object({
    versionNo: z.number(),
    label: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable().optional(),
  })
  .openapi('DirectiveVersion')
const bodySchema = z.object({
  preamble: z.string().max(50_000),
  clauses: z.array(clauseSchema).max(200),
  closing: z.string().max(10_000),
})

/** Lifecycle, import, versions, task drafts, distribution and export of directives. */
export function directiveLifecycleRoutes(deps: Deps, lifecycle = new DirectiveLifecycle(deps.dbh.db, deps.units)) {
  const app = createRouter()
  const db = deps.dbh.db

  app.openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['directives'],
      summary: 'Nhập văn bản từ văn bản dán vào / Import a directive from pasted text',
      request: { body: body(z.object({ text: z.string().min(20).max(500_000) }).strict()) },
      responses: {
        201: json(
          z.object({
            directive: z.any(),
            clauses: z.array(clauseSchema),
            existing: z.array(
              z.object({
                id: z.string(),
                number: z.string().nullable(),
                title: z.string(),
                status: z.string(),
                issuedAt: z.string().nullable(),
              }),
            ),
          }),
          'A draft with the recognised fields, and the documents already in the hub under the same number',
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const out = await lifecycle.import(c.get('user')!, c.req.valid('json').text, c.get('requestId'))
      deps.eventsWritten()
      return c.json(out, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transition',
      tags: ['directives'],
      summary:
        'Chuyển trạng thái: trình, trả lại, ban hành, có hiệu lực, kết thúc, thay thế / Move along the lifecycle',
      request: { params: idParam, body: body(transitionSchema) },
      responses: {
        200: json(z.object({ directive: z.any() }), 'Moved; issuing fixes number, date, signer and freezes the text'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const directive = await lifecycle.transition(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      deps.eventsWritten()
      return c.json({ directive }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags: ['directives'],
      summary: 'Các phiên bản đã ban hành / Frozen versions',
      request: { params: idParam },
      responses: {
        200: json(z.object({ versions: z.array(versionSchema) }), 'Versions, oldest first'),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => c.json(await lifecycle.versions(c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/versions',
      tags: ['directives'],
      summary: 'Sửa đổi, bổ sung văn bản đã ban hành thành phiên bản mới / Amend an issued directive as a new version',
      request: {
        params: idParam,
        body: body(z.object({ label: z.string().trim().min(1).max(300), body: bodySchema.optional() }).strict()),
      },
      responses: {
        201: json(z.object({ versions: z.array(versionSchema) }), 'New version added'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const out = await lifecycle.amend(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      deps.eventsWritten()
      return c.json(out, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions/{no}',
      tags: ['directives'],
      summary: 'Xem một phiên bản / One version',
      request: { params: z.object({ id: z.string().uuid(), no: z.coerce.number().int().positive() }) },
      responses: {
        200: json(z.object({ version: z.any() }), 'The version'),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => c.json(await lifecycle.version(c.get('user')!, c.req.valid('param').id, c.req.valid('param').no), 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/diff',
      tags: ['directives'],
      summary: 'So sánh hai phiên bản / Diff two versions',
      request: {
        params: idParam,
        query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
      },
      responses: {
        200: json(
          z.object({
            from: z.number(),
            to: z.number(),
            parts: z.array(z.object({ op: z.string(), text: z.string() })),
          }),
          'Line diff',
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await lifecycle.diff(c.get('user')!, c.req.valid('param').id, q.from, q.to), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/task-drafts',
      tags: ['directives'],
      summary: 'Đề xuất nhiệm vụ từ các điều khoản / Proposed tasks from the clauses',
      request: { params: idParam },
      responses: {
        200: json(
          z.object({
            drafts: z.array(
              z
                .object({
                  clauseOrdinal: z.number(),
                  title: z.string(),
                  leadUnitIds: z.array(z.string()),
                  supportUnitIds: z.array(z.string()),
                  dueAt: z.string().nullable(),
                  recurrence: z.any(),
                  toExecuteRecipients: z.boolean(),
                })
                .passthrough(),
            ),
          }),
          'Drafts to review',
        ),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => c.json(await lifecycle.taskDrafts(c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/tasks',
      tags: ['directives'],
      summary: 'Xác nhận các nhiệm vụ đã rà soát / Confirm reviewed drafts into tasks',
      request: { params: idParam, body: body(z.object({ drafts: z.array(draftSchema).min(1).max(200) }).strict()) },
      responses: {
        201: json(
          z.object({ tasks: z.array(taskSchema) }),
          'Tasks created (parents with one child per unit for many units)',
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const out = await lifecycle.confirmDrafts(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json').drafts,
        c.get('requestId'),
      )
      deps.eventsWritten()
      return c.json(out, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/recipients',
      tags: ['directives'],
      summary: 'Nơi nhận / Set the recipients and their capacity',
      request: { params: idParam, body: body(z.object({ recipients: z.array(recipientSchema).max(800) }).strict()) },
      responses: {
        200: json(z.object({ directive: z.any() }), 'Recipients set'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) =>
      c.json(
        {
          directive: await lifecycle.setRecipients(
            c.get('user')!,
            c.req.valid('param').id,
            c.req.valid('json').recipients,
            c.get('requestId'),
          ),
        },
        200,
      ),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/export',
      tags: ['directives'],
      summary: 'Xuất văn bản theo thể thức (DOCX, PDF) / Export in the formal layout',
      request: { params: idParam, query: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }) },
      responses: {
        200: {
          description: 'The document',
          content: {
            'application/pdf': { schema: z.any() },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.any() },
          },
        },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      const [row] = await db.select().from(schema.directives).where(eq(schema.directives.id, id)).limit(1)
      if (!row) throw notFound('Văn bản / Directive')
      if (!directivePolicy.read(c.get('user')!, deps.units.tree, row)) throw forbidden()
      const text = await lifecycle.bodyForExport(row)
      const recipients = await db
        .select()
        .from(schema.directiveRecipients)
        .where(eq(schema.directiveRecipients.directiveId, id))
        .orderBy(asc(schema.directiveRecipients.ordinal))
      const doc: DirectiveDocument = {
        layout: row.layout,
        issuer: row.issuer,
        kind: row.kind,
        number: row.number,
        place: row.place,
        issuedAt: row.issuedAt,
        issuedBy: row.issuedBy,
        title: row.title,
        preamble: text.preamble,
        clauses: text.clauses,
        closing: text.closing,
        recipients: printedRecipients(recipients),
        signer: row.signer ?? { name: '', title: '', onBehalfOf: '' },
        draft: row.status === 'draft' || row.status === 'in_review',
      }
      const format = c.req.valid('query').format
      const buf = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc)
      const fileName = `${(row.number ?? `du-thao-${row.kind}`).replace(/[^\w-]+/g, '-')}.${format}`
      return c.body(new Uint8Array(buf), 200, {
        'content-type':
          format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        'content-disposition': `attachment; filename="${fileName}"`,
      })
    },
  )
  return app
}
