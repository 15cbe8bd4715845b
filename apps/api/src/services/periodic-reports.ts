// Units' periodic reports (daily in a lockdown, weekly, monthly) and the schedules that say who owes
// which: submitting, drafts composed from task updates, late and missing reports, and the committee's
// answers to the difficulties raised. The reminder job reads what is owed from here.

import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, type DifficultyDecisionRow as DecisionRow, type ReportRow, schema } from '@hub/db'
import {
  Conflict,
  directs,
  expectedReports,
  Forbidden,
  Invalid,
  isoDateSchema,
  type MeasureSchedule,
  NotFound,
  parsePeriod,
  periodOf,
  reportPolicy,
  vnDay,
} from '@hub/domain'
import { and, desc, eq, gte, inArray, isNotNull, lte, ne, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { audit } from './audit'
import { Service } from './change'
import { badPeriod } from './measure'
import { requireInForce } from './task-links'
import { insertTask } from './tasks'
import type { UnitDirectory } from './unit-directory'
import { withUsers } from './user-names'

/** A figure: a number, a short text, or a number with its unit ("12.000 phiếu"). */
const figure = z.union([
  z.number(),
  z.string().max(200),
  z.object({ value: z.number(), unit: z.string().max(40) }).strict(),
])

export const periodicReportSchema = z
  .object({
    unitId: z.string().uuid(),
    /** The period reported on: a day (daily report, default today), `YYYY-Www` (weekly) or `YYYY-MM` (monthly). */
    period: z.string().max(20).optional(),
    body: z.string().trim().min(1).max(20_000),
    figures: z.record(z.string().min(1).max(80), figure).optional(),
    /** Khó khăn, vướng mắc that need a decision from above; they land in the committee's inbox. */
    difficulties: z.string().trim().max(10_000).optional(),
    /** The task this report is about, if any (led or supported by the unit). */
    taskId: z.string().uuid().optional(),
  })
  .strict()
export type PeriodicReportInput = z.infer<typeof periodicReportSchema>

export const reportListQuerySchema = z.object({
  unitId: z.string().uuid().optional(),
  period: z.string().max(40).optional(),
  /** `true`: only reports raising difficulties (the committee's inbox). */
  difficulties: z.enum(['open', 'decided', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const decisionSchema = z
  .object({
    answer: z.string().trim().min(1).max(10_000),
    /** Turn the answer into a task for the reporting unit. */
    task: z
      .object({ title: z.string().trim().min(1).max(500), dueAt: isoDateSchema.optional() })
      .strict()
      .optional(),
  })
  .strict()

export const scheduleCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    cycle: z.enum(['daily', 'weekly', 'monthly']),
    /** One unit, or every unit of a kind (e.g. the 30 districts). */
    unitId: z.string().uuid().optional(),
    unitKind: z.enum(['district', 'commune', 'sector', 'body']).optional(),
    directiveId: z.string().uuid().optional(),
    taskId: z.string().uuid().optional(),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema.optional(),
  })
  .strict()
  .refine((x) => !!x.unitId !== !!x.unitKind, {
    message: 'unitId hoặc unitKind / unitId or unitKind',
    path: ['unitId'],
  })
  .refine((x) => !x.endsOn || x.endsOn >= x.startsOn, { message: 'endsOn < startsOn', path: ['endsOn'] })

const presentSchedule = (r: typeof schema.reportSchedules.$inferSelect) => ({
  id: r.id,
  title: r.title,
  cycle: r.cycle,
  unitId: r.unitId,
  unitKind: r.unitKind,
  directiveId: r.directiveId,
  taskId: r.taskId,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
})

/**
 * Periodic reports of a unit (daily during a lockdown, weekly, monthly): only one's own unit
 * reports; late and missing ones are found against the report schedules; difficulties go to the
 * standing committee, whose answer returns to the unit and may become a task.
 */
export class PeriodicReportService extends Service {
  present(r: ReportRow, submitterName: string | null, decision: DecisionRow | null, today = vnDay()) {
    const dueOn = r.dueOn ?? r.periodEnd
    return {
      id: r.id,
      unitId: r.unitId,
      unitName: this.units.get(r.unitId)?.name ?? '',
      kind: r.kind,
      period: r.periodStart && r.kind !== 'task' ? periodOf(r.kind, r.periodStart).key : null,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueOn,
      body: r.narrative,
      figures: r.figures ?? null,
      difficulties: r.difficulties,
      taskId: r.taskId,
      submittedBy: r.submittedBy,
      submittedByName: submitterName,
      submittedAt: r.submittedAt.toISOString(),
      onTime: dueOn ? vnDay(r.submittedAt) <= dueOn : true,
      decision: decision
        ? {
            answer: decision.answer,
            taskId: decision.taskId,
            decidedBy: decision.decidedBy,
            decidedAt: decision.decidedAt.toISOString(),
          }
        : null,
      today,
    }
  }

  async submit(actor: CurrentUser, input: PeriodicReportInput, requestId?: string, now = new Date()) {
    const unit = this.units.get(input.unitId)
    if (!unit) throw new NotFound('unit')
    if (!reportPolicy.submit(actor, unit.id)) throw new Forbidden()
    requireInForce(this.units, unit.id, 'unitId', vnDay(now))
    const period = parsePeriod(input.period ?? vnDay(now), vnDay(now))
    if (!period?.cycle) throw badPeriod()
    return await this.change(async (tx) => {
      if (input.taskId) {
        const [task] = await tx
          .select({ id: schema.tasks.id, leadUnitId: schema.tasks.leadUnitId })
          .from(schema.tasks)
          .where(eq(schema.tasks.id, input.taskId))
        if (!task) throw new NotFound('task')
        const supports = await tx
          .select({ unitId: schema.taskSupportUnits.unitId })
          .from(schema.taskSupportUnits)
          .where(eq(schema.taskSupportUnits.taskId, task.id))
        if (task.leadUnitId !== unit.id && !supports.some((s) => s.unitId === unit.id)) throw new Forbidden()
      }
      const [row] = await tx
        .insert(schema.reports)
        .values({
          kind: period.cycle!,
          unitId: unit.id,
          taskId: input.taskId ?? null,
          periodStart: period.from,
          periodEnd: period.to,
          dueOn: period.to,
          narrative: input.body,
          difficulties: input.difficulties ?? '',
          figures: input.figures ?? null,
          submittedBy: actor.userId,
          submittedAt: now,
        })
        .returning()
      const report = this.present(row!, actor.fullName, null, vnDay(now))
      await audit(tx, { actor, requestId }, 'report.periodic', ['report', report.id], {
        after: report,
        event: { type: 'unit_report.submitted', payload: { report } },
      })
      return { report }
    })
  }

  /** The report schedules: what each unit owes, and since when. */
  async schedules() {
    const rows = await this.db.select().from(schema.reportSchedules).orderBy(schema.reportSchedules.startsOn)
    return { schedules: rows.map(presentSchedule) }
  }

  /** Those who direct the units set a report schedule (daily during a lockdown, weekly, monthly). */
  async createSchedule(actor: CurrentUser, input: z.infer<typeof scheduleCreateSchema>, requestId?: string) {
    const scope = input.unitId ?? this.units.root()?.id
    if (!scope || !this.units.get(scope)) throw new NotFound('unit')
    if (!reportPolicy.decide(actor, this.units.tree, scope)) throw new Forbidden()
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(schema.reportSchedules)
        .values({ ...input, createdBy: actor.userId })
        .returning()
      await audit(tx, { actor, requestId }, 'report_schedule.create', ['report_schedule', row!.id], {
        after: row,
        event: { type: 'report_schedule.created', payload: { schedule: row } },
      })
      return { schedule: presentSchedule(row!) }
    })
  }

  /** Reports the actor may read, newest first; `difficulties=open` is the committee's inbox. */
  async list(actor: CurrentUser, q: z.infer<typeof reportListQuerySchema>) {
    const r = schema.reports
    const conds: (SQL | undefined)[] = [ne(r.kind, 'task')]
    if (q.unitId) {
      if (!this.units.get(q.unitId)) throw new NotFound('unit')
      if (!reportPolicy.read(actor, this.units.tree, q.unitId)) throw new Forbidden()
      conds.push(eq(r.unitId, q.unitId))
    } else {
      const root = this.units.root()
      if (!root || !directs(actor, this.units.tree, root.id)) {
        const reach = [...new Set(actor.grants.flatMap((g) => this.units.tree.subtree(g.unitId)))]
        if (!reach.length) return { reports: [] }
        conds.push(inArray(r.unitId, reach))
      }
    }
    if (q.period) {
      const p = parsePeriod(q.period, vnDay())
      if (!p) throw badPeriod()
      conds.push(gte(r.periodStart, p.from), lte(r.periodStart, p.to))
    }
    if (q.difficulties && q.difficulties !== 'all') {
      conds.push(sql`${r.difficulties} <> ''`)
      conds.push(
        q.difficulties === 'open'
          ? sql`${schema.difficultyDecisions.id} is null`
          : isNotNull(schema.difficultyDecisions.id),
      )
    }
    const rows = await withUsers(
      this.db,
      await this.db
        .select({ report: r, decision: schema.difficultyDecisions })
        .from(r)
        .leftJoin(schema.difficultyDecisions, eq(schema.difficultyDecisions.reportId, r.id))
        .where(and(...conds))
        .orderBy(desc(r.submittedAt))
        .limit(q.limit),
      (x) => x.report.submittedBy,
    )
    const today = vnDay()
    return { reports: rows.map(({ row, name }) => this.present(row.report, name, row.decision, today)) }
  }

  /** The committee answers a report's difficulties; the answer may become a task of the unit. */
  async decide(actor: CurrentUser, reportId: string, input: z.infer<typeof decisionSchema>, requestId?: string) {
    return await this.change(async (tx) => {
      const [row] = await tx.select().from(schema.reports).where(eq(schema.reports.id, reportId)).limit(1)
      if (!row) throw new NotFound('report')
      if (!reportPolicy.decide(actor, this.units.tree, row.unitId)) throw new Forbidden()
      if (!row.difficulties) throw new Invalid('reportId', 'noDifficulty', {}, undefined, 'no difficulties')
      const [existing] = await tx
        .select()
        .from(schema.difficultyDecisions)
        .where(eq(schema.difficultyDecisions.reportId, reportId))
      if (existing) throw new Conflict('already_decided', 'alreadyDecided')
      let taskId: string | null = null
      if (input.task) {
        const task = await insertTask(
          tx,
          {
            title: input.task.title,
            description: `${input.answer}\n\n(Khó khăn: ${row.difficulties})`,
            leadUnitId: row.unitId,
            dueAt: input.task.dueAt ?? null,
            createdBy: actor.userId,
          },
          [],
          actor.userId,
          'task.create',
          requestId,
        )
        taskId = task.id
      }
      const [decision] = await tx
        .insert(schema.difficultyDecisions)
        .values({ reportId, answer: input.answer, taskId, decidedBy: actor.userId })
        .returning()
      const report = this.present(row, null, decision!)
      await audit(tx, { actor, requestId }, 'report.decide', ['report', reportId], {
        after: report.decision,
        event: { type: 'unit_report.decided', payload: { report } },
      })
      return { report }
    })
  }

  /**
   * A draft of the unit's report for a period, composed from the updates its people already gave on
   * their tasks in that period (nobody types twice): one line per task with its latest progress and
   * words, and the difficulties they raised.
   */
  async draft(actor: CurrentUser, unitId: string, periodText?: string) {
    const unit = this.units.get(unitId)
    if (!unit) throw new NotFound('unit')
    if (!reportPolicy.submit(actor, unitId)) throw new Forbidden()
    const today = vnDay()
    const period = parsePeriod(periodText ?? today, today)
    if (!period?.cycle) throw badPeriod()
    const r = schema.reports
    const rows = await this.db
      .select({ report: r, title: schema.tasks.title })
      .from(r)
      .innerJoin(schema.tasks, eq(schema.tasks.id, r.taskId))
      .where(
        and(
          eq(r.kind, 'task'),
          eq(r.unitId, unitId),
          gte(r.submittedAt, new Date(`${period.from}T00:00:00+07:00`)),
          lte(r.submittedAt, new Date(`${period.to}T23:59:59.999+07:00`)),
        ),
      )
      .orderBy(r.submittedAt)
    const latest = new Map<string, (typeof rows)[number]>()
    for (const row of rows) latest.set(row.report.taskId!, row)
    const lines = [...latest.values()].map(({ report, title }) => {
      const progress = report.progress === null ? '' : ` (${report.progress}%)`
      return `- ${title}${progress}${report.narrative ? `: ${report.narrative}` : ''}`
    })
    const difficulties = [...new Set(rows.map((x) => x.report.difficulties).filter(Boolean))]
    return {
      unitId,
      period: { key: period.key, from: period.from, to: period.to },
      body: lines.length ? `Kết quả thực hiện nhiệm vụ trong kỳ:\n${lines.join('\n')}` : '',
      difficulties: difficulties.join('\n'),
      taskCount: latest.size,
    }
  }

  /**
   * Who owes a report for the period covering `day` and has not sent it ("chưa báo cáo hôm nay"),
   * and who sent one late, among the units the actor oversees.
   */
  async missing(actor: CurrentUser, day: string) {
    const root = this.units.root()
    if (!root || !reportPolicy.oversee(actor, this.units.tree, root.id)) throw new Forbidden()
    return { day, ...(await owedReports(this.db, this.units, day)) }
  }
}

/** Reports owed for the period covering `day` under every schedule: missing (none yet) and late. */
export async function owedReports(db: DbOrTx, units: UnitDirectory, day: string) {
  const schedules: MeasureSchedule[] = (await db.select().from(schema.reportSchedules)).filter(
    (s) => s.startsOn <= day && (!s.endsOn || s.endsOn >= day),
  )
  if (!schedules.length) return { missing: [], late: [] }
  const kinds = new Set(schedules.map((s) => s.unitKind).filter((k): k is NonNullable<typeof k> => !!k))
  const ids = new Set(schedules.map((s) => s.unitId).filter((u): u is string => !!u))
  const owing = units.all().filter((u) => !u.validTo && (ids.has(u.id) || kinds.has(u.kind)))
  const r = schema.reports
  const reports = await db
    .select({ id: r.id, unitId: r.unitId, kind: r.kind, periodStart: r.periodStart, submittedAt: r.submittedAt })
    .from(r)
    .where(and(ne(r.kind, 'task'), gte(r.periodStart, periodOf('monthly', day).from), lte(r.periodStart, day)))
  const mapped = reports.map((x) => ({
    ...x,
    submittedDay: vnDay(x.submittedAt),
    submittedAt: x.submittedAt.toISOString(),
  }))
  const missing: { unitId: string; unitName: string; title: string; period: string; dueOn: string }[] = []
  const late: typeof missing = []
  for (const u of owing) {
    for (const s of schedules) {
      const p = periodOf(s.cycle, day)
      const owed = expectedReports({ id: u.id, name: u.name, kind: u.kind }, [s], mapped, p.from, p.to, addOne(day))
      for (const o of owed.filter((x) => x.periodStart === p.from)) {
        const row = { unitId: u.id, unitName: u.name, title: s.title, period: o.period, dueOn: o.dueOn }
        if (o.status === 'late') late.push(row)
        else if (o.status !== 'on_time' && p.to <= day) missing.push(row)
      }
    }
  }
  return { missing, late }
}

/** The day after: a period ending on `day` counts as due when asked about `day` itself. */
const addOne = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
