// The model practice endpoints (/api/models) over services/models.ts and its discussion and
// attachment services, with the upload route's own body limit.

import { z } from '@hono/zod-openapi'
import {
  modelAdoptionSchema,
  modelAttachmentSchema,
  modelCommentSchema,
  modelCoverageSchema,
  modelPracticeSchema,
} from '@hub/domain'
import type { Deps } from '../context'
import { ATTACHMENT_MAX_BYTES, ModelAttachmentService } from '../services/model-attachments'
import { commentCreateSchema, ModelDiscussionService } from '../services/model-discussion'
import {
  adoptionCreateSchema,
  adoptionPatchSchema,
  adoptionRequestSchema,
  ModelService,
  modelCreateSchema,
  modelListQuerySchema,
  transitionSchema,
} from '../services/models'
import { operations } from './operation'
import { body, createRouter, idParam, json } from './router'
import { taskSchema } from './tasks'
import { storedFileRoute, uploadRoute } from './uploads'

const coverageSchema = z.object(modelCoverageSchema.shape).openapi('ModelCoverage')

const modelSchema = z.looseObject({ ...modelPracticeSchema.shape, coverage: coverageSchema }).openapi('ModelPractice')

const adoptionSchema = z.looseObject(modelAdoptionSchema.shape).openapi('ModelAdoption')

const commentSchema = z.looseObject(modelCommentSchema.shape).openapi('ModelComment')

const attachmentSchema = z.looseObject(modelAttachmentSchema.shape).openapi('ModelAttachment')

const adoptionParams = z.object({ id: z.string().uuid(), adoptionId: z.string().uuid() })

/** Model practices: the library, status steps, adoptions, requests to adopt, discussion, materials. */
export function modelRoutes(deps: Deps) {
  const models = new ModelService(deps)
  const discussion = new ModelDiscussionService(deps)
  const attachments = new ModelAttachmentService(deps)
  const app = createRouter()
  const op = operations('models')

  app.openapi(
    op(
      'get /',
      'Thư viện mô hình hay / The model library',
      { 200: json(z.object({ models: z.array(modelSchema) }), 'Newest first') },
      [400, 401],
      { request: { query: modelListQuerySchema } },
    ),
    async (c) => c.json(await models.list(c.get('user')!, c.req.valid('query')), 200),
  )

  app.openapi(
    op(
      'post /',
      'Đề xuất mô hình / Propose a practice (status "proposed")',
      { 201: json(z.object({ model: modelSchema }), 'Proposed') },
      [400, 401, 403],
      { request: { body: body(modelCreateSchema) } },
    ),
    async (c) => {
      const model = await models.create(c.get('user')!, c.req.valid('json'), c.get('requestId'))
      return c.json({ model }, 201)
    },
  )

  app.openapi(
    op(
      'get /{id}',
      'Mô hình, các lượt áp dụng và mức độ nhân rộng / A practice with its adoptions and coverage',
      {
        200: json(
          z.object({
            model: modelSchema.and(
              z.object({ adoptions: z.array(adoptionSchema), attachments: z.array(attachmentSchema) }).passthrough(),
            ),
          }),
          'The practice',
        ),
      },
      [401, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await models.get(c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    op(
      'post /{id}/transition',
      'Chuyển bước: đề xuất → đã thẩm định → khuyến nghị nhân rộng → chuẩn toàn thành phố / Next status step',
      { 200: json(z.object({ model: modelSchema }), 'Moved') },
      [400, 401, 403, 404, 409],
      { request: { params: idParam, body: body(transitionSchema) } },
    ),
    async (c) => {
      const model = await models.transition(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ model }, 200)
    },
  )

  app.openapi(
    op(
      'post /{id}/adoptions',
      "Áp dụng mô hình / Adopt: records the adoption and creates the adopter's tasks",
      { 201: json(z.object({ adoption: adoptionSchema, tasks: z.array(taskSchema) }), 'Adopted') },
      [400, 401, 403, 404, 409],
      { request: { params: idParam, body: body(adoptionCreateSchema) } },
    ),
    async (c) => {
      const out = await models.adopt(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )

  app.openapi(
    op(
      'patch /{id}/adoptions/{adoptionId}',
      'Kết quả áp dụng / Record how an adoption went',
      { 200: json(z.object({ adoption: adoptionSchema }), 'Updated') },
      [400, 401, 403, 404],
      { request: { params: adoptionParams, body: body(adoptionPatchSchema) } },
    ),
    async (c) => {
      const { id, adoptionId } = c.req.valid('param')
      const adoption = await models.updateAdoption(
        c.get('user')!,
        id,
        adoptionId,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ adoption }, 200)
    },
  )

  app.openapi(
    op(
      'post /{id}/requests',
      'Đề nghị các đơn vị áp dụng / The committee asks units to adopt (a cascade of tasks)',
      {
        201: json(
          z.object({
            parentTask: taskSchema.nullable(),
            adoptions: z.array(adoptionSchema),
            tasks: z.array(taskSchema),
          }),
          'Asked',
        ),
      },
      [400, 401, 403, 404],
      { request: { params: idParam, body: body(adoptionRequestSchema) } },
    ),
    async (c) => {
      const out = await models.request(c.get('user')!, c.req.valid('param').id, c.req.valid('json'), c.get('requestId'))
      return c.json(out, 201)
    },
  )

  app.openapi(
    op(
      'get /{id}/comments',
      'Hỏi đáp về mô hình / Questions and answers',
      { 200: json(z.object({ comments: z.array(commentSchema) }), 'Oldest first') },
      [401, 404],
      { request: { params: idParam } },
    ),
    async (c) => c.json(await discussion.list(c.get('user')!, c.req.valid('param').id), 200),
  )

  app.openapi(
    op(
      'post /{id}/comments',
      'Đặt câu hỏi hoặc trả lời / Ask (no parentId) or answer; the origin unit is notified',
      { 201: json(z.object({ comment: commentSchema }), 'Posted') },
      [400, 401, 403, 404],
      { request: { params: idParam, body: body(commentCreateSchema) } },
    ),
    async (c) => {
      const comment = await discussion.post(
        c.get('user')!,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      )
      return c.json({ comment }, 201)
    },
  )

  uploadRoute(app, op, {
    files: 'attachments',
    summary: `Đính kèm tài liệu / Attach a file (multipart field "file"; PDF, PNG, JPEG, DOCX, XLSX, TXT; at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)`,
    key: 'attachment',
    schema: attachmentSchema,
    maxBytes: ATTACHMENT_MAX_BYTES,
    tooLarge: 'File too large',
    wrongType: 'File type not allowed',
    statuses: [400, 401, 403, 404],
    add: (actor, id, file, requestId) => attachments.add(actor, id, file, requestId),
  })
  storedFileRoute(app, op, {
    files: 'attachments',
    param: 'attachmentId',
    summary: 'Tải tài liệu / Download (always as an attachment, never rendered by the browser)',
    description: 'The file',
    contentType: 'application/octet-stream',
    statuses: [401, 404],
    get: (actor, id, attachmentId) => attachments.get(actor, id, attachmentId),
  })
  return app
}

/** The one route whose body may exceed the hub's JSON body limit (it sets its own). */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/models\/[0-9a-f-]{36}\/attachments\/?$/i.test(path)
}
