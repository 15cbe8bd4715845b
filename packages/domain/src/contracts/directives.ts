// Response contracts of the documents the office writes: directives and their frozen versions, the named
// versions of any collaborative document, meetings, and the assignment table settled from either.

import { z } from 'zod'
import {
  assignmentFieldNames,
  assignmentFieldsSchema,
  assignmentProblemCodes,
  changeableTaskFields,
} from '../assignments'
import { clauseSchema, directiveKindSchema, directiveStatuses, documentLayoutSchema } from '../directive'
import { meetingStatuses } from '../vocabulary'

/** One recipient of a directive: whom it is sent to, in which capacity, and when they received and read it. */
export const directiveRecipientSchema = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.string(),
  unitId: z.string().nullable(),
  /** The printed line a unit was listed under ("Các quận ủy, huyện ủy, thị ủy"); one row per unit shares it. */
  groupLabel: z.string().nullable(),
  receivedAt: z.string().nullable(),
  firstReadAt: z.string().nullable(),
})

/** A directive as the API answers it (list, read, create, edit); an import adds what it recognised. */
export const directiveSchema = z.object({
  id: z.string(),
  kind: directiveKindSchema,
  layout: documentLayoutSchema,
  number: z.string().nullable(),
  /** Set when the number is known before issue (an imported document keeps its own). */
  sequence: z.number().nullable(),
  issuedAt: z.string().nullable(),
  place: z.string(),
  title: z.string(),
  status: z.enum(directiveStatuses),
  issuer: z.string(),
  issuerUnitId: z.string().nullable(),
  issuerSymbol: z.string(),
  issuedBy: z.string().nullable(),
  signer: z.object({ name: z.string(), title: z.string(), onBehalfOf: z.string() }),
  preamble: z.string(),
  closing: z.string(),
  recipients: z.array(directiveRecipientSchema),
  docName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
})

/** POST /api/directives/import: the new draft with the documents its preamble cites, the clauses
 * recognised in the paste, and the documents already in the hub under the same number. */
export const directiveImportSchema = z.object({
  directive: directiveSchema.extend({ citations: z.array(z.string()) }),
  clauses: z.array(clauseSchema),
  existing: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      title: z.string(),
      status: z.enum(directiveStatuses),
      issuedAt: z.string().nullable(),
    }),
  ),
})

/** A frozen version of a directive's text (issue, amendment). */
export const directiveVersionSchema = z.object({
  versionNo: z.number(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable().optional(),
})

/** A named version of a collaborative document (directive, plan, model, minutes, assignment table). */
export const documentVersionSchema = z.object({
  id: z.string(),
  docName: z.string(),
  label: z.string(),
  createdBy: z.string().nullable(),
  /** Who saved it, by name. */
  createdByName: z.string().nullable().optional(),
  createdAt: z.string(),
})

/** A meeting as listed and read; reading one adds its agenda and attendees. */
export const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  location: z.string(),
  status: z.enum(meetingStatuses),
  conclusions: z.string(),
  chairUserId: z.string().nullable(),
  hostUnitId: z.string().nullable(),
  docName: z.string(),
  conclusionDirectiveId: z.string().nullable(),
  agenda: z.array(z.object({ ordinal: z.number(), title: z.string(), presenter: z.string() })).optional(),
  attendees: z
    .array(z.object({ userId: z.string(), role: z.string(), fullName: z.string(), position: z.string() }))
    .optional(),
})

/** A problem found in an assignment row when settling it. */
export const assignmentProblemSchema = z.object({
  field: z.enum(assignmentFieldNames),
  code: z.enum(assignmentProblemCodes),
  severity: z.enum(['error', 'warning']),
  unitId: z.string().optional(),
})

/** One settled row of an assignment table: sent (its task exists) or held until the directive's issue. */
export const assignmentSettledRowSchema = z.object({
  rowId: z.string(),
  status: z.enum(['held', 'sent']),
  taskId: z.string().nullable(),
  /** The row's cells as settled (the OpenAPI document names them AssignmentRowFields). */
  fields: assignmentFieldsSchema,
  /** Cells edited since settling that differ from the task. */
  changes: z.array(
    z.object({ field: z.enum([...changeableTaskFields, 'leadUnitIds']), task: z.unknown(), row: z.unknown() }),
  ),
})

/** GET …/assignments: the table's document, what the caller may do, its settled rows. */
export const assignmentTableStateSchema = z.object({
  docName: z.string(),
  canEdit: z.boolean(),
  canSettle: z.boolean(),
  rows: z.array(assignmentSettledRowSchema),
})

/** POST …/assignments/settle: the rows made tasks, held, skipped with their problems, already settled. */
export const assignmentSettleResultSchema = z.object({
  created: z.array(z.object({ rowId: z.string(), taskId: z.string() })),
  held: z.array(z.string()),
  skipped: z.array(z.object({ rowId: z.string(), problems: z.array(assignmentProblemSchema) })),
  already: z.array(z.string()),
})
