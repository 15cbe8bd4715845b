// The measure (thước đo): how well a unit and its head deliver, computed from the hub's own records and open
// about how. Pure functions: the API loads the records in a few set-based queries and calls `measureUnits`;
// every figure carries the records behind it.

import { z } from 'zod'
import { addDays } from './dates'
import { daysBetween, type Period, periodOf } from './period'
import type { TaskStatus } from './task'
import type { UnitTree } from './unit-tree'

/**
 * Figures of a unit U over a period [from, to], as of day `at` (today, or the period's end if earlier):
 * - on-time rate: of U's tasks due in the period that are done or past due, the share done by the due day;
 * - overdue: U's tasks not done whose due day is before `at` (any due day: the backlog), with the days;
 * - report punctuality: of the periodic reports U owed for the period (its report schedules), the
 *   share submitted by the due day; a report not submitted is missing;
 * - update freshness: days since U last touched its open tasks (an update or a report), averaged;
 * - inspections: the outcomes of the inspections of U in the period;
 * - sub-units: of the tasks led by units below U, due in the period and done or past due, the share done.
 * The score is the weighted mean of the available components (0-100) less a penalty for overdue work.
 */

export const inspectionOutcomes = ['commend', 'reward', 'remind', 'criticise', 'discipline'] as const
export type InspectionOutcome = (typeof inspectionOutcomes)[number]
export const inspectionKinds = ['planned', 'unannounced'] as const
export type InspectionKind = (typeof inspectionKinds)[number]

export const ratingCodes = ['excellent', 'good', 'pass', 'fail'] as const
export type RatingCode = (typeof ratingCodes)[number]

/** The four ratings of staff evaluation, as the committee writes them. */
export const ratingLabels: Record<RatingCode, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  pass: 'Hoàn thành nhiệm vụ',
  fail: 'Không hoàn thành nhiệm vụ',
}

const weight = z.number().min(0).max(100)
/** Weights, penalty and thresholds; set by the standing committee, stored, every change audited. */
export const measureSettingsSchema = z
  .object({
    weights: z
      .object({
        onTime: weight,
        reports: weight,
        freshness: weight,
        inspections: weight,
        subunits: weight,
      })
      .strict()
      .refine((w) => Object.values(w).some((v) => v > 0), { message: 'Cần ít nhất một trọng số dương' }),
    overdue: z
      .object({
        /** Points taken off per overdue task. */
        perTask: z.number().min(0).max(50),
        /** Points taken off per day overdue, counted up to `maxDaysPerTask` for each task. */
        perDay: z.number().min(0).max(10),
        maxDaysPerTask: z.number().int().min(0).max(365),
        /** The most the overdue penalty takes off in all. */
        cap: z.number().min(0).max(100),
      })
      .strict(),
    /** Days without an update after which an open task counts as entirely stale. */
    staleAfterDays: z.number().int().min(1).max(365),
    /** How each inspection outcome scores (0-1). */
    outcomeValues: z
      .object({
        reward: z.number().min(0).max(1),
        commend: z.number().min(0).max(1),
        remind: z.number().min(0).max(1),
        criticise: z.number().min(0).max(1),
        discipline: z.number().min(0).max(1),
      })
      .strict(),
    /** Lowest score of each rating; below `pass` is "Không hoàn thành nhiệm vụ". */
    thresholds: z
      .object({
        excellent: z.number().min(0).max(100),
        good: z.number().min(0).max(100),
        pass: z.number().min(0).max(100),
      })
      .strict()
      .refine((t) => t.excellent >= t.good && t.good >= t.pass, {
        message: 'Ngưỡng phải giảm dần: xuất sắc ≥ tốt ≥ hoàn thành',
      }),
  })
  .strict()
export type MeasureSettings = z.infer<typeof measureSettingsSchema>

/** The documented defaults (README "The measure"). */
export const defaultMeasureSettings: MeasureSettings = {
  weights: { onTime: 35, reports: 20, freshness: 10, inspections: 15, subunits: 20 },
  overdue: { perTask: 2, perDay: 0.1, maxDaysPerTask: 30, cap: 30 },
  staleAfterDays: 14,
  outcomeValues: { reward: 1, commend: 0.9, remind: 0.5, criticise: 0.2, discipline: 0 },
  thresholds: { excellent: 90, good: 75, pass: 50 },
}

