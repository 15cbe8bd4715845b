// Units through time: the records a unit inherits from its predecessors (read, never rewritten),
// the office's handover of abolished units' open work to their successors, and recording a future
// reorganisation from a file once it is checked.
import type { CurrentUser } from '@hub/auth'
import { type Db, schema } from '@hub/db'
import {
  accountabilityInspectionPolicy,
  Conflict,
  directs,
  Forbidden,
  Invalid,
  NotFound,
  planReorganisation,
  reportPolicy,
  staleVersion,
  taskPolicy,
  vnDay,
} from '@hub/domain'
import { datedTree, recordReorganisation } from '@hub/seed'
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core'
import { recordChange } from './audit'
import { type ChangeContext, withChange } from './change'
import { teamIdsOf } from './inspections'
import { outcomeFromDb } from './measure'
import { presentTask, supportsOf } from './tasks'
import type { UnitDirectory } from './unit-directory'

const t = schema.tasks
const HISTORY_LIMIT = 200

/** The named fields of an object (a table's columns for a select, a row's values for an answer). */
function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>
}

/** Only those who direct the whole city (committee, office, administrators) reorganise and hand over. */
function mustDirectCity(actor: CurrentUser, units: UnitDirectory): void {
  const root = units.root()
  if (!root || !directs(actor, units.tree, root.id)) throw new Forbidden()
}

/**
 * What a unit's predecessors did, marked with the predecessor it belongs to: tasks they led,
 * reports, inspections (their conclusions as accountabilityInspectionPolicy.readConclusion allows) and model
 * adoptions, each only as far as the actor may read it. Records keep the unit they were made for.
 */
export async function inheritedRecords(db: Db, units: UnitDirectory, actor: CurrentUser, unitId: string) {
  const unit = units.get(unitId)
  if (!unit) throw new NotFound('unit')
  const ancestry = units.ancestryOf(unitId)
  const via = (id: string) => ({ viaUnitId: id, viaUnitName: units.get(id)?.name ?? '' })
  if (ancestry.length === 0) return { predecessorIds: [], tasks: [], reports: [], inspections: [], adoptions: [] }
  /** The newest (at most HISTORY_LIMIT) of the predecessors' records: `unit` says whose, `at` when. */
  const newest = <Q extends PgSelect>(q: Q, unit: PgColumn, at: PgColumn) =>
    q.where(inArray(unit, ancestry)).orderBy(desc(at)).limit(HISTORY_LIMIT)
  const taskRows = await newest(db.select().from(t).$dynamic(), t.leadUnitId, t.createdAt)
  const supports = await supportsOf(
    db,
    taskRows.map((r) => r.id),
  )
  const tasks = taskRows
    .map((r) => ({ ...presentTask(r, supports.get(r.id) ?? []), ...via(r.leadUnitId) }))
    .filter((x) => taskPolicy.read(actor, units.tree, x))
  const r = schema.reports
  const reports = (
    await newest(
      db
        .select(pick(r, 'id', 'kind', 'unitId', 'taskId', 'periodStart', 'periodEnd', 'narrative', 'submittedAt'))
        .from(r)
        .$dynamic(),
      r.unitId,
      r.submittedAt,
    )
  )
    .filter((x) => reportPolicy.read(actor, units.tree, x.unitId))
    .map((x) => ({
      ...x,
      submittedAt: x.submittedAt.toISOString(),
      narrative: x.narrative.slice(0, 200),
      ...via(x.unitId),
    }))
  const i = schema.inspections
  const today = vnDay()
  const teamIds = await teamIdsOf(db, actor.userId)
  const inspections = (
    await newest(
      db
        .select(
          pick(
            i,
            'id',
            'unitId',
            'scheduledOn',
            'status',
            'outcome',
            'published',
            'unannounced',
            'createdBy',
            'teamId',
          ),
        )
        .from(i)
        .$dynamic(),
      i.unitId,
      i.scheduledOn,
    )
  )
    // The same rules as the inspection list: an unannounced visit still ahead stays hidden from the
    // unit, and a conclusion not yet published is withheld from it (the visit shows, not its outcome).
    .filter((x) => accountabilityInspectionPolicy.read(actor, units.tree, { ...x, date: x.scheduledOn }, today))
    .map((x) => {
      const readable = accountabilityInspectionPolicy.readConclusion(actor, units.tree, x, teamIds)
      return {
        ...pick(x, 'id', 'unitId', 'scheduledOn', 'status'),
        outcome: readable && x.outcome ? (outcomeFromDb[x.outcome] ?? null) : null,
        published: x.published,
        withheld: !readable,
        ...via(x.unitId),
      }
    })
  const a = schema.modelAdoptions
  const p = schema.modelPractices
  const adoptions = (
    await newest(
      db
        .select({
          id: a.id,
          practiceId: a.practiceId,
          title: p.title,
          unitId: a.unitId,
          adoptedOn: a.adoptedOn,
          status: a.status,
        })
        .from(a)
        .innerJoin(p, eq(p.id, a.practiceId))
        .$dynamic(),
      a.unitId,
      a.adoptedOn,
    )
  ).map((x) => ({ ...x, ...via(x.unitId) }))
  return { predecessorIds: ancestry, tasks, reports, inspections, adoptions }
}

