// The assignment table's routes, the same under a directive and a meeting: what was settled, rows
// proposed from the text (directives), settling ("Chốt phân công"), accepting a settled row's change
// and the annex export.
import { createRoute, z } from '@hono/zod-openapi'
import { renderAnnexDocx, renderAnnexPdf, renderAnnexXlsx } from '@hub/documents'
import { assignmentSettledRowSchema, assignmentSettleResultSchema, assignmentTableStateSchema } from '@hub/domain'
import { proposeDirectiveTasks } from '../commands/directive-task-drafts'
import type { Deps } from '../context'
import { type AssignmentScopeKind, AssignmentService } from '../services/assignments'
import { body, createRouter, errorsFor, idParam, json } from './router'

/** A row's cells, opaque to the OpenAPI document (the contract's assignmentFieldsSchema reads them). */
const fieldsSchema = z.object({}).passthrough().openapi('AssignmentRowFields')
const stateSchema = z
  .object({
    ...assignmentTableStateSchema.shape,
    rows: z.array(z.object({ ...assignmentSettledRowSchema.shape, fields: fieldsSchema })),
  })
  .openapi('AssignmentTableState')
const settleSchema = z.object(assignmentSettleResultSchema.shape).openapi('AssignmentSettleResult')
const rowParam = z.object({ id: z.string().uuid(), rowId: z.string().min(1).max(200) })

/** Routes of one kind of table: mounted at /api/directives and /api/meetings. */
export function assignmentRoutes(deps: Deps, kind: AssignmentScopeKind) {
  const app = createRouter()
  const service = new AssignmentService(deps)
  const tags = [kind === 'directive' ? 'directives' : 'meetings']

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assignments',
      tags,
      summary: 'Bảng phân công: các dòng đã chốt / The assignment table: settled rows',
      request: { params: idParam },
      responses: { 200: json(stateSchema, 'Settled rows, with proposed changes'), ...errorsFor(401, 404) },
    }),
    async (c) => c.json(await service.state(c.get('user')!, kind, c.req.valid('param').id), 200),
  )

  if (kind === 'directive')
    app.openapi(
      createRoute({
        method: 'get',
        path: '/{id}/assignments/proposals',
        tags,
        summary: 'Đề xuất từ văn bản / Rows proposed from the text',
        request: { params: idParam },
        responses: {
          200: json(
            z.object({
              proposals: z.array(z.object({ id: z.string(), sourceKey: z.string(), fields: fieldsSchema })),
              ceasedUnits: z.array(z.unknown()),
            }),
            'Rows to add where their key is new',
          ),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const user = c.get('user')!
        return c.json(await service.proposals(user, id, () => proposeDirectiveTasks(deps, user, id)), 200)
      },
    )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/settle',
      tags,
      summary: 'Chốt phân công / Settle the rows into tasks',
      request: {
        params: idParam,
        body: body(z.object({ rowIds: z.array(z.string().min(1).max(200)).min(1).max(500).optional() }).strict()),
      },
      responses: { 200: json(settleSchema, 'Tasks made, rows held, rows skipped'), ...errorsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const { rowIds } = c.req.valid('json')
      return c.json(
        await service.settle(c.get('user')!, kind, c.req.valid('param').id, rowIds, c.get('requestId')),
        200,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/rows/{rowId}/accept',
      tags,
      summary: 'Chấp nhận thay đổi của dòng đã chốt / Accept a settled row’s change on its task',
      request: { params: rowParam, body: body(z.object({}).strict()) },
      responses: {
        200: json(z.object({ task: z.unknown() }), 'The task as changed'),
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id, rowId } = c.req.valid('param')
      return c.json(await service.accept(c.get('user')!, kind, id, rowId, c.get('requestId')), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assignments/export',
      tags,
      summary: 'Phụ lục phân công (DOCX, PDF, XLSX) / The table as the plan’s annex',
      request: { params: idParam, query: z.object({ format: z.enum(['docx', 'pdf', 'xlsx']).default('pdf') }) },
      responses: {
        200: {
          description: 'The annex',
          content: Object.fromEntries(Object.values(annexTypes).map((t) => [t, { schema: z.any() }])),
        },
        ...errorsFor(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { format } = c.req.valid('query')
      const input = await service.annex(c.get('user')!, kind, id)
      const render = { docx: renderAnnexDocx, pdf: renderAnnexPdf, xlsx: renderAnnexXlsx }[format]
      const name = `phu-luc-phan-cong-${(input.directiveNumber ?? id.slice(0, 8)).replace(/[^\w-]+/g, '-')}.${format}`
      return c.body(new Uint8Array(await render(input)), 200, {
        'content-type': annexTypes[format],
        'content-disposition': `attachment; filename="${name}"`,
      })
    },
  )

  return app
}

const annexTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
