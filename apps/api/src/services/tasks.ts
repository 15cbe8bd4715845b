// Tasks, the hub's core record: presenting, listing within the reader's reach (served from the board
// cache on the embedded database), creating, changing, handing down to the units below and rolling
// progress up. Most other services make or read tasks through it.

import { type CurrentUser, reachOf } from '@hub/auth'
import { type DbOrTx, schema, type TaskRow, type Tx } from '@hub/db'
import {
  agreesWithChildren,
  Conflict,
  directs,
  Forbidden,
  Invalid,
  NotFound,
  normaliseProgress,
  rollUpState,
  staleVersion,
  type TaskCreate,
  type TaskListQuery,
  type TaskPatch,
  taskPolicy,
  timeliness,
  vnDay,
} from '@hub/domain'
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  getTableName,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import { type Answer, responseCacheOf, vnDayNumber } from '../cache/response-cache'
import { recordChange } from './audit'
import { Service } from './change'
import { authorizeTaskLinks, requireInForce } from './task-links'
import { headsOf } from './unit-directory'

const t = schema.tasks

/** The Vietnam calendar day a timestamp falls on. */
const completedDay = (d: Date | null) => (d ? vnDay(d) : null)

/** A task as the API returns it. */
export function presentTask(row: TaskRow, supportUnitIds: string[], today = vnDay()) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    progress: row.progress,
    timeliness: timeliness(
      { status: row.status, dueAt: row.dueAt, completedDay: completedDay(row.completedAt) },
      today,
    ),
    leadUnitId: row.leadUnitId,
    supportUnitIds,
    accountableUserId: row.accountableUserId,
    dueAt: row.dueAt,
    recurrence: row.recurrence,
    directiveId: row.directiveId,
    clauseOrdinal: row.clauseOrdinal,
    meetingId: row.meetingId,
    parentTaskId: row.parentTaskId,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}
export type TaskDto = ReturnType<typeof presentTask>

export async function supportsOf(db: DbOrTx, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!ids.length) return out
  const rows = await db.select().from(schema.taskSupportUnits).where(inArray(schema.taskSupportUnits.taskId, ids))
  for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.unitId])
  return out
}

/**
 * Progress and status roll up a cascade by the domain's rule (`rollUpState`): a parent shows the
 * mean progress of its children and is done when all of them are. Walks up to the top; each
 * changed parent is audited and announced.
 */
export async function rollUp(
  tx: Tx,
  parentTaskId: string | null,
  actorUserId: string | null,
  requestId?: string,
): Promise<void> {
  let id = parentTaskId
  while (id) {
    const children = await tx
      .select({ status: t.status, progress: t.progress, completedAt: t.completedAt })
      .from(t)
      .where(eq(t.parentTaskId, id))
    const [parent] = await tx.select().from(t).where(eq(t.id, id)).limit(1)
    const derived = parent ? rollUpState(children, parent.status) : null
    if (!parent || !derived) return
    const { status, progress } = derived
    const completedAt = derived.completedAt ?? (status === 'done' ? (parent.completedAt ?? new Date()) : null)
    if (
      status === parent.status &&
      progress === parent.progress &&
      completedAt?.getTime() === parent.completedAt?.getTime()
    )
      return
    const [updated] = await tx
      .update(t)
      .set({
        status,
        progress,
        completedAt,
        updatedAt: new Date(),
        version: sql`${t.version} + 1`,
      })
      .where(eq(t.id, id))
      .returning()
    const supports = (await supportsOf(tx, [id])).get(id) ?? []
    const dto = presentTask(updated!, supports)
    await recordChange(tx, {
      actorUserId,
      action: 'task.roll_up',
      entityType: 'task',
      entityId: id,
      before: { status: parent.status, progress: parent.progress },
      after: { status, progress },
      requestId,
      event: {
        type: 'task.updated',
        payload: {
          task: dto,
          before: { status: parent.status, progress: parent.progress },
          rolledUp: true,
        },
      },
    })
    id = parent.parentTaskId
  }
}

