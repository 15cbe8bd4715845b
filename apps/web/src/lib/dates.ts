// Days and times on the web, always in Vietnam's time (Asia/Ho_Chi_Minh): dd/mm/yyyy display, relative times
// in the UI's language, reading a typed date; dayjs and its locales are set up here for the whole app.

import { addDays, HUB_TIME_ZONE, parseTypedDate, vnDay } from '@hub/domain'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import 'dayjs/locale/en'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import relativeTime from 'dayjs/plugin/relativeTime'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(customParseFormat)
dayjs.extend(relativeTime)
dayjs.locale('vi')

export { addDays, HUB_TIME_ZONE, vnDay }

/** The format every Vietnamese screen uses for a day. */
export const DATE_FORMAT = 'DD/MM/YYYY'

/** A YYYY-MM-DD day (or an instant) as dd/mm/yyyy; empty for none. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-')
    return `${d}/${m}/${y}`
  }
  return dayjs(value).tz(HUB_TIME_ZONE).format(DATE_FORMAT)
}

/** An instant as "HH:mm dd/mm/yyyy" in Vietnam's time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  return dayjs(value).tz(HUB_TIME_ZONE).format(`HH:mm ${DATE_FORMAT}`)
}

/** An instant's time of day in Vietnam, "HH:mm". */
export function formatTime(value: string | null | undefined): string {
  if (!value) return ''
  return dayjs(value).tz(HUB_TIME_ZONE).format('HH:mm')
}

/** "3 giờ trước" / "3 hours ago", in the current language. */
export function fromNow(value: string, lang: string): string {
  return dayjs(value)
    .locale(lang === 'en' ? 'en' : 'vi')
    .fromNow()
}

/** Switches dayjs (and with it Mantine's date pickers) to the UI language. */
export function setDateLocale(lang: string) {
  dayjs.locale(lang === 'en' ? 'en' : 'vi')
}

/** Whole days from today (in Vietnam) to a due day; negative when past. */
export function daysUntil(day: string, today = vnDay()): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/** Reads what a user types into a date field (05/12/2026, 5/12/26, 05-12-2026, 05.12.2026): YYYY-MM-DD or null. */
export function parseVnDate(input: string): string | null {
  return parseTypedDate(input)
}
