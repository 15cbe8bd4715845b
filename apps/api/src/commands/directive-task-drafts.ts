/**
 * Proposes tasks from a directive's clauses (the domain's `proposeTaskDrafts`: units matched in the
 * directory, the sentence's subject leads, due dates and recurrences); a clause that names no unit
 * is for the recipients "để thực hiện".
 */
import type { CurrentUser } from '@hub/auth'
import { directivePolicy, Forbidden, proposeTaskDrafts, type TaskDraft, vnDay } from '@hub/domain'
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
  // Read on the tree of the directive's day (a 2021 text on 2021's units); the matcher is cached per tree version and day.
  const on = row.issuedAt ?? vnDay()
  const drafts = proposeTaskDrafts(clauses, unitRefs(ctx.units, row.issuerUnitId), {
    issuedAt: row.issuedAt,
    on,
    matcher: ctx.units.matcherOn(on, row.issuerUnitId),
  })
  return { drafts: drafts.map((x) => ({ ...x, toExecuteRecipients: x.leadUnitIds.length === 0 })) }
}
