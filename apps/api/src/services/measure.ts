// The measure of units (the scoreboard): each unit's figures for a period computed from its tasks,
// reports, schedules and inspections as the reader may know them, the records behind each figure,
// trends across the 2025 reform, and the committee's weights and thresholds.

import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import {
  accountabilityInspectionPolicy,
  addDays,
  defaultMeasureSettings,
  Forbidden,
  type InspectionOutcome,
  Invalid,
  type MeasureHead,
  type MeasureSettings,
  type MeasureUnit,
  measureHeads,
  measurePolicy,
  measureSettingsSchema,
  measureUnits,
  NotFound,
  type Period,
  parsePeriod,
  periodOf,
  ratingLabels,
  type UnitRecords,
  vnDay,
} from '@hub/domain'
import { and, asc, eq, gte, isNotNull, isNull, lte, max, ne, or, sql } from 'drizzle-orm'
import { recordChange } from './audit'
import { Service } from './change'
import { teamIdsOf } from './inspections'

const SETTINGS_KEY = 'default'

/** The database's outcome words (praise, reminder, criticism) and the contract's (commend, remind, criticise). */
export const outcomeFromDb: Record<string, InspectionOutcome | null> = {
  praise: 'commend',
  reward: 'reward',
  reminder: 'remind',
  criticism: 'criticise',
  discipline: 'discipline',
  none: null,
}
export const outcomeToDb = {
  commend: 'praise',
  reward: 'reward',
  remind: 'reminder',
  criticise: 'criticism',
  discipline: 'discipline',
} as const

export function badPeriod(): Invalid {
  return new Invalid('period', 'invalidPeriod', {}, undefined, 'invalid period')
}

/** The stored weights and thresholds, or the documented defaults. */
export async function loadMeasureSettings(db: DbOrTx): Promise<MeasureSettings> {
  const [row] = await db.select().from(schema.measureSettings).where(eq(schema.measureSettings.key, SETTINGS_KEY))
  const parsed = row ? measureSettingsSchema.safeParse(row.settings) : null
  return parsed?.success ? parsed.data : defaultMeasureSettings
}

/**
 * Loads the records the measure needs in a handful of set-based queries (tasks with their last
 * report, periodic reports, schedules, inspections) and computes in memory; nothing is cached, so a
 * change shows in the next answer.
 */
export class MeasureService extends Service {
  async compute(reader: CurrentUser, units: MeasureUnit[], period: Period, today = vnDay()) {
    const { settings, records } = await this.load(reader, period)
    return {
      settings,
      result: measureUnits({ units, tree: this.units.tree, ...records, period, today, settings }),
    }
  }