/** The rating a score earns under the thresholds; null when there is nothing to judge. */
export function rate(score: number | null, t: MeasureSettings['thresholds']): RatingCode | null {
  if (score === null) return null
  if (score >= t.excellent) return 'excellent'
  if (score >= t.good) return 'good'
  if (score >= t.pass) return 'pass'
  return 'fail'
}

export interface MeasureUnit {
  id: string
  name: string
  kind: string
  /**
   * The units whose records count as this unit's; default the unit itself. A successor is measured
   * on its predecessors for a period before the reform that made it (their records keep their unit).
   */
  members?: readonly MeasureUnit[]
}
export interface MeasureTask {
  id: string
  title: string
  leadUnitId: string
  status: TaskStatus
  dueAt: string | null
  /** Day (Vietnam) the task was completed. */
  completedDay: string | null
  /** Day the lead unit last touched it: its last change or report. */
  lastTouchDay: string
  /** The person accountable for it (DESIGN: usually the unit's head); absent or null: the lead unit's head. */
  accountableUserId?: string | null
}
export interface MeasureReport {
  id: string
  unitId: string
  kind: string
  periodStart: string | null
  /** Day (Vietnam) it was submitted. */
  submittedDay: string
  submittedAt: string
}
export interface MeasureSchedule {
  id: string
  title: string
  cycle: 'daily' | 'weekly' | 'monthly'
  /** One unit, or every unit of a kind. */
  unitId: string | null
  unitKind: string | null
  startsOn: string
  endsOn: string | null
}
export interface MeasureInspection {
  id: string
  unitId: string
  date: string
  kind: InspectionKind
  outcome: InspectionOutcome | null
  findings: string
}

/** A report a unit owed: on time, late, missing (due day passed without one), or not yet due. */
export interface ExpectedReport {
  scheduleId: string
  title: string
  cycle: 'daily' | 'weekly' | 'monthly'
  period: string
  periodStart: string
  dueOn: string
  status: 'on_time' | 'late' | 'missing' | 'pending'
  reportId: string | null
  submittedAt: string | null
}

/**
 * The reports `unit` owes under `schedules` with due day in [from, to], matched with what it
 * submitted. A report matches when it is of the schedule's cycle and covers the same period start.
 * A period not yet due and not yet reported is `pending` (not counted).
 */
export function expectedReports(
  unit: MeasureUnit,
  schedules: readonly MeasureSchedule[],
  reports: readonly MeasureReport[],
  from: string,
  to: string,
  today: string,
): ExpectedReport[] {
  const out: ExpectedReport[] = []
  for (const s of schedules) {
    if (s.unitId ? s.unitId !== unit.id : s.unitKind !== unit.kind) continue
    const first = s.startsOn > from ? s.startsOn : from
    // Periods that have begun by today; later ones are not owed yet.
    const end = s.endsOn && s.endsOn < to ? s.endsOn : to
    const last = end < today ? end : today
    const seen = new Set<string>()
    for (let day = first; day <= last; day = addDays(day, 1)) {
      const p = periodOf(s.cycle, day)
      if (seen.has(p.from) || p.to > end || p.to < first) continue
      seen.add(p.from)
      const matches = reports
        .filter((r) => r.unitId === unit.id && r.kind === s.cycle && r.periodStart === p.from)
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
      const r = matches[0]
      const status = r ? (r.submittedDay <= p.to ? 'on_time' : 'late') : p.to < today ? 'missing' : 'pending'
      out.push({
        scheduleId: s.id,
        title: s.title,
        cycle: s.cycle,
        period: p.key,
        periodStart: p.from,
        dueOn: p.to,
        status,
        reportId: r?.id ?? null,
        submittedAt: r?.submittedAt ?? null,
      })
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn))
}

/** A task as the drill-down lists it, linked to its page. */
export interface TaskRecord {
  id: string
  title: string
  unitId: string
  dueAt: string | null
  completedDay: string | null
  status: TaskStatus
  /** Days overdue (open) or late (done late), as of the measure's day. */
  days: number
  href: string
}

