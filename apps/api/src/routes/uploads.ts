// The parts of a file upload route that every attachment kind shares: the body limit answered as
// 413, the multipart request description, the file error answers, and the one required field.
import { z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../errors'
import { fileTooLarge } from '../services/attachments'
import { errors } from './router'

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