  /**
   * The records the measure reads for periods within [from, to], as `reader` may know them. An
   * inspection's outcome counts once its conclusion is published; before that it counts only in the
   * view of those who may read the unpublished conclusion (its recorder and team, the committee, the
   * office and inspectors above the unit: accountabilityInspectionPolicy.readConclusion), so the
   * committee sees an unannounced visit move the score at once while the inspected unit's head
   * cannot read the outcome off his own score before it is published to him.
   */
  private async load(reader: CurrentUser, range: { from: string; to: string }) {
    const period = range
    const db = this.db
    const t = schema.tasks
    const r = schema.reports
    const [settings, tasks, lastReports, reports, schedules, allInspections, teamIds] = await Promise.all([
      loadMeasureSettings(db),
      db
        .select({
          id: t.id,
          title: t.title,
          leadUnitId: t.leadUnitId,
          accountableUserId: t.accountableUserId,
          status: t.status,
          dueAt: t.dueAt,
          completedAt: t.completedAt,
          updatedAt: t.updatedAt,
        })
        .from(t),
      db
        .select({ taskId: r.taskId, at: max(r.submittedAt) })
        .from(r)
        .where(isNotNull(r.taskId))
        .groupBy(r.taskId),
      db
        .select({
          id: r.id,
          unitId: r.unitId,
          kind: r.kind,
          periodStart: r.periodStart,
          submittedAt: r.submittedAt,
        })
        .from(r)
        .where(and(ne(r.kind, 'task'), gte(r.periodStart, addDays(period.from, -31)), lte(r.periodStart, period.to))),
      db.select().from(schema.reportSchedules),
      db
        .select({
          id: schema.inspections.id,
          unitId: schema.inspections.unitId,
          date: schema.inspections.scheduledOn,
          unannounced: schema.inspections.unannounced,
          outcome: schema.inspections.outcome,
          conclusion: schema.inspections.conclusion,
          published: schema.inspections.published,
          createdBy: schema.inspections.createdBy,
          teamId: schema.inspections.teamId,
        })
        .from(schema.inspections)
        .where(and(gte(schema.inspections.scheduledOn, period.from), lte(schema.inspections.scheduledOn, period.to))),
      teamIdsOf(db, reader.userId),
    ])
    const inspections = allInspections.filter((i) =>
      accountabilityInspectionPolicy.readConclusion(reader, this.units.tree, i, teamIds),
    )
    const touched = new Map(lastReports.map((x) => [x.taskId!, x.at]))
    return {
      settings,
      records: {
        tasks: tasks.map((x) => {
          const report = touched.get(x.id)
          const last = report && report > x.updatedAt ? report : x.updatedAt
          return {
            id: x.id,
            title: x.title,
            leadUnitId: x.leadUnitId,
            accountableUserId: x.accountableUserId,
            status: x.status,
            dueAt: x.dueAt,
            completedDay: x.completedAt ? vnDay(x.completedAt) : null,
            lastTouchDay: vnDay(last),
          }
        }),
        reports: reports.map((x) => ({
          id: x.id,
          unitId: x.unitId,
          kind: x.kind,
          periodStart: x.periodStart,
          submittedDay: vnDay(x.submittedAt),
          submittedAt: x.submittedAt.toISOString(),
        })),
        schedules: schedules.map((s) => ({
          id: s.id,
          title: s.title,
          cycle: s.cycle,
          unitId: s.unitId,
          unitKind: s.unitKind,
          startsOn: s.startsOn,
          endsOn: s.endsOn,
        })),
        inspections: inspections.map((i) => ({
          id: i.id,
          unitId: i.unitId,
          date: i.date,
          kind: i.unannounced ? ('unannounced' as const) : ('planned' as const),
          outcome: i.outcome ? (outcomeFromDb[i.outcome] ?? null) : null,
          findings: i.conclusion,
        })),
      },
    }
  }

  /**
   * A unit's score over the last `count` weeks or months up to `until` (default today; the current
   * one last), computed from the records as they stand: completions and reports are dated, so past
   * periods are judged as of their last day; update freshness has no history and is today's
   * throughout. A period that begins before the unit came into force is measured on the units of
   * that period: its predecessors then in force (a "part" predecessor counted whole and marked so),
   * and the point says so; `seam` is the day the reform that made the unit took effect (null for a
   * unit nobody preceded). Nothing is rewritten.
   */
  async trend(actor: CurrentUser, unitId: string, cycle: 'weekly' | 'monthly', count: number, until?: string) {
    const unit = this.units.get(unitId)
    if (!unit) throw new NotFound('unit')
    if (!measurePolicy.read(actor, this.units.tree, unitId)) throw new Forbidden()
    const today = vnDay()
    const periods: Period[] = []
    let day = until && until < today ? until : today
    for (let i = 0; i < count; i++) {
      const p = periodOf(cycle, day)
      periods.unshift(p)
      day = addDays(p.from, -1)
    }
    const { settings, records } = await this.load(actor, { from: periods[0]!.from, to: periods.at(-1)!.to })
    const predecessors = this.units.predecessorsOf(unitId)
    const points = periods.map((period) => {
      const before =
        period.from < unit.validFrom
          ? predecessors
              .map((s) => ({ unit: this.units.get(s.predecessorId)!, share: s.share }))
              .filter((x) => x.unit && existedIn(x.unit, period))
          : []
      const members = [
        ...(existedIn(unit, period) ? [this.measureUnit(unitId)] : []),
        ...before.map((x) => this.measureUnit(x.unit.id)),
      ]
      const target = { ...this.measureUnit(unitId), members }
      const f = measureUnits({ units: [target], tree: this.units.tree, ...records, period, today, settings }).get(
        unitId,
      )!.figures
      return {
        period: presentPeriod(period),
        score: f.score,
        ratingCode: f.ratingCode,
        rating: f.rating,
        onTimeRate: f.onTimeRate,
        overdue: f.overdue,
        reportsOnTimeRate: f.reportsOnTimeRate,
        dueInPeriod: f.dueInPeriod,
        beforeReform: before.length > 0,
        predecessors: before.map((x) => ({ id: x.unit.id, name: x.unit.name, share: x.share })),
      }
    })
    const seam = predecessors.length > 0 ? { on: unit.validFrom } : null
    return { unit: { id: unit.id, name: unit.name, kind: unit.kind }, cycle, seam, points }
  }

