// The routes of a stored file kind (a practice's materials, a report's photos): the upload of one file
// (its body limit answered as 413, the multipart request, the file error answers, the one required
// field) and the sending of one stored file with the safe headers, each written once here.
import { z } from '@hono/zod-openapi'
import type { CurrentUser } from '@hub/auth'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../errors'
import { fileHeaders, fileTooLarge } from '../services/attachments'
import type { operations } from './operation'
import { type createRouter, errors, idParam, json } from './router'

/** The multipart envelope adds a little to the file itself. */
const ENVELOPE_BYTES = 64 * 1024

/** Largest request body of an upload whose file may be `maxBytes`. */
export const uploadBodyBytes = (maxBytes: number) => maxBytes + ENVELOPE_BYTES

/** A file error answer (413, 415) described for the OpenAPI document. */
export const fileError = (description: string) => ({
  description,
  content: { 'application/json': { schema: errors[400].content['application/json'].schema } },
})

/** The route parts of an upload of one file in the multipart field "file", at most `maxBytes`. */
export function fileUpload(maxBytes: number) {
  return {
    middleware: [
      bodyLimit({
        maxSize: uploadBodyBytes(maxBytes),
        onError: () => {
          throw fileTooLarge(maxBytes)
        },
      }),
    ],
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  }
}

/** The uploaded file, or 400 naming the field. */
export function uploadedFile(form: { file?: unknown }): File {
  if (!(form.file instanceof File))
    throw new ApiError(400, 'validation_failed', 'Thiếu tệp / File required', {
      fields: [{ path: 'file', message: 'required' }],
    })
  return form.file
}

type Router = ReturnType<typeof createRouter>
type Operation = ReturnType<typeof operations>
type ErrorStatus = keyof typeof errors

/**
 * `post /{id}/<files>`: stores the one file of the multipart field "file" (at most `maxBytes`) with
 * `add`, answering 201 `{ [key]: what add returns }`.
 */
export function uploadRoute(
  app: Router,
  op: Operation,
  spec: {
    files: string
    summary: string
    key: string
    schema: z.ZodType
    maxBytes: number
    tooLarge: string
    wrongType: string
    statuses: ErrorStatus[]
    add: (actor: CurrentUser, id: string, file: File, requestId?: string) => Promise<unknown>
  },
) {
  const upload = fileUpload(spec.maxBytes)
  app.openapi(
    op(
      `post /{id}/${spec.files}`,
      spec.summary,
      {
        201: json(z.object({ [spec.key]: spec.schema }), 'Stored'),
        413: fileError(spec.tooLarge),
        415: fileError(spec.wrongType),
      },
      spec.statuses,
      { middleware: upload.middleware, request: { params: idParam, body: upload.body } },
    ),
    async (c) => {
      const file = uploadedFile(c.req.valid('form'))
      const stored = await spec.add(c.get('user')!, c.req.valid('param').id, file, c.get('requestId'))
      return c.json({ [spec.key]: stored }, 201)
    },
  )
}

/**
 * `get /{id}/<files>/{<param>}`: sends one stored file as `get` finds it under the reader's rules,
 * with the stored file's headers (`inline` only for photos).
 */
export function storedFileRoute(
  app: Router,
  op: Operation,
  spec: {
    files: string
    param: string
    summary: string
    description: string
    contentType: string
    statuses: ErrorStatus[]
    disposition?: 'attachment' | 'inline'
    get: (
      actor: CurrentUser,
      id: string,
      fileId: string,
    ) => Promise<{ data: Uint8Array; filename: string; contentType: string }>
  },
) {
  const params = z.object({ id: z.string().uuid(), [spec.param]: z.string().uuid() })
  app.openapi(
    op(
      `get /{id}/${spec.files}/{${spec.param}}`,
      spec.summary,
      { 200: { description: spec.description, content: { [spec.contentType]: { schema: z.any() } } } },
      spec.statuses,
      { request: { params } },
    ),
    async (c) => {
      const found = c.req.valid('param') as Record<string, string>
      const row = await spec.get(c.get('user')!, found.id!, found[spec.param]!)
      return c.body(new Uint8Array(row.data), 200, fileHeaders(row, spec.disposition))
    },
  )
}