/** Inserts a task with its supporting units, audited and announced, inside the caller's transaction. */
export async function insertTask(
  tx: Tx,
  values: typeof t.$inferInsert,
  supportUnitIds: readonly string[],
  actorUserId: string,
  action = 'task.create',
  requestId?: string,
): Promise<TaskDto> {
  const [row] = await tx.insert(t).values(values).returning()
  const supports = [...new Set(supportUnitIds)].filter((u) => u !== values.leadUnitId)
  if (supports.length)
    await tx.insert(schema.taskSupportUnits).values(supports.map((unitId) => ({ taskId: row!.id, unitId })))
  const dto = presentTask(row!, supports)
  await recordChange(tx, {
    actorUserId,
    action,
    entityType: 'task',
    entityId: dto.id,
    after: dto,
    requestId,
    event: { type: 'task.created', payload: { task: dto } },
  })
  return dto
}

/**
 * Tasks led or supported by these units (and those `accountableUserId` answers for), as a short list
 * of ids the planner reaches through the indexes on lead and supporting units, not a test of every task.
 */
function taskIdsOf(unitIds: readonly string[], accountableUserId?: string): SQL {
  const own = accountableUserId ? sql` or l.accountable_user_id = ${accountableUserId}` : sql``
  return sql`${t.id} = any(array(select l.id from ${t} l where l.lead_unit_id in ${unitIds}${own} union select s.task_id from ${schema.taskSupportUnits} s where s.unit_id in ${unitIds}))`
}

/** What a list's answer is read from (the caller's roles come with the caller, the tree with its version). */
const LIST_TABLES = [t, schema.taskSupportUnits].map((table) => getTableName(table))

export type TaskList = Awaited<ReturnType<TaskService['list']>>

export class TaskService extends Service {
  private requireUnit(id: string, field: string) {
    if (!this.units.get(id)) throw new Invalid(field, 'unknownUnit', { field }, undefined, 'unknown unit')
  }

  async get(actor: CurrentUser, id: string): Promise<TaskDto> {
    const [row] = await this.db.select().from(t).where(eq(t.id, id)).limit(1)
    if (!row) throw new NotFound('task')
    const supportUnitIds = (await supportsOf(this.db, [id])).get(id) ?? []
    if (!taskPolicy.read(actor, this.units.tree, { ...row, supportUnitIds })) throw new Forbidden()
    return presentTask(row, supportUnitIds)
  }

  /** The SQL condition limiting tasks to those the actor may read. */
  private visibility(actor: CurrentUser): SQL | undefined {
    const root = this.units.root()
    if (root && directs(actor, this.units.tree, root.id)) return undefined
    const reach = reachOf(actor, this.units.tree)
    if (!reach.length) return eq(t.accountableUserId, actor.userId)
    return taskIdsOf(reach, actor.userId)
  }

  /** The tasks of a unit in the caller's reach are all visible to them: the reach adds nothing then. */
  private inReach(actor: CurrentUser, unitId: string): boolean {
    return actor.grants.some((g) => this.units.tree.isWithin(unitId, g.unitId))
  }

  /**
   * Whose a list's answer is, as the visibility rule decides it: anyone's for a unit inside the
   * caller's reach (the unit filter alone bounds it) or for the city's leaders (no bound); else the
   * caller's own (their reach and the tasks they answer for).
   */
  private listScope(actor: CurrentUser, q: TaskListQuery): string {
    if (q.unitId && this.inReach(actor, q.unitId)) return 'unit'
    const visible = this.visibility(actor)
    if (!visible) return 'city'
    const roots = [...new Set(actor.grants.map((g) => g.unitId))].sort()
    return `user:${actor.userId}:${roots.join(',')}`
  }