  /**
   * The heads of a unit over a period: those who held its head's role (memberships) on some day of
   * it, each with his days in office; a unit whose head has no account: the first person recorded
   * in it, for the whole period.
   */
  private async headsOver(unitId: string, period: Period): Promise<MeasureHead[]> {
    const m = schema.memberships
    const rows = await this.db
      .select({
        userId: m.userId,
        from: m.validFrom,
        to: m.validTo,
        personId: schema.people.id,
        name: schema.people.fullName,
        position: schema.people.position,
      })
      .from(m)
      .innerJoin(schema.users, eq(schema.users.id, m.userId))
      .innerJoin(schema.people, eq(schema.people.id, schema.users.personId))
      .where(
        and(
          eq(m.unitId, unitId),
          eq(m.role, 'unit_head'),
          lte(m.validFrom, period.to),
          or(isNull(m.validTo), gte(m.validTo, period.from)),
        ),
      )
      .orderBy(asc(m.validFrom))
    if (rows.length)
      return rows.map((r) => ({
        id: r.personId,
        userId: r.userId,
        name: r.name,
        position: r.position,
        unitId,
        from: r.from,
        to: r.to,
      }))
    const p = schema.people
    const [first] = await this.db
      .select({ id: p.id, name: p.fullName, position: p.position })
      .from(p)
      .where(eq(p.unitId, unitId))
      .orderBy(asc(p.createdAt), asc(p.id))
      .limit(1)
    return first ? [{ ...first, userId: null, unitId, from: period.from, to: null }] : []
  }

  /** Head of each unit: the first person recorded in it. */
  private async heads(): Promise<Map<string, { name: string; position: string }>> {
    const p = schema.people
    const rows = await this.db
      .selectDistinctOn([p.unitId], { unitId: p.unitId, name: p.fullName, position: p.position })
      .from(p)
      .orderBy(p.unitId, asc(p.createdAt), asc(p.id))
    return new Map(rows.filter((x) => x.unitId).map((x) => [x.unitId!, { name: x.name, position: x.position }]))
  }

  /** The records behind the figures, each linked: inspections to their unit, sub-units' tasks named by unit. */
  private presentRecords(records: UnitRecords) {
    return {
      ...records,
      inspections: records.inspections.map((i) => ({ ...i, href: `/units/${i.unitId}` })),
      subunitTasks: records.subunitTasks.map((x) => ({ ...x, unitName: this.units.get(x.unitId)?.name ?? '' })),
    }
  }

  private measureUnit(id: string): MeasureUnit {
    const u = this.units.get(id)!
    return { id: u.id, name: u.name, kind: u.kind }
  }

