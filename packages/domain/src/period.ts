// Periods of days (a day, an ISO week, a month, a range, the last N days) as the measure, the periodic
// reports and the city report read them from an address, with the day arithmetic they need.

import { addDays, isIsoDate } from './dates'

/** A span of whole days (Asia/Ho_Chi_Minh), both ends included, and how it was written. */
export interface Period {
  /** As written in the address: `2021-08`, `2021-W31`, `2021-08-02`, `2021-07-01..2021-08-15`, `30d`. */
  key: string
  from: string
  to: string
  /** The report cycle a period of this shape stands for; a free range or a trailing window has none. */
  cycle: 'daily' | 'weekly' | 'monthly' | null
}

/** Days from `a` to `b` (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(day, -((dow + 6) % 7))
}

/** Last day of the month holding `day`. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return addDays(next, -1)
}

/** ISO week key (`2021-W31`) of a day. */
export function isoWeekKey(day: string): string {
  const thursday = addDays(weekStart(day), 3)
  const year = Number(thursday.slice(0, 4))
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The period a report of `cycle` covering `day` belongs to. */
export function periodOf(cycle: 'daily' | 'weekly' | 'monthly', day: string): Period {
  if (cycle === 'daily') return { key: day, from: day, to: day, cycle }
  if (cycle === 'weekly') {
    const from = weekStart(day)
    return { key: isoWeekKey(day), from, to: addDays(from, 6), cycle }
  }
  const from = `${day.slice(0, 7)}-01`
  return { key: day.slice(0, 7), from, to: monthEnd(from), cycle }
}

/** The default window of the measure: the last 30 days up to today. */
export const DEFAULT_PERIOD = '30d'

/**
 * Reads a period as written in an address; null when it is not one. Accepted: a day `YYYY-MM-DD`, an
 * ISO week `YYYY-Www`, a month `YYYY-MM`, a range `YYYY-MM-DD..YYYY-MM-DD`, or the last N days `Nd`
 * (up to `today`).
 */
export function parsePeriod(text: string | undefined, today: string): Period | null {
  const key = (text ?? DEFAULT_PERIOD).trim()
  let m = /^(\d{1,3})d$/.exec(key)
  if (m) {
    const n = Number(m[1])
    if (n < 1 || n > 366) return null
    return { key, from: addDays(today, -(n - 1)), to: today, cycle: null }
  }
  if (isIsoDate(key)) return periodOf('daily', key)
  m = /^(\d{4})-W(\d{2})$/.exec(key)
  if (m) {
    const year = Number(m[1])
    const week = Number(m[2])
    // The week holding 4 January is week 1.
    const from = addDays(weekStart(`${year}-01-04`), (week - 1) * 7)
    if (week < 1 || isoWeekKey(from) !== key) return null
    return { key, from, to: addDays(from, 6), cycle: 'weekly' }
  }
  m = /^(\d{4})-(\d{2})$/.exec(key)
  if (m) {
    if (!isIsoDate(`${key}-01`)) return null
    return periodOf('monthly', `${key}-01`)
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key)
  if (m && isIsoDate(m[1]!) && isIsoDate(m[2]!) && m[1]! <= m[2]! && daysBetween(m[1]!, m[2]!) <= 731)
    return { key, from: m[1]!, to: m[2]!, cycle: null }
  return null
}
