/** The users' time zone: deadlines are dates ending at midnight here. */
export const HUB_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: HUB_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day (YYYY-MM-DD) of an instant in Vietnam. */
export function vnDay(at: Date = new Date()): string {
  return isoDay.format(at)
}

/** The instant a due day ends in Vietnam (UTC+7, no daylight saving): 23:59:59.999 local. */
export function endOfVnDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`)
}

/** dd/mm/yyyy, as every Vietnamese screen and document writes a date. */
export function formatVnDate(day: string | null | undefined): string {
  if (!day) return ''
  const [y, m, d] = day.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const t = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s
}