export interface UnitFigures {
  unitId: string
  unitName: string
  kind: string
  /** Done on time / due in the period (done or past due); null if nothing was due. */
  onTimeRate: number | null
  dueInPeriod: number
  doneOnTime: number
  doneLate: number
  /** Open tasks past their due day, whatever the period (the backlog). */
  overdue: number
  overdueDays: number
  maxOverdueDays: number
  /** Reports on time / reports owed; null if none were owed. */
  reportsOnTimeRate: number | null
  reportsExpected: number
  reportsLate: number
  reportsMissing: number
  openTasks: number
  /** Mean days since the unit last touched each open task; null without open tasks. */
  daysSinceUpdate: number | null
  inspections: Record<InspectionOutcome, number>
  /** Mean value of the inspection outcomes in the period (0-1); null without one. */
  inspectionValue: number | null
  /** Share of the sub-units' tasks due in the period that are done; null if none. */
  subunitCompletion: number | null
  /** 0-100 per component, null when it has nothing to judge (left out of the mean). */
  components: Record<keyof MeasureSettings['weights'], number | null>
  penalty: number
  score: number | null
  ratingCode: RatingCode | null
  rating: string | null
}

export interface UnitRecords {
  dueInPeriod: TaskRecord[]
  overdue: TaskRecord[]
  reports: ExpectedReport[]
  stale: (TaskRecord & { daysSinceUpdate: number })[]
  inspections: MeasureInspection[]
  subunitTasks: TaskRecord[]
}

export interface UnitMeasure {
  figures: UnitFigures
  records: UnitRecords
}

export interface MeasureInput {
  units: readonly MeasureUnit[]
  tree: UnitTree
  tasks: readonly MeasureTask[]
  reports: readonly MeasureReport[]
  schedules: readonly MeasureSchedule[]
  inspections: readonly MeasureInspection[]
  period: Period
  /** Today (Vietnam). */
  today: string
  settings: MeasureSettings
  /** Where a task record links to. */
  taskHref?: (id: string) => string
}

const round = (x: number, digits = 3) => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

function toRecord(t: MeasureTask, at: string, href: (id: string) => string): TaskRecord {
  const days =
    t.status === 'done'
      ? t.dueAt && t.completedDay && t.completedDay > t.dueAt
        ? daysBetween(t.dueAt, t.completedDay)
        : 0
      : t.dueAt && t.dueAt < at
        ? daysBetween(t.dueAt, at)
        : 0
  return {
    id: t.id,
    title: t.title,
    unitId: t.leadUnitId,
    dueAt: t.dueAt,
    completedDay: t.completedDay,
    status: t.status,
    days,
    href: href(t.id),
  }
}

/** Whether a task counts as due in the period: due day inside it, and done or already past due. */
function judged(t: MeasureTask, p: Period, at: string): boolean {
  if (!t.dueAt || t.dueAt < p.from || t.dueAt > p.to) return false
  return (t.status === 'done' && t.completedDay !== null && t.completedDay <= at) || t.dueAt < at
}
function push<T>(m: Map<string, T[]>, key: string, v: T) {
  const list = m.get(key)
  if (list) list.push(v)
  else m.set(key, [v])
}

const doneBy = (t: MeasureTask, at: string) => t.status === 'done' && t.completedDay !== null && t.completedDay <= at

/** The day a period is judged as of: a past period as of its last day, the current one as of today. */
function measureDay(p: Period, today: string): string {
  return p.to < today ? addDays(p.to, 1) : today
}

/**
 * A head (người đứng đầu) of a unit over part or all of a period: the person accountable for its
 * results while in office. Several heads may share a period (a head replaced mid-month).
 */
export interface MeasureHead {
  /** Stable key of the head in the answer (the person's id). */
  id: string
  /** His account; null for a head known to the hub as a person only. */
  userId: string | null
  name: string
  position: string
  unitId: string
  /** His days in office: [from, to], `to` null while he still holds it. */
  from: string
  to: string | null
}

export interface HeadMeasure {
  head: MeasureHead
  figures: UnitFigures
  records: UnitRecords
}

/**
 * The measure of each head: the same figures, score and rating as a unit's, over the records he is
 * accountable for. His tasks: those naming him accountable, and his unit's tasks naming nobody
 * (DESIGN: the person accountable is usually the unit's head) due while he was in office (an
 * undated one: open or done while in office). His unit's reports due, inspections held and sub-units'
 * tasks due while he was in office. A task naming someone else is that person's, not the head's.
 */