  /**
   * The list as the JSON bytes sent: from the board cache while no task, supporting unit or unit-tree
   * change and no new day has come since it was computed for the same scope and query (see
   * ResponseCache), else computed now; on PostgreSQL too, the clock being the shared row.
   */
  async listJson(actor: CurrentUser, q: TaskListQuery): Promise<Answer<TaskList>> {
    const cache = responseCacheOf(this.deps.dbh)
    // Taken before anything is read: an answer is never kept under a stamp newer than its data.
    const stamp = `${await this.deps.dbh.clock.stamp(LIST_TABLES)}|${this.units.version}|${vnDayNumber()}`
    const query = Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
    const key = `tasks.list|${this.listScope(actor, q)}|${JSON.stringify(query)}`
    return await cache.get(key, stamp, () => this.list(actor, q))
  }

  async list(actor: CurrentUser, q: TaskListQuery) {
    const today = vnDay()
    const visible = this.visibility(actor)
    const conds: (SQL | undefined)[] = []
    if (q.unitId) {
      const unitIds = q.includeSubunits === 'true' ? this.units.tree.subtree(q.unitId) : [q.unitId]
      conds.push(taskIdsOf(unitIds))
      if (visible && !this.inReach(actor, q.unitId)) conds.push(visible)
    } else conds.push(visible)
    if (q.status) conds.push(eq(t.status, q.status))
    if (q.directiveId) conds.push(eq(t.directiveId, q.directiveId))
    if (q.assigneeId) conds.push(eq(t.accountableUserId, q.assigneeId))
    if (q.parentTaskId) conds.push(eq(t.parentTaskId, q.parentTaskId))
    if (q.dueFrom) conds.push(gte(t.dueAt, q.dueFrom))
    if (q.dueTo) conds.push(lte(t.dueAt, q.dueTo))
    if (q.q) conds.push(ilike(t.searchWords, sql`'%' || trim(hub_search_words(${q.q})) || '%'`))
    const doneDay = sql`(${t.completedAt} at time zone 'Asia/Ho_Chi_Minh')::date`
    if (q.timeliness === 'overdue') conds.push(ne(t.status, 'done'), isNotNull(t.dueAt), sql`${t.dueAt} < ${today}`)
    if (q.timeliness === 'open') conds.push(ne(t.status, 'done'), or(isNull(t.dueAt), sql`${t.dueAt} >= ${today}`))
    if (q.timeliness === 'on_time')
      conds.push(eq(t.status, 'done'), or(isNull(t.dueAt), isNull(t.completedAt), sql`${doneDay} <= ${t.dueAt}`))
    if (q.timeliness === 'late') conds.push(eq(t.status, 'done'), sql`${doneDay} > ${t.dueAt}`)
    const where = and(...conds)
    // Bounded by units (a filter or the caller's reach), the page and its total are one statement; over
    // every task (the city's leaders) a window would sort the whole table, so the count stays apart.
    const bounded = conds[0] !== undefined
    const page = await this.db
      .select({ ...getTableColumns(t), total: sql<string | null>`${bounded ? sql`count(*) over ()` : sql`null`}` })
      .from(t)
      .where(where)
      .orderBy(sql`${t.dueAt} asc nulls last`, asc(t.createdAt), asc(t.id))
      .limit(q.limit)
      .offset(q.offset)
    const rows = page.map(({ total: _, ...row }) => row)
    const total =
      bounded && page.length
        ? Number(page[0]!.total)
        : (await this.db.select({ n: count() }).from(t).where(where))[0]?.n
    const supports = await supportsOf(
      this.db,
      rows.map((r) => r.id),
    )
    return {
      tasks: rows.map((r) => presentTask(r, supports.get(r.id) ?? [], today)),
      total: total ?? 0,
      limit: q.limit,
      offset: q.offset,
    }
  }

