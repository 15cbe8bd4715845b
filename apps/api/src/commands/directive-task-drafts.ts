/**
 * Proposes tasks from a directive's clauses (the domain's `proposeTaskDrafts`: units matched in the
 * directory, the sentence's subject leads, due dates and recurrences); a clause that names no unit
 * is for the recipients "để thực hiện".
 */
import type { CurrentUser } from '@hub/auth'
import { directivePolicy, Forbidden, proposeTaskDrafts, type TaskDraft } from '@hub/domain'
import { documentsOf } from '../services/document-text'
import type { CommandContext } from './context'
import { bodyOfRecord, loadDirective, unitRefs } from './directive-record'

export async function proposeDirectiveTasks(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
): Promise<{ drafts: (TaskDraft & { toExecuteRecipients: boolean })[] }> {
  const row = await loadDirective(ctx.dbh.db, id)
  if (!directivePolicy.edit(actor, ctx.units.tree, row)) throw new Forbidden()
  const { clauses } = await bodyOfRecord(ctx.dbh.db, row, documentsOf(ctx))
  const drafts = proposeTaskDrafts(clauses, unitRefs(ctx.units, row.issuerUnitId), { issuedAt: row.issuedAt })
  return { drafts: drafts.map((x) => ({ ...x, toExecuteRecipients: x.leadUnitIds.length === 0 })) }
}
