// The hub's clock-driven work, run by one leader among the hub's processes: reminders before due
// dates, overdue marking, escalation, chasing missing reports and roster gaps. Started by hub.ts.

import { randomUUID } from 'node:crypto'
import { deleteExpiredSessions } from '@hub/auth'
import { type Db, schema, type TaskRow, type Tx } from '@hub/db'
import { addDays, type DomainEventInput, vnDay } from '@hub/domain'
import { and, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { flagRosterGaps, remindMissingReports } from './accountability-jobs'
import { recordChange } from './audit'
import { withChange } from './change'
import { holdLease, releaseLease } from './lease'
import { presentTask } from './tasks'
import { headsOf, type UnitDirectory } from './unit-directory'

const t = schema.tasks

export interface SchedulerOptions {
  intervalMs: number
  /** Days overdue before the unit above hears of it. */
  escalateAfterDays: number
  /** Hour (Hà Nội) after which a missing daily report is chased. */
  reportReminderHour: number
}

export const defaultSchedulerOptions: SchedulerOptions = {
  intervalMs: 60_000,
  escalateAfterDays: 2,
  reportReminderHour: 14,
}

/** The hour of the day in Hà Nội. */
const hourIn = (now: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: 'numeric', hourCycle: 'h23' }).format(now),
  )

/**
 * Deadline work that runs in one process at a time (a lease in the database picks the leader):
 * reminders before due dates, overdue marking, escalation to the unit above, daily report
 * reminders. Each job marks what it handled in the same statement that selects it, so even two
 * leaders at once would notify once.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null
  private readonly holder = `${process.pid}-${randomUUID()}`
  private running: Promise<unknown> | null = null
  /** For the metrics: ticks run as the leader, and whether the last tick held the lease. */
  readonly stats = { runs: 0, leader: false }

  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly log: Logger,
    private readonly eventsWritten: () => void,
    private readonly options: SchedulerOptions = defaultSchedulerOptions,
  ) {}

  start() {
    const tick = () => {
      if (this.running) return
      this.running = this.tick()
        .catch((err) => this.log.error({ err }, 'scheduler tick failed'))
        .finally(() => {
          this.running = null
        })
    }
    this.timer = setInterval(tick, this.options.intervalMs)
    this.timer.unref()
    setImmediate(tick)
  }

  /** One tick: run the jobs if this process holds the lease. */
  async tick(now = new Date()): Promise<boolean> {
    this.stats.leader = await holdLease(this.db, 'scheduler', this.holder, this.options.intervalMs * 3)
    if (!this.stats.leader) return false
    this.stats.runs++
    await this.runOnce(now)
    return true
  }

  /** All jobs once, as of `now`; returns how many tasks each job touched. */
  async runOnce(now = new Date()) {
    const today = vnDay(now)
    const counts = await withChange({ dbh: { db: this.db }, eventsWritten: this.eventsWritten }, async (tx) => ({
      overdue: await this.markOverdue(tx, today),
      dueSoon: await this.remindDueSoon(tx, today),
      escalated: await this.escalate(tx, today),
      reportsDue:
        Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: 'numeric', hourCycle: 'h23' }).format(
            now,
          ),
        ) >= this.options.reportReminderHour
          ? await this.remindReports(tx, now, today)
          : 0,
      reportsMissing:
        hourIn(now) >= this.options.reportReminderHour ? await remindMissingReports(tx, this.units, now) : 0,
      rosterGaps: await flagRosterGaps(tx, this.units, now),
    }))
    await deleteExpiredSessions(this.db)
    if (Object.values(counts).some((n) => n > 0)) this.log.info(counts, 'scheduler')
    return counts
  }

  private async emit(
    tx: Tx,
    rows: TaskRow[],
    type: 'task.overdue' | 'task.due_soon' | 'task.escalated' | 'task.report_due',
    extra: (row: TaskRow) => Record<string, unknown> = () => ({}),
  ) {
    if (!rows.length) return
    const supports = await tx
      .select()
      .from(schema.taskSupportUnits)
      .where(
        inArray(
          schema.taskSupportUnits.taskId,
          rows.map((r) => r.id),
        ),
      )
    for (const row of rows) {
      const task = presentTask(
        row,
        supports.filter((s) => s.taskId === row.id).map((s) => s.unitId),
      )
      await recordChange(tx, {
        actorUserId: null,
        action: type,
        entityType: 'task',
        entityId: row.id,
        after: { timeliness: task.timeliness },
        // `extra` carries what the type adds to the task (an escalation's recipients and unit).
        event: { type, payload: { task, ...extra(row) } } as DomainEventInput,
      })
    }
  }

  private async markOverdue(tx: Tx, today: string) {
    const rows = await tx
      .update(t)
      .set({ overdueMarkedAt: new Date() })
      .where(and(ne(t.status, 'done'), lt(t.dueAt, today), isNull(t.overdueMarkedAt)))
      .returning()
    await this.emit(tx, rows, 'task.overdue')
    return rows.length
  }

  private async remindDueSoon(tx: Tx, today: string) {
    const rows = await tx
      .update(t)
      .set({ lastReminderAt: new Date() })
      .where(
        and(
          ne(t.status, 'done'),
          gte(t.dueAt, today),
          lte(t.dueAt, addDays(today, 1)),
          isNull(t.lastReminderAt),
          isNull(t.recurrence),
        ),
      )
      .returning()
    await this.emit(tx, rows, 'task.due_soon')
    return rows.length
  }

  private async escalate(tx: Tx, today: string) {
    const rows = await tx
      .update(t)
      .set({ escalatedAt: new Date() })
      .where(
        and(ne(t.status, 'done'), lt(t.dueAt, addDays(today, -this.options.escalateAfterDays)), isNull(t.escalatedAt)),
      )
      .returning()
    const above = (row: TaskRow) => this.units.tree.parentOf(row.leadUnitId)
    const heads = await headsOf(tx, [...new Set(rows.map(above).filter((x): x is string => !!x))])
    // Where the unit above has no head account (the city), the Party office follows up.
    const office = await tx
      .select({ userId: schema.memberships.userId })
      .from(schema.memberships)
      .where(
        and(eq(schema.memberships.role, 'office_drafter'), eq(schema.memberships.unitId, this.units.root()?.id ?? '')),
      )
    await this.emit(tx, rows, 'task.escalated', (row) => {
      const up = above(row)
      const to = (up && heads.get(up)) || office.map((o) => o.userId)
      return { toUserIds: to, unitName: this.units.get(row.leadUnitId)?.name ?? '' }
    })
    return rows.length
  }

  private async remindReports(tx: Tx, now: Date, today: string) {
    const dayStart = new Date(`${today}T00:00:00+07:00`)
    const rows = await tx
      .update(t)
      .set({ lastReminderAt: now })
      .where(
        and(
          ne(t.status, 'done'),
          sql`${t.recurrence}->>'reportCycle' = 'daily'`,
          or(isNull(t.lastReminderAt), lt(t.lastReminderAt, dayStart)),
          sql`not exists (select 1 from ${schema.reports} r where r.task_id = ${t.id} and r.submitted_at >= ${dayStart})`,
        ),
      )
      .returning()
    await this.emit(tx, rows, 'task.report_due')
    return rows.length
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    await this.running
    await releaseLease(this.db, 'scheduler', this.holder).catch(() => {})
  }
}