  async create(actor: CurrentUser, input: TaskCreate, requestId?: string): Promise<TaskDto> {
    this.requireUnit(input.leadUnitId, 'leadUnitId')
    for (const [i, u] of (input.supportUnitIds ?? []).entries()) this.requireUnit(u, `supportUnitIds.${i}`)
    requireInForce(this.units, input.leadUnitId, 'leadUnitId')
    for (const [i, u] of (input.supportUnitIds ?? []).entries()) requireInForce(this.units, u, `supportUnitIds.${i}`)
    if (!taskPolicy.create(actor, this.units.tree, input.leadUnitId)) throw new Forbidden()
    return await this.change(async (tx) => {
      await authorizeTaskLinks(tx, this.units, actor, {
        leadUnitId: input.leadUnitId,
        supportUnitIds: input.supportUnitIds ?? [],
        parentTaskId: input.parentTaskId,
        directiveId: input.directiveId,
        meetingId: input.meetingId,
        accountableUserId: input.accountableUserId,
      })
      const { status, progress } = normaliseProgress('not_started', 0, {
        status: input.status,
        progress: input.progress,
      })
      return await insertTask(
        tx,
        {
          title: input.title,
          description: input.description ?? '',
          leadUnitId: input.leadUnitId,
          accountableUserId: input.accountableUserId ?? null,
          dueAt: input.dueAt ?? null,
          recurrence: input.recurrence ?? null,
          directiveId: input.directiveId ?? null,
          clauseOrdinal: input.clauseOrdinal ?? null,
          meetingId: input.meetingId ?? null,
          parentTaskId: input.parentTaskId ?? null,
          status,
          progress,
          completedAt: status === 'done' ? new Date() : null,
          createdBy: actor.userId,
        },
        input.supportUnitIds ?? [],
        actor.userId,
        'task.create',
        requestId,
      )
    })
  }

