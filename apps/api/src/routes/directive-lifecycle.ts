// The directive routes beyond reading and editing a draft (routes/directives.ts), under /api/directives:
// each route here is the HTTP face of one command in commands/directive-*.ts.

import { z } from '@hono/zod-openapi'
import {
  clauseSchema,
  directiveImportSchema,
  directiveTransitions,
  directiveVersionSchema,
  isoDateSchema,
  recipientSchema,
  signerSchema,
  taskDraftConfirmSchema,
} from '@hub/domain'
import { amendDirective } from '../commands/directive-amend'
import { confirmDirectiveTasks } from '../commands/directive-confirm-drafts'
import { exportDirective } from '../commands/directive-export'
import { importDirective } from '../commands/directive-import'
import { setDirectiveRecipients } from '../commands/directive-recipients'
import { proposeDirectiveTasks } from '../commands/directive-task-drafts'
import { transitionDirective } from '../commands/directive-transition'
import { directiveDiff, directiveVersion, directiveVersions } from '../commands/directive-versions'
import type { Deps } from '../context'
import { operations } from './operation'
import { body, createRouter, idParam, json } from './router'
import { taskSchema } from './tasks'

const transitionSchema = z
  .object({
    action: z.enum(directiveTransitions),
    version: z.number().int().positive(),
    issuedAt: isoDateSchema.optional(),
    place: z.string().trim().min(1).max(100).optional(),
    signer: signerSchema.optional(),
    replacedById: z.string().uuid().optional(),
  })
  .strict()
const versionSchema = z.object(directiveVersionSchema.shape).openapi('DirectiveVersion')
const bodySchema = z.object({
  preamble: z.string().max(50_000),
  clauses: z.array(clauseSchema).max(200),
  closing: z.string().max(10_000),
})

/** Lifecycle, import, versions, task drafts, distribution and export of directives. */
export function directiveLifecycleRoutes(deps: Deps) {
  const app = createRouter()
  const op = operations('directives')

  app.openapi(
    op(
      'post /import',
      'Nhập văn bản từ văn bản dán vào / Import a directive from pasted text',
      {
        201: json(
          directiveImportSchema,
          'A draft with the recognised fields, and the documents already in the hub under the same number',
        ),
      },
      [400, 401, 403],
      { request: { body: body(z.object({ text: z.string().min(20).max(500_000) }).strict()) } },
    ),
    async (c) => c.json(await importDirective(deps, c.get('user')!, c.req.valid('json').text, c.get('requestId')), 201),
  )

  app.openapi(
    op(
      'post /{id}/transition',
      'Chuyển trạng thái: trình, trả lại, ban hành, có hiệu lực, kết thúc, thay thế / Move along the lifecycle',
      { 200: json(z.object({ directive: z.any() }), 'Moved; issuing fixes number, date, signer and freezes the text') },
      [400, 401, 403, 404, 409],
      { request: { params: idParam, body: body(transitionSchema) } },
    ),
    async (c) => {
      const { id } = c.req.valid('param')
      const directive = await transitionDirective(deps, c.get('user')!, id, c.req.valid('json'), c.get('requestId'))
      return c.json({ directive }, 200)
    },
  )

  app.openapi(
    op(
      'get /{id}/versions',
      'Các phiên bản đã ban hành / Frozen versions',
      { 200: json(z.object({ versions: z.array(versionSchema) }), 'Versions, oldest first') },
      [401, 403, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await directiveVersions(deps, c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    op(
      'post /{id}/versions',
      'Sửa đổi, bổ sung văn bản đã ban hành thành phiên bản mới / Amend an issued directive as a new version',
      { 201: json(z.object({ versions: z.array(versionSchema) }), 'New version added') },
      [400, 401, 403, 404, 409],
      {
        request: {
          params: idParam,
          body: body(z.object({ label: z.string().trim().min(1).max(300), body: bodySchema.optional() }).strict()),
        },
      },
    ),
    async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await amendDirective(deps, c.get('user')!, id, c.req.valid('json'), c.get('requestId')), 201)
    },
  )

  app.openapi(
    op(
      'get /{id}/versions/{no}',
      'Xem một phiên bản / One version',
      { 200: json(z.object({ version: z.any() }), 'The version') },
      [401, 403, 404],
      { request: { params: z.object({ id: z.string().uuid(), no: z.coerce.number().int().positive() }) } },
    ),
    async (c) => {
      const { id, no } = c.req.valid('param')
      return c.json(await directiveVersion(deps, c.get('user')!, id, no), 200)
    },
  )

  app.openapi(
    op(
      'get /{id}/diff',
      'So sánh hai phiên bản / Diff two versions',
      {
        200: json(
          z.object({
            from: z.number(),
            to: z.number(),
            parts: z.array(z.object({ op: z.string(), text: z.string() })),
          }),
          'Line diff',
        ),
      },
      [400, 401, 403, 404],
      {
        request: {
          params: idParam,
          query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
        },
      },
    ),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await directiveDiff(deps, c.get('user')!, c.req.valid('param').id, q.from, q.to), 200)
    },
  )

  app.openapi(
    op(
      'post /{id}/task-drafts',
      'Đề xuất nhiệm vụ từ các điều khoản / Proposed tasks from the clauses',
      {
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
      },
      [401, 403, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await proposeDirectiveTasks(deps, c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    op(
      'post /{id}/tasks',
      'Xác nhận các nhiệm vụ đã rà soát / Confirm reviewed drafts into tasks',
      {
        201: json(
          z.object({ tasks: z.array(taskSchema), held: z.number().int() }),
          'Tasks created (parents with one child per unit for many units); on a draft directive none: `held` rows go out at the issue',
        ),
      },
      [400, 401, 403, 404],
      {
        request: {
          params: idParam,
          body: body(z.object({ drafts: z.array(taskDraftConfirmSchema).min(1).max(200) }).strict()),
        },
      },
    ),
    async (c) => {
      const { id } = c.req.valid('param')
      const { drafts } = c.req.valid('json')
      return c.json(await confirmDirectiveTasks(deps, c.get('user')!, id, drafts, c.get('requestId')), 201)
    },
  )

  app.openapi(
    op(
      'put /{id}/recipients',
      'Nơi nhận / Set the recipients and their capacity',
      { 200: json(z.object({ directive: z.any() }), 'Recipients set') },
      [400, 401, 403, 404, 409],
      {
        request: { params: idParam, body: body(z.object({ recipients: z.array(recipientSchema).max(800) }).strict()) },
      },
    ),
    async (c) =>
      c.json(
        {
          directive: await setDirectiveRecipients(
            deps,
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
    op(
      'get /{id}/export',
      'Xuất văn bản theo thể thức (DOCX, PDF) / Export in the formal layout',
      {
        200: {
          description: 'The document',
          content: {
            'application/pdf': { schema: z.any() },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.any() },
          },
        },
      },
      [400, 401, 403, 404],
      { request: { params: idParam, query: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }) } },
    ),
    async (c) => {
      const out = await exportDirective(deps, c.get('user')!, c.req.valid('param').id, c.req.valid('query').format)
      return c.body(out.bytes, 200, {
        'content-type': out.contentType,
        'content-disposition': `attachment; filename="${out.fileName}"`,
      })
    },
  )
  return app
}
