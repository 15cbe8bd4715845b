/**
 * Prints a directive in its formal layout (DOCX or PDF on A4): the frozen text once issued, the
 * live draft before (marked as a draft), with its recipients as printed lines.
 */
import type { CurrentUser } from '@hub/auth'
import { renderDocx, renderPdf } from '@hub/documents'
import { type DirectiveDocument, directivePolicy, Forbidden, isDraftStatus } from '@hub/domain'
import { printedRecipients } from '../services/directives'
import { documentsOf } from '../services/document-text'
import type { CommandContext } from './context'
import { bodyOfRecord, loadDirective, recipientsOf } from './directive-record'

export type ExportFormat = 'docx' | 'pdf'

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

export async function exportDirective(ctx: CommandContext, actor: CurrentUser, id: string, format: ExportFormat) {
  const db = ctx.dbh.db
  const row = await loadDirective(db, id)
  if (!directivePolicy.read(actor, ctx.units.tree, row)) throw new Forbidden()
  const text = await bodyOfRecord(db, row, documentsOf(ctx))
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
    recipients: printedRecipients(await recipientsOf(db, id)),
    signer: row.signer ?? { name: '', title: '', onBehalfOf: '' },
    draft: isDraftStatus(row.status),
  }
  const bytes = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc)
  return {
    bytes: new Uint8Array(bytes),
    contentType: contentTypes[format],
    fileName: `${(row.number ?? `du-thao-${row.kind}`).replace(/[^\w-]+/g, '-')}.${format}`,
  }
}