export function measureHeads(input: MeasureInput & { heads: readonly MeasureHead[] }): Map<string, HeadMeasure> {
  const { period: p, settings: s } = input
  const at = measureDay(p, input.today)
  const href = input.taskHref ?? ((id: string) => `/tasks/${id}`)
  const out = new Map<string, HeadMeasure>()
  for (const head of input.heads) {
    const from = head.from > p.from ? head.from : p.from
    const to = head.to && head.to < p.to ? head.to : p.to
    if (from > to) continue
    const inOffice = (day: string) => day >= head.from && (!head.to || day <= head.to)
    // The day a task is judged on for tenure: its due day; undated, the day it was done, or today.
    const taskDay = (t: MeasureTask) => t.dueAt ?? t.completedDay ?? at
    const tasks = input.tasks.filter((t) =>
      t.accountableUserId ? t.accountableUserId === head.userId : t.leadUnitId === head.unitId && inOffice(taskDay(t)),
    )
    const below = input.tasks.filter(
      (t) => t.leadUnitId !== head.unitId && input.tree.isWithin(t.leadUnitId, head.unitId) && inOffice(taskDay(t)),
    )
    const unit = input.units.find((u) => u.id === head.unitId) ?? { id: head.unitId, name: '', kind: '' }
    const owed = expectedReports(
      unit,
      input.schedules,
      input.reports.filter((r) => r.unitId === head.unitId),
      from,
      to,
      input.today,
    )
    const inspections = input.inspections.filter((i) => i.unitId === head.unitId && i.date >= from && i.date <= to)
    const m = measureRecords(unit, { tasks, below, owed, inspections }, { period: p, at, settings: s, href })
    out.set(head.id, { head, ...m })
  }
  return out
}

/** The measure of every unit in `input.units`, each with the records behind its figures. */
export function measureUnits(input: MeasureInput): Map<string, UnitMeasure> {
  const { period: p, settings: s } = input
  const at = measureDay(p, input.today)
  const href = input.taskHref ?? ((id: string) => `/tasks/${id}`)
  // Which measured units a record of a unit counts for: itself, or the successor it is a member of.
  const countsFor = new Map<string, string[]>()
  for (const u of input.units) for (const m of u.members ?? [u]) push(countsFor, m.id, u.id)
  const own = new Map<string, MeasureTask[]>()
  const below = new Map<string, MeasureTask[]>()
  for (const t of input.tasks) {
    const line = input.tree.lineage(t.leadUnitId)
    for (const id of countsFor.get(t.leadUnitId) ?? []) push(own, id, t)
    for (const up of line.slice(1)) for (const id of countsFor.get(up) ?? []) push(below, id, t)
  }
  const reportsBy = new Map<string, MeasureReport[]>()
  for (const r of input.reports) for (const id of countsFor.get(r.unitId) ?? []) push(reportsBy, id, r)
  const inspectionsBy = new Map<string, MeasureInspection[]>()
  for (const i of input.inspections)
    if (i.date >= p.from && i.date <= p.to) for (const id of countsFor.get(i.unitId) ?? []) push(inspectionsBy, id, i)

  const out = new Map<string, UnitMeasure>()
  for (const unit of input.units) {
    const owed = (unit.members ?? [unit])
      .flatMap((m) => expectedReports(m, input.schedules, reportsBy.get(unit.id) ?? [], p.from, p.to, input.today))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    out.set(
      unit.id,
      measureRecords(
        unit,
        {
          tasks: own.get(unit.id) ?? [],
          below: below.get(unit.id) ?? [],
          owed,
          inspections: inspectionsBy.get(unit.id) ?? [],
        },
        { period: p, at, settings: s, href },
      ),
    )
  }
  return out
}

/** The records one subject (a unit, or a head) is measured on. */
export interface SubjectRecords {
  /** Its own tasks. */
  tasks: readonly MeasureTask[]
  /** Tasks led by the units below it (the cascade). */
  below: readonly MeasureTask[]
  /** The periodic reports it owed in the period. */
  owed: readonly ExpectedReport[]
  /** Inspections in the period whose outcomes count for it. */
  inspections: readonly MeasureInspection[]
}

