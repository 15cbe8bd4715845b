// What changed since a cursor, for a phone coming back online: one call returns the tasks and reports
// the caller may read that changed after the cursor (read from the domain events, the same outbox the
// live socket is fed from), and a new cursor, instead of refetching every list.
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import { type ReportRecord, reportPolicy, type TaskView, taskPolicy, vnDay } from '@hub/domain'
import { and, asc, gt, inArray, lt, max, sql } from 'drizzle-orm'
import { Service } from './change'
import { presentTask, supportsOf } from './tasks'

const e = schema.domainEvents

/** The events that change what a list or a task page shows. */
const carried = ['task.created', 'task.updated', 'report.submitted', 'unit_report.submitted', 'unit_report.decided']

/** Events read in one call; the answer says `more` when there are further ones. */
export const CHANGES_BATCH = 500

/**
 * Event ids are taken when a transaction writes, not when it commits: a later id may be visible before
 * an earlier one. The cursor handed back therefore stops before the events of the last seconds, which
 * the next call returns again (a client applies a task by its version, so a repeat changes nothing).
 */
export const SETTLE_MS = 30_000

/** A periodic report as its events carry it. */
type UnitReport = { id: string; unitId: string } & Record<string, unknown>

export interface Changes {
  /** Pass as `since` next time. */
  cursor: string
  /** More changes wait: call again with the new cursor. */
  more: boolean
  /** The cursor is not one this hub gave (a restored database): reload everything, then go on from `cursor`. */
  reset: boolean
  /** Tasks as they are now. */
  tasks: TaskView[]
  /** Reports on tasks, with the task they are on. */
  reports: { report: ReportRecord; taskId: string }[]
  /** Periodic reports of units (and the committee's answers to them). */
  unitReports: UnitReport[]
}

export class ChangeFeedService extends Service {
  /** The newest event id. */
  private async head(): Promise<number> {
    const [row] = await this.db.select({ id: max(e.id) }).from(e)
    return Number(row?.id ?? 0)
  }

  /** The newest event id written before the settling window: every lower id has committed (or never will). */
  private async settled(now: Date): Promise<number> {
    const [row] = await this.db
      .select({ id: max(e.id) })
      .from(e)
      .where(lt(e.createdAt, sql`${new Date(now.getTime() - SETTLE_MS).toISOString()}::timestamptz`))
    return Number(row?.id ?? 0)
  }

  async since(actor: CurrentUser, since: number | undefined, now = new Date()): Promise<Changes> {
    const head = await this.head()
    const empty = { more: false, tasks: [], reports: [], unitReports: [] }
    // A client without a cursor starts from the settled events (what it reads now covers them).
    if (since === undefined) return { ...empty, cursor: String(await this.settled(now)), reset: false }
    if (since > head) return { ...empty, cursor: String(head), reset: true }
    const events = await this.db
      .select({ id: e.id, type: e.type, payload: e.payload, createdAt: e.createdAt })
      .from(e)
      .where(and(gt(e.id, since), inArray(e.type, carried)))
      .orderBy(asc(e.id))
      .limit(CHANGES_BATCH + 1)
    const full = events.length > CHANGES_BATCH
    const batch = events.slice(0, CHANGES_BATCH)
    // The cursor: past every event read when the batch is full, else up to the settled events.
    const horizon = Math.max(since, await this.settled(now))
    const last = batch.at(-1)?.id ?? head
    const cursor = Math.min(full ? last : head, horizon)

    const taskIds = new Set<string>()
    const reports: Changes['reports'] = []
    const unitReports: UnitReport[] = []
    for (const ev of batch) {
      const p = ev.payload as { task?: { id: string }; report?: UnitReport & ReportRecord }
      if (p.task?.id) taskIds.add(p.task.id)
      if (ev.type === 'report.submitted' && p.report && p.task) reports.push({ report: p.report, taskId: p.task.id })
      if (ev.type.startsWith('unit_report.') && p.report && reportPolicy.read(actor, this.units.tree, p.report.unitId))
        unitReports.push(p.report)
    }
    const tasks = await this.readableTasks(actor, [...taskIds])
    const readable = new Set(tasks.map((t) => t.id))
    return {
      cursor: String(cursor),
      more: full && cursor === last,
      reset: false,
      tasks,
      reports: reports.filter((r) => readable.has(r.taskId)),
      unitReports: latestById(unitReports),
    }
  }

  /** The tasks as they are now, those the actor may read (the same rule as the task's page and its live events). */
  private async readableTasks(actor: CurrentUser, ids: string[]): Promise<TaskView[]> {
    if (!ids.length) return []
    const rows = await this.db.select().from(schema.tasks).where(inArray(schema.tasks.id, ids))
    const supports = await supportsOf(this.db, ids)
    const today = vnDay()
    return rows
      .map((r) => presentTask(r, supports.get(r.id) ?? [], today))
      .filter((t) => taskPolicy.read(actor, this.units.tree, t))
  }
}

/** Keeps the last version of each periodic report (submitted, then answered). */
function latestById(list: UnitReport[]): UnitReport[] {
  return [...new Map(list.map((r) => [r.id, r])).values()]
}
