import { createRoute, z } from '@hono/zod-openapi'
import {
  clauseSchema,
  directiveTransitions,
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
import { body, createRouter, errorsFor, idParam, json } from './router'
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
export function directiveLifecycleRoutes(deps: Deps) {
  const app = createRouter()

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
        ...errorsFor(400, 401, 403),
      },
    }),
    async (c) => c.json(await importDirective(deps, c.get('user')!, c.req.valid('json').text, c.get('requestId')), 201),
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
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const directive = await transitionDirective(deps, c.get('user')!, id, c.req.valid('json'), c.get('requestId'))
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
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json(await directiveVersions(deps, c.get('user')!, c.req.valid('param').id), 200),
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
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await amendDirective(deps, c.get('user')!, id, c.req.valid('json'), c.get('requestId')), 201)
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
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => {
      const { id, no } = c.req.valid('param')
      return c.json(await directiveVersion(deps, c.get('user')!, id, no), 200)
    },
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
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await directiveDiff(deps, c.get('user')!, c.req.valid('param').id, q.from, q.to), 200)
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
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => c.json(await proposeDirectiveTasks(deps, c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/tasks',
      tags: ['directives'],
      summary: 'Xác nhận các nhiệm vụ đã rà soát / Confirm reviewed drafts into tasks',
      request: {
        params: idParam,
        body: body(z.object({ drafts: z.array(taskDraftConfirmSchema).min(1).max(200) }).strict()),
      },
      responses: {
        201: json(
          z.object({ tasks: z.array(taskSchema), held: z.number().int() }),
          'Tasks created (parents with one child per unit for many units); on a draft directive none: `held` rows go out at the issue',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { drafts } = c.req.valid('json')
      return c.json(await confirmDirectiveTasks(deps, c.get('user')!, id, drafts, c.get('requestId')), 201)
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
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
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
        ...errorsFor(400, 401, 403, 404),
      },
    }),
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
