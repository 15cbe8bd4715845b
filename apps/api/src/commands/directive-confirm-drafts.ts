/**
 * Turns reviewed task drafts into tasks. One lead unit: one task. Several (or the recipients "để
 * thực hiện"): one parent led by the issuer with a child per unit, so progress rolls up. An issued
 * directive whose tasks are confirmed is in force (audited and announced like any move).
 */
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  directivePolicy,
  Forbidden,
  Invalid,
  statusAfterTasksConfirmed,
  type TaskDraftToConfirm,
  taskPolicy,
} from '@hub/domain'
import { and, eq, sql } from 'drizzle-orm'
import { recordChange } from '../services/audit'
import { withChange } from '../services/change'
import { presentDirective } from '../services/directives'
import { requireInForce } from '../services/task-links'
import { insertTask, type TaskDto } from '../services/tasks'
import { headsOf } from '../services/unit-directory'
import type { CommandContext } from './context'
import { loadDirective, recipientsOf, unitsNamedIn } from './directive-record'

const d = schema.directives

export async function confirmDirectiveTasks(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  drafts: TaskDraftToConfirm[],
  requestId?: string,
) {
  const { units } = ctx
  const db = ctx.dbh.db
  const row = await loadDirective(db, id)
  if (!directivePolicy.edit(actor, units.tree, row)) throw new Forbidden()
  const issuer = row.issuerUnitId ?? units.root()!.id
  // A recipient line may stand for a group ("Các quận ủy, huyện ủy, thị ủy (để thực hiện)").
  const named = unitsNamedIn(units, row.issuerUnitId, row.issuedAt ?? undefined)
  const r = schema.directiveRecipients
  const executeRecipients = [
    ...new Set(
      (
        await db
          .select()
          .from(r)
          .where(and(eq(r.directiveId, id), eq(r.capacity, 'execute')))
      ).flatMap((x) => (x.unitId ? [x.unitId] : named(x.name))),
    ),
  ]
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
  const tasks = await withChange(ctx, async (tx) => {
    const heads = await headsOf(tx, [...new Set(drafts.flatMap(leadsOf))])
    const out: TaskDto[] = []
    const insert = async (values: typeof schema.tasks.$inferInsert, supports: string[]) => {
      const dto = await insertTask(tx, values, supports, actor.userId, 'task.create', requestId)
      out.push(dto)
      return dto
    }
    for (const draft of drafts) {
      const leads = leadsOf(draft)
      const base = {
        title: draft.title,
        description: draft.description ?? '',
        directiveId: id,
        clauseOrdinal: draft.clauseOrdinal,
        dueAt: draft.dueAt,
        recurrence: draft.recurrence,
        createdBy: actor.userId,
      }
      const head = (u: string) => heads.get(u)?.[0] ?? null
      if (leads.length === 1) {
        await insert({ ...base, leadUnitId: leads[0]!, accountableUserId: head(leads[0]!) }, draft.supportUnitIds)
        continue
      }
      const parent = await insert({ ...base, leadUnitId: issuer, accountableUserId: null }, [])
      for (const u of leads)
        await insert(
          { ...base, leadUnitId: u, parentTaskId: parent.id, accountableUserId: head(u) },
          draft.supportUnitIds,
        )
    }
    const next = statusAfterTasksConfirmed(row.status)
    if (next) {
      const [updated] = await tx
        .update(d)
        .set({ status: next, updatedAt: new Date(), version: sql`${d.version} + 1` })
        .where(eq(d.id, id))
        .returning()
      const dto = presentDirective(updated!, await recipientsOf(tx, id))
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'directive.put_in_force',
        entityType: 'directive',
        entityId: id,
        before: { status: row.status },
        after: { status: next, tasks: out.length },
        requestId,
        event: { type: 'directive.updated', payload: { directive: dto, statusChanged: true } },
      })
    }
    return out
  })
  return { tasks }
}
