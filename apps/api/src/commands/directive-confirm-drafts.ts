/**
 * Turns reviewed task drafts into tasks, as settled rows of the directive's assignment table. One lead
 * unit: one task. Several (or the recipients "để thực hiện"): one parent led by the issuer with a
 * child per unit, so progress rolls up. On a draft directive nothing reaches the units yet: the rows
 * are held and their tasks go out at the issue. An issued directive whose tasks are confirmed is in
 * force (audited and announced like any move).
 */
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  type AssignmentRowFields,
  directivePolicy,
  emptyAssignmentFields,
  Forbidden,
  Invalid,
  isDraftStatus,
  rowRhythmOf,
  type TaskDraftToConfirm,
  taskPolicy,
} from '@hub/domain'
import { createAssignedTasks, executeRecipientsOf, putInForce } from '../services/assignments'
import { withChange } from '../services/change'
import { requireInForce } from '../services/task-links'
import type { TaskDto } from '../services/tasks'
import type { CommandContext } from './context'
import { loadDirective } from './directive-record'

export async function confirmDirectiveTasks(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  drafts: TaskDraftToConfirm[],
  requestId?: string,
): Promise<{ tasks: TaskDto[]; held: number }> {
  const { units } = ctx
  const db = ctx.dbh.db
  const row = await loadDirective(db, id)
  if (!directivePolicy.edit(actor, units.tree, row)) throw new Forbidden()
  // A recipient line may stand for a group ("Các quận ủy, huyện ủy, thị ủy (để thực hiện)").
  const executeRecipients = await executeRecipientsOf(db, units, row)
  const leadsOf = (draft: TaskDraftToConfirm) =>
    draft.toExecuteRecipients ? executeRecipients : [...new Set(draft.leadUnitIds)]
  for (const [i, draft] of drafts.entries()) {
    for (const u of [...draft.leadUnitIds, ...draft.supportUnitIds])
      if (!units.get(u)) throw new Invalid(`drafts.${i}`, 'unknownUnitInDraft', { index: i }, undefined, 'unknown unit')
    const leads = leadsOf(draft)
    if (!leads.length)
      throw new Invalid(`drafts.${i}.leadUnitIds`, 'draftWithoutLead', { index: i }, undefined, 'empty')
    for (const u of leads) if (!taskPolicy.create(actor, units.tree, u)) throw new Forbidden()
    for (const u of leads) requireInForce(units, u, `drafts.${i}.leadUnitIds`)
    for (const u of draft.supportUnitIds) requireInForce(units, u, `drafts.${i}.supportUnitIds`)
  }
  const rows: AssignmentRowFields[] = drafts.map((draft) => ({
    ...emptyAssignmentFields,
    title: draft.title,
    description: draft.description ?? '',
    clauseOrdinal: draft.clauseOrdinal,
    leadUnitIds: leadsOf(draft),
    supportUnitIds: draft.supportUnitIds,
    dueAt: draft.dueAt,
    ...rowRhythmOf(draft.recurrence),
  }))
  const hold = isDraftStatus(row.status)
  const s = schema.assignmentSettlements
  return withChange(ctx, async (tx) => {
    const tasks: TaskDto[] = []
    for (const fields of rows) {
      const settled = {
        docName: `assignments:${id}`,
        rowId: `confirmed-${globalThis.crypto.randomUUID()}`,
        directiveId: id,
        fields,
        settledBy: actor.userId,
      }
      if (hold) {
        await tx.insert(s).values({ ...settled, status: 'held' })
        continue
      }
      const made = await createAssignedTasks(
        tx,
        actor,
        fields,
        { directiveId: id, issuerUnitId: row.issuerUnitId ?? units.root()!.id },
        requestId,
      )
      await tx.insert(s).values({ ...settled, status: 'sent', taskId: made.task.id, sentAt: new Date() })
      tasks.push(...made.all)
    }
    if (tasks.length) await putInForce(tx, actor, row, tasks.length, requestId)
    return { tasks, held: hold ? rows.length : 0 }
  })
}