/** One open task of an abolished unit, with the units that may take it over. */
export interface HandoverItem {
  taskId: string
  title: string
  status: string
  dueAt: string | null
  unitId: string
  unitName: string
  /** The successors in force today, with how the unit passed to each. */
  candidates: { unitId: string; name: string; share: 'whole' | 'part' }[]
  /** The one successor of a unit passed whole; null when it was split and the office picks. */
  proposedUnitId: string | null
}

/**
 * The open tasks (not done) led by units no longer in force, each with its proposal from the
 * succession mapping: passed whole → its one successor; split → the office picks among the parts.
 * `unitId` limits it to one abolished unit.
 */
export async function handoverProposal(
  db: Db,
  units: UnitDirectory,
  actor: CurrentUser,
  unitId?: string,
): Promise<{ items: HandoverItem[] }> {
  mustDirectCity(actor, units)
  const today = vnDay()
  const ceased = units
    .all()
    .filter((u) => u.validTo && u.validTo < today && (!unitId || u.id === unitId))
    .map((u) => u.id)
  if (unitId && !units.get(unitId)) throw new NotFound('unit')
  if (ceased.length === 0) return { items: [] }
  const rows = await db
    .select({ id: t.id, title: t.title, status: t.status, dueAt: t.dueAt, leadUnitId: t.leadUnitId })
    .from(t)
    .where(and(inArray(t.leadUnitId, ceased), ne(t.status, 'done')))
    .orderBy(t.leadUnitId, t.createdAt)
  const items = rows.map((r) => {
    const candidates = units
      .successorsOf(r.leadUnitId)
      .map((s) => ({ unitId: s.successorId, name: units.get(s.successorId)?.name ?? '', share: s.share }))
    const whole = candidates.length === 1 && candidates[0]!.share === 'whole'
    return {
      taskId: r.id,
      title: r.title,
      status: r.status,
      dueAt: r.dueAt,
      unitId: r.leadUnitId,
      unitName: units.get(r.leadUnitId)?.name ?? '',
      candidates,
      proposedUnitId: whole ? candidates[0]!.unitId : null,
    }
  })
  return { items }
}

/**
 * Hands open tasks of abolished units to successors in one reviewed step: every pick must be one
 * of the task's successors, the task still open and led by an abolished unit; all or nothing, each
 * task audited (`task.handover`) and announced as updated.
 */
