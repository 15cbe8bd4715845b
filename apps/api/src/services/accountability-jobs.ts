// The scheduler's accountability jobs: units that have not sent a due report by the reminder hour, and
// hours ahead with nobody on a unit's duty roster, each told once to the unit's heads; the roster gap
// finder also answers GET /api/duty/gaps.

import { type DbOrTx, schema } from '@hub/db'
import { formatVnDate, type RosterGap, rosterGaps, vnDay } from '@hub/domain'
import { and, gt, inArray, lt } from 'drizzle-orm'
import { notify } from './notifications'
import { owedReports } from './periodic-reports'
import { headsOf, type UnitDirectory } from './unit-directory'

/** Units that keep a 24/7 duty roster. */
const rosterKinds: ReadonlySet<string> = new Set(['district', 'commune', 'body', 'sector'])

/**
 * Marks `keys` as flagged for their units and returns those that were not flagged before, so a
 * missing report or a roster gap is notified once even with two schedulers.
 */
async function firstTime<T extends { unitId: string; key: string }>(
  tx: DbOrTx,
  kind: string,
  items: T[],
): Promise<T[]> {
  if (!items.length) return []
  const inserted = await tx
    .insert(schema.accountabilityFlags)
    .values(items.map((i) => ({ kind, unitId: i.unitId, key: i.key })))
    .onConflictDoNothing()
    .returning({ unitId: schema.accountabilityFlags.unitId, key: schema.accountabilityFlags.key })
  const fresh = new Set(inserted.map((i) => `${i.unitId}|${i.key}`))
  return items.filter((i) => fresh.has(`${i.unitId}|${i.key}`))
}

/**
 * The scheduler's report job: units that have not sent today's report by the reminder hour hear of it
 * (their heads, once per report and period). Returns how many units were reminded.
 */
export async function remindMissingReports(tx: DbOrTx, units: UnitDirectory, now: Date): Promise<number> {
  const day = vnDay(now)
  const { missing } = await owedReports(tx, units, day)
  const fresh = await firstTime(
    tx,
    'report_missing',
    missing.map((m) => ({ unitId: m.unitId, key: `${m.title}|${m.period}`, m })),
  )
  const heads = await headsOf(
    tx,
    fresh.map((f) => f.unitId),
  )
  await notify(
    tx,
    fresh.flatMap(({ unitId, m }) =>
      (heads.get(unitId) ?? []).map((userId) => ({
        userId,
        kind: 'report.missing',
        title: `Chưa gửi báo cáo: ${m.title} (${formatVnDate(m.dueOn)})`,
        groupKey: `report.missing:${day}`,
        groupTitle: (n: number) => `${n} báo cáo chưa gửi hôm nay`,
        data: { unitId, period: m.period, dueOn: m.dueOn, title: m.title },
      })),
    ),
  )
  return fresh.length
}

/** Gaps in the rosters of every roster-keeping unit over [from, to). */
export async function findRosterGaps(
  db: DbOrTx,
  units: UnitDirectory,
  from: Date,
  to: Date,
  unitIds?: readonly string[],
): Promise<{ unitId: string; unitName: string; gaps: RosterGap[] }[]> {
  const d = schema.dutyShifts
  const wanted = units
    .all()
    .filter((u) => !u.validTo && rosterKinds.has(u.kind) && (!unitIds || unitIds.includes(u.id)))
  if (!wanted.length) return []
  const shifts = await db
    .select({ unitId: d.unitId, startsAt: d.startsAt, endsAt: d.endsAt })
    .from(d)
    .where(and(lt(d.startsAt, to), gt(d.endsAt, from), unitIds ? inArray(d.unitId, [...unitIds]) : undefined))
  const byUnit = new Map<string, typeof shifts>()
  for (const s of shifts) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s])
  return wanted
    .map((u) => ({ unitId: u.id, unitName: u.name, gaps: rosterGaps(byUnit.get(u.id) ?? [], from, to) }))
    .filter((x) => x.gaps.length > 0)
}

/**
 * The scheduler's roster job: a gap in the next `hoursAhead` hours of a unit's roster is flagged to
 * the unit's head (or, without a head account, to the heads of the unit above), once per gap.
 */
export async function flagRosterGaps(tx: DbOrTx, units: UnitDirectory, now: Date, hoursAhead = 48): Promise<number> {
  const found = await findRosterGaps(tx, units, now, new Date(now.getTime() + hoursAhead * 3_600_000))
  // Gaps are keyed by their start hour; one already open now (no one on duty) once a day.
  const items = found.flatMap((f) =>
    f.gaps.map((g) => ({
      unitId: f.unitId,
      key: g.from.getTime() === now.getTime() ? `now:${vnDay(now)}` : g.from.toISOString().slice(0, 13),
      unitName: f.unitName,
      gap: g,
    })),
  )
  const fresh = await firstTime(tx, 'roster_gap', items)
  const parents = fresh.map((f) => units.tree.parentOf(f.unitId)).filter((x): x is string => !!x)
  const heads = await headsOf(tx, [...new Set([...fresh.map((f) => f.unitId), ...parents])])
  const fmt = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
  await notify(
    tx,
    fresh.flatMap((f) => {
      const to = heads.get(f.unitId) ?? heads.get(units.tree.parentOf(f.unitId) ?? '') ?? []
      return to.map((userId) => ({
        userId,
        kind: 'duty.gap',
        title: `Lịch trực ${f.unitName} trống từ ${fmt.format(f.gap.from)} đến ${fmt.format(f.gap.to)}`,
        data: { unitId: f.unitId, from: f.gap.from.toISOString(), to: f.gap.to.toISOString(), hours: f.gap.hours },
      }))
    }),
  )
  return fresh.length
}