  async patch(actor: CurrentUser, id: string, patch: TaskPatch, requestId?: string): Promise<TaskDto> {
    for (const [i, u] of (patch.supportUnitIds ?? []).entries()) this.requireUnit(u, `supportUnitIds.${i}`)
    return await this.change(async (tx) => {
      const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1)
      if (!row) throw new NotFound('task')
      const before = presentTask(row, (await supportsOf(tx, [id])).get(id) ?? [])
      if (!taskPolicy.update(actor, this.units.tree, before)) throw new Forbidden()
      if (row.version !== patch.version) throw staleVersion(before)
      // A supporting unit added now must be in force; the ones the task had keep their place.
      for (const [i, u] of (patch.supportUnitIds ?? []).entries())
        if (!before.supportUnitIds.includes(u)) requireInForce(this.units, u, `supportUnitIds.${i}`)
      await authorizeTaskLinks(tx, this.units, actor, {
        leadUnitId: row.leadUnitId,
        supportUnitIds: patch.supportUnitIds ?? before.supportUnitIds,
        accountableUserId: patch.accountableUserId,
      })
      const { status, progress } = normaliseProgress(row.status, row.progress, {
        status: patch.status,
        progress: patch.progress,
      })
      // A parent's state is its children's (rollUpState): asking for another one is refused, not stored.
      if (patch.status !== undefined || patch.progress !== undefined) {
        const children = await tx
          .select({ status: t.status, progress: t.progress })
          .from(t)
          .where(eq(t.parentTaskId, id))
        if (!agreesWithChildren(children, { status, progress })) {
          const derived = rollUpState(children, status)!
          throw new Conflict(
            'derived_from_children',
            'derivedFromChildren',
            { children: children.length, progress: derived.progress },
            { derived: { status: derived.status, progress: derived.progress }, current: before },
          )
        }
      }
      const completedAt = status === 'done' ? (row.completedAt ?? new Date()) : null
      const [updated] = await tx
        .update(t)
        .set({
          title: patch.title ?? row.title,
          description: patch.description ?? row.description,
          accountableUserId: patch.accountableUserId === undefined ? row.accountableUserId : patch.accountableUserId,
          dueAt: patch.dueAt === undefined ? row.dueAt : patch.dueAt,
          recurrence: patch.recurrence === undefined ? row.recurrence : patch.recurrence,
          status,
          progress,
          completedAt,
          updatedAt: new Date(),
          version: sql`${t.version} + 1`,
        })
        // The version in the WHERE makes the check and the write one atomic step.
        .where(and(eq(t.id, id), eq(t.version, patch.version)))
        .returning()
      if (!updated) throw staleVersion(before)
      let supportUnitIds = before.supportUnitIds
      if (patch.supportUnitIds) {
        supportUnitIds = [...new Set(patch.supportUnitIds)].filter((u) => u !== row.leadUnitId)
        await tx.delete(schema.taskSupportUnits).where(eq(schema.taskSupportUnits.taskId, id))
        if (supportUnitIds.length)
          await tx.insert(schema.taskSupportUnits).values(supportUnitIds.map((unitId) => ({ taskId: id, unitId })))
      }
      const dto = presentTask(updated, supportUnitIds)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'task.update',
        entityType: 'task',
        entityId: id,
        before,
        after: dto,
        requestId,
        event: {
          type: 'task.updated',
          payload: {
            task: dto,
            before: { status: before.status, progress: before.progress },
          },
        },
      })
      if (dto.status !== before.status || dto.progress !== before.progress)
        await rollUp(tx, row.parentTaskId, actor.userId, requestId)
      return dto
    })
  }

  /**
   * Hands a task down: one child per unit below the task's lead unit (a district to its communes),
   * each accountable to that unit's head; progress rolls up to this task.
   */
  async cascade(
    actor: CurrentUser,
    id: string,
    input: { unitIds: string[]; dueAt?: string | null },
    requestId?: string,
  ): Promise<TaskDto[]> {
    return await this.change(async (tx) => {
      const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1)
      if (!row) throw new NotFound('task')
      const parent = presentTask(row, (await supportsOf(tx, [id])).get(id) ?? [])
      if (!taskPolicy.update(actor, this.units.tree, parent)) throw new Forbidden()
      const unitIds = [...new Set(input.unitIds)]
      for (const [i, u] of unitIds.entries()) {
        if (!this.units.get(u) || u === row.leadUnitId || !this.units.tree.isWithin(u, row.leadUnitId))
          throw new Invalid(`unitIds.${i}`, 'onlyUnitsBelow', {}, undefined, 'not below the lead unit')
        if (!taskPolicy.create(actor, this.units.tree, u)) throw new Forbidden()
      }
      const existing = new Set(
        (await tx.select({ u: t.leadUnitId }).from(t).where(eq(t.parentTaskId, id))).map((r) => r.u),
      )
      const heads = await headsOf(tx, unitIds)
      const out: TaskDto[] = []
      for (const u of unitIds.filter((x) => !existing.has(x))) {
        const dto = await insertTask(
          tx,
          {
            title: row.title,
            description: row.description,
            directiveId: row.directiveId,
            clauseOrdinal: row.clauseOrdinal,
            meetingId: row.meetingId,
            parentTaskId: id,
            leadUnitId: u,
            accountableUserId: heads.get(u)?.[0] ?? null,
            dueAt: input.dueAt === undefined ? row.dueAt : input.dueAt,
            recurrence: row.recurrence,
            createdBy: actor.userId,
          },
          [],
          actor.userId,
          'task.cascade',
          requestId,
        )
        out.push(dto)
      }
      await rollUp(tx, id, actor.userId, requestId)
      return out
    })
  }

  /** A parent with each child's state at a glance. */
  async cascadeView(actor: CurrentUser, id: string) {
    const parent = await this.get(actor, id)
    const rows = await this.db.select().from(t).where(eq(t.parentTaskId, id)).orderBy(asc(t.createdAt))
    const supports = await supportsOf(
      this.db,
      rows.map((r) => r.id),
    )
    const children = rows.map((r) => presentTask(r, supports.get(r.id) ?? []))
    const summary = { on_time: 0, late: 0, open: 0, overdue: 0 } as Record<TaskDto['timeliness'], number>
    for (const c of children) summary[c.timeliness]++
    return {
      parent,
      children,
      summary,
      done: children.filter((c) => c.status === 'done').length,
      total: children.length,
    }
  }
}