export async function handOver(
  ctx: ChangeContext,
  units: UnitDirectory,
  actor: CurrentUser,
  picks: { taskId: string; toUnitId: string }[],
  requestId?: string,
) {
  mustDirectCity(actor, units)
  const today = vnDay()
  // One change per task, each with its audit row and event, in one transaction (withChange wakes
  // the outbox after commit, so the boards hear the handover at once).
  return withChange(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(t)
      .where(
        inArray(
          t.id,
          picks.map((p) => p.taskId),
        ),
      )
    const byId = new Map(rows.map((r) => [r.id, r]))
    const supports = await supportsOf(
      tx as unknown as Db,
      rows.map((r) => r.id),
    )
    const moved = []
    for (const pick of picks) {
      const row = byId.get(pick.taskId)
      if (!row) throw new NotFound('task')
      const from = units.get(row.leadUnitId)
      const allowed = units.successorsOf(row.leadUnitId).map((s) => s.successorId)
      if (!from?.validTo || from.validTo >= today || row.status === 'done' || !allowed.includes(pick.toUnitId))
        throw new Conflict('handover_not_allowed', 'handoverNotAllowed', { title: row.title }, { taskId: row.id })
      const before = presentTask(row, supports.get(row.id) ?? [])
      const [updated] = await tx
        .update(t)
        .set({ leadUnitId: pick.toUnitId, updatedAt: new Date(), version: sql`${t.version} + 1` })
        .where(and(eq(t.id, row.id), eq(t.version, row.version)))
        .returning()
      if (!updated) throw staleVersion(before)
      const dto = presentTask(updated, supports.get(row.id) ?? [])
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'task.handover',
        entityType: 'task',
        entityId: row.id,
        before: { ...before, leadUnitName: from.name },
        after: { ...dto, leadUnitName: units.get(pick.toUnitId)?.name ?? '' },
        requestId,
        event: { type: 'task.updated', payload: { task: dto } },
      })
      moved.push(dto)
    }
    return { tasks: moved }
  })
}

/** Checks a reorganisation file against the tree; nothing is written. */
export async function checkReorganisation(db: Db, actor: CurrentUser, units: UnitDirectory, file: unknown) {
  mustDirectCity(actor, units)
  const { plan, problems } = planReorganisation(file, await datedTree(db))
  return {
    ok: !!plan,
    problems,
    summary: plan
      ? {
          effectiveOn: plan.effectiveOn,
          newUnits: plan.newUnits.length,
          closing: plan.closingIds.length,
          links: plan.links.length,
        }
      : null,
  }
}

/**
 * Records a checked reorganisation before it takes effect: its units from its day, the closing
 * units ended on its eve, the successions; audited; the directory reloads. A file with problems,
 * or one taking effect today or before, is refused.
 */
export async function recordReorganisationFile(
  db: Db,
  actor: CurrentUser,
  units: UnitDirectory,
  file: unknown,
  requestId?: string,
) {
  mustDirectCity(actor, units)
  const result = await db.transaction(async (tx) => {
    const { plan, problems } = planReorganisation(file, await datedTree(tx as unknown as Db))
    if (!plan)
      throw new Invalid(
        problems.map((message) => ({ path: 'file', message })),
        'reorganisationInvalid',
        { count: problems.length },
      )
    if (plan.effectiveOn <= vnDay())
      throw new Invalid('effectiveOn', 'reorganisationNotFuture', {
        day: plan.effectiveOn.split('-').reverse().join('/'),
      })
    const { id, newUnits } = await recordReorganisation(tx as unknown as Db, plan, actor.userId)
    const after = {
      basis: plan.basis,
      effectiveOn: plan.effectiveOn,
      newUnits: newUnits.length,
      closing: plan.closingIds.length,
    }
    await recordChange(tx, {
      actorUserId: actor.userId,
      action: 'unit.reorganise',
      entityType: 'unit_reorganisation',
      entityId: id,
      after,
      requestId,
    })
    return { id, ...after }
  })
  await units.reload()
  return { reorganisation: result }
}

/** The reorganisations recorded, newest first. */
export async function listReorganisations(db: Db) {
  const r = schema.unitReorganisations
  const rows = await db.select().from(r).orderBy(desc(r.effectiveOn))
  return rows.map((x) => ({
    id: x.id,
    basis: x.basis,
    effectiveOn: x.effectiveOn,
    createdAt: x.createdAt.toISOString(),
  }))
}