/** The figures, score and rating of one subject from its records, judged as of day `at`. */
export function measureRecords(
  unit: { id: string; name: string; kind: string },
  rec: SubjectRecords,
  ctx: { period: Period; at: string; settings: MeasureSettings; href: (id: string) => string },
): UnitMeasure {
  const { period: p, at, settings: s, href } = ctx
  const tasks = rec.tasks
  const due = tasks.filter((t) => judged(t, p, at))
  const onTime = due.filter((t) => doneBy(t, at) && t.completedDay! <= t.dueAt!)
  const late = due.filter((t) => doneBy(t, at) && t.completedDay! > t.dueAt!)
  const overdue = tasks.filter((t) => t.dueAt !== null && t.dueAt < at && !doneBy(t, at))
  const overdueRecords = overdue.map((t) => toRecord(t, at, href)).sort((a, b) => b.days - a.days)
  const overdueDays = overdueRecords.reduce((n, r) => n + r.days, 0)
  const open = tasks.filter((t) => !doneBy(t, at))
  const stale = open
    .map((t) => ({ ...toRecord(t, at, href), daysSinceUpdate: Math.max(0, daysBetween(t.lastTouchDay, at)) }))
    .sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate)
  const daysSinceUpdate = stale.length
    ? round(stale.reduce((n, x) => n + x.daysSinceUpdate, 0) / stale.length, 1)
    : null
  const owed = rec.owed
  const counted = owed.filter((r) => r.status !== 'pending')
  const reportsOnTime = counted.filter((r) => r.status === 'on_time').length
  const inspections = [...rec.inspections].sort((a, b) => a.date.localeCompare(b.date))
  const outcomes = Object.fromEntries(inspectionOutcomes.map((o) => [o, 0])) as Record<InspectionOutcome, number>
  for (const i of inspections) if (i.outcome) outcomes[i.outcome]++
  const valued = inspections.filter((i) => i.outcome !== null)
  const inspectionValue = valued.length
    ? round(valued.reduce((n, i) => n + s.outcomeValues[i.outcome!], 0) / valued.length)
    : null
  const subDue = rec.below.filter((t) => judged(t, p, at))
  const subunitCompletion = subDue.length ? round(subDue.filter((t) => doneBy(t, at)).length / subDue.length) : null

  const onTimeRate = due.length ? round(onTime.length / due.length) : null
  const reportsOnTimeRate = counted.length ? round(reportsOnTime / counted.length) : null
  const components = {
    onTime: onTimeRate === null ? null : onTimeRate * 100,
    reports: reportsOnTimeRate === null ? null : reportsOnTimeRate * 100,
    freshness: daysSinceUpdate === null ? null : Math.max(0, 1 - daysSinceUpdate / s.staleAfterDays) * 100,
    inspections: inspectionValue === null ? null : inspectionValue * 100,
    subunits: subunitCompletion === null ? null : subunitCompletion * 100,
  }
  let sum = 0
  let weights = 0
  for (const [k, v] of Object.entries(components) as [keyof typeof components, number | null][]) {
    if (v === null || s.weights[k] === 0) continue
    sum += v * s.weights[k]
    weights += s.weights[k]
  }
  const penalty = round(
    Math.min(
      s.overdue.cap,
      overdueRecords.reduce(
        (n, r) => n + s.overdue.perTask + s.overdue.perDay * Math.min(r.days, s.overdue.maxDaysPerTask),
        0,
      ),
    ),
    1,
  )
  const score = weights > 0 ? round(Math.max(0, Math.min(100, sum / weights - penalty)), 1) : null
  const ratingCode = rate(score, s.thresholds)
  return {
    figures: {
      unitId: unit.id,
      unitName: unit.name,
      kind: unit.kind,
      onTimeRate,
      dueInPeriod: due.length,
      doneOnTime: onTime.length,
      doneLate: late.length,
      overdue: overdue.length,
      overdueDays,
      maxOverdueDays: overdueRecords[0]?.days ?? 0,
      reportsOnTimeRate,
      reportsExpected: counted.length,
      reportsLate: counted.filter((r) => r.status === 'late').length,
      reportsMissing: counted.filter((r) => r.status === 'missing').length,
      openTasks: open.length,
      daysSinceUpdate,
      inspections: outcomes,
      inspectionValue,
      subunitCompletion,
      components: Object.fromEntries(
        Object.entries(components).map(([k, v]) => [k, v === null ? null : round(v, 1)]),
      ) as UnitFigures['components'],
      penalty,
      score,
      ratingCode,
      rating: ratingCode ? ratingLabels[ratingCode] : null,
    },
    records: {
      dueInPeriod: due.map((t) => toRecord(t, at, href)),
      overdue: overdueRecords,
      reports: [...owed],
      stale,
      inspections,
      subunitTasks: subDue.map((t) => toRecord(t, at, href)),
    },
  }
}