  /** One row per unit of `kind` in the actor's reach, best score first. */
  async list(actor: CurrentUser, kind: string, periodText?: string, parentId?: string) {
    const today = vnDay()
    const period = parsePeriod(periodText, today)
    if (!period) throw badPeriod()
    const units = this.units
      .all()
      .filter((u) => u.kind === kind && existedIn(u, period) && (!parentId || u.parentId === parentId))
      .filter((u) => measurePolicy.read(actor, this.units.tree, u.id))
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind }))
    const [{ settings, result }, heads] = await Promise.all([this.compute(actor, units, period, today), this.heads()])
    const rows = units
      .map((u) => ({ ...result.get(u.id)!.figures, head: heads.get(u.id) ?? null }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitName.localeCompare(b.unitName, 'vi'))
      .map((row, i) => ({ rank: row.score === null ? null : i + 1, ...row }))
    return { period: presentPeriod(period), today, settings, ratings: ratingLabels, rows }
  }

  /** A unit's figures, every record behind each, and its sub-units' figures for drilling down. */
  async unit(actor: CurrentUser, unitId: string, periodText?: string) {
    const unit = this.units.get(unitId)
    if (!unit) throw new NotFound('unit')
    if (!measurePolicy.read(actor, this.units.tree, unitId)) throw new Forbidden()
    const today = vnDay()
    const period = parsePeriod(periodText, today)
    if (!period) throw badPeriod()
    const children = this.units.tree
      .childrenOf(unitId)
      .map((id) => this.units.get(id)!)
      .filter((u) => existedIn(u, period))
      .map((u) => this.measureUnit(u.id))
    const [{ settings, records }, heads, unitHeads] = await Promise.all([
      this.load(actor, period),
      this.heads(),
      this.headsOver(unitId, period),
    ])
    const input = { tree: this.units.tree, ...records, period, today, settings }
    const result = measureUnits({ ...input, units: [this.measureUnit(unitId), ...children] })
    const byHead = measureHeads({ ...input, units: [this.measureUnit(unitId)], heads: unitHeads })
    const own = result.get(unitId)!
    const parent = unit.parentId ? this.units.get(unit.parentId) : null
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
      parent: parent ? { id: parent.id, name: parent.name, kind: parent.kind } : null,
      head: heads.get(unitId) ?? null,
      period: presentPeriod(period),
      today,
      settings,
      ratings: ratingLabels,
      figures: own.figures,
      records: this.presentRecords(own.records),
      /** Each head of the unit over the period, measured on the records he answers for. */
      heads: unitHeads
        .filter((h) => byHead.has(h.id))
        .map((h) => {
          const m = byHead.get(h.id)!
          return {
            ...m.head,
            figures: m.figures,
            records: this.presentRecords(m.records),
          }
        }),
      children: children
        .map((c) => ({ ...result.get(c.id)!.figures, head: heads.get(c.id) ?? null }))
        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitName.localeCompare(b.unitName, 'vi')),
    }
  }

  async settings(actor: CurrentUser) {
    const root = this.units.root()
    if (!root || !measurePolicy.read(actor, this.units.tree, root.id)) throw new Forbidden()
    const [row] = await this.db
      .select()
      .from(schema.measureSettings)
      .where(eq(schema.measureSettings.key, SETTINGS_KEY))
    return {
      settings: await loadMeasureSettings(this.db),
      defaults: defaultMeasureSettings,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
    }
  }

  /** The standing committee changes the weights and thresholds; the change is audited. */
  async updateSettings(actor: CurrentUser, next: MeasureSettings, requestId?: string) {
    const root = this.units.root()
    if (!root || !measurePolicy.configure(actor, this.units.tree, root.id)) throw new Forbidden()
    return await this.change(async (tx) => {
      const before = await loadMeasureSettings(tx)
      await tx
        .insert(schema.measureSettings)
        .values({ key: SETTINGS_KEY, settings: next, updatedBy: actor.userId, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: schema.measureSettings.key,
          set: { settings: next, updatedBy: actor.userId, updatedAt: sql`now()` },
        })
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'measure.settings',
        entityType: 'measure_settings',
        entityId: SETTINGS_KEY,
        before,
        after: next,
        requestId,
        event: { type: 'measure.settings_changed', payload: { settings: next } },
      })
      return { settings: next }
    })
  }
}

export function presentPeriod(p: Period) {
  return { key: p.key, from: p.from, to: p.to, cycle: p.cycle }
}

/** Whether a unit was in force at some time in the period: a period before the 2025 reform is measured on 2021's units. */
function existedIn(u: { validFrom: string; validTo: string | null }, period: Period): boolean {
  return u.validFrom <= period.to && (!u.validTo || u.validTo >= period.from)
}
