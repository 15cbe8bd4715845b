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
): Promise<{
  drafts: (Omit<TaskDraft, 'ceasedUnitIds'> & { toExecuteRecipients: boolean })[]
  /** Units the text names that are not in force on its day (an abolished district in a 2026 text), for the office to check. */
  ceasedUnits: { clauseOrdinal: number; unitId: string; name: string }[]
}> {
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
  return {
    drafts: drafts.map(({ ceasedUnitIds: _, ...x }) => ({ ...x, toExecuteRecipients: x.leadUnitIds.length === 0 })),
    ceasedUnits: drafts.flatMap((x) =>
      x.ceasedUnitIds.map((unitId) => ({
        clauseOrdinal: x.clauseOrdinal,
        unitId,
        name: ctx.units.get(unitId)?.name ?? '',
      })),
    ),
  }
}
