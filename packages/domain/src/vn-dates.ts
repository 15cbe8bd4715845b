// Dates as Vietnamese users and documents write them: typed dates (dd/mm/yyyy), long dates ("ngày 30 tháng
// 7 năm 2021"), deadlines found in a clause's text, and working days.

import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import { addDays } from './dates'
import { foldChars } from './text-fold'

dayjs.extend(customParseFormat)

const ISO = 'YYYY-MM-DD'

/** The ISO date for a day, month and year, or null when there is no such day (31/6). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = dayjs(`${year}-${month}-${day}`, 'YYYY-M-D', true)
  return d.isValid() ? d.format(ISO) : null
}

// A day typed into a date field: day first, then month, then a year of four or two digits, with
// "/", "-" or "." between them and leading zeros optional.
const TYPED_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * What a Vietnamese user types into a date field, as YYYY-MM-DD: "05/12/2026", "5/12/2026",
 * "05-12-2026", "05.12.2026", "5/12/26" (a two-digit year is in this century), or an ISO date.
 * Null for anything else, an impossible day (31/6) included, so the field can say so.
 */
export function parseTypedDate(input: string): string | null {
  const text = input.trim()
  const iso = ISO_DATE.exec(text)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const m = TYPED_DATE.exec(text)
  if (!m) return null
  const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4])
  return isoDate(year, Number(m[3]), Number(m[1]))
}

/** "Hà Nội, ngày 30 tháng 7 năm 2021" (or "ngày 30/7/2021") → "2021-07-30"; the first such date in the text. */
export function parseLongDate(text: string): string | null {
  const m = LONG_DATE.exec(foldChars(text))
  if (!m) return null
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]))
}

const LONG_DATE = /ngay\s+(\d{1,2})\s*(?:thang\s+|[/.-]\s*)(\d{1,2})\s*(?:nam\s+|[/.-]\s*)(\d{4})/

// Deadline phrases, on folded text. A date: "05/8/2021", "5-8", "05 thang 8 nam 2021"; an optional
// hour before it ("truoc 17h00 ngay 28/7") is read and dropped: deadlines are whole days.
const DATE = String.raw`(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|[/-]\s*)(\d{4}))?)`
const HOUR = String.raw`(?:\d{1,2}\s*(?:h|gio)\s*(?:\d{2})?\s*(?:phut)?\s*,?\s*)?`
const BY_DATE = new RegExp(
  String.raw`(?<![\p{L}])(?:truoc|cham\s+nhat(?:\s+la)?|han\s+(?:chot|cuoi)(?:\s+la)?|khong\s+(?:qua|muon\s+hon)|hoan\s+thanh(?:\s+vao)?|trong)\s+${HOUR}(?:(?:het\s+)?ngay\s+)?${DATE}(?!\s*(?:\d|gio|h\d))`,
  'gu',
)
const WITHIN_MONTH =
  /(?<![\p{L}])(?:trong|truoc\s+het|het|cuoi)\s+thang\s+(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+nam\s+(\d{4}))?(?!\s*[\d/])/gu
const WITHIN_QUARTER =
  /(?<![\p{L}])(?:trong|het|cuoi)\s+quy\s+(iv|iii|ii|i|[1-4])(?:\s*[/-]\s*(\d{4})|\s+nam\s+(\d{4}))?(?![\p{L}\d])/gu
const WITHIN_DAYS =
  /(?<![\p{L}])(?:(?:hoan\s+thanh|xong|bao\s+cao)\s+trong(?:\s+vong|\s+thoi\s+han)?|trong\s+thoi\s+han)\s+(\d{1,3})\s+ngay(\s+lam\s+viec)?/gu

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }

/** A deadline found in a text: the due date and where its phrase starts. */
export interface FoundDeadline {
  dueAt: string
  index: number
  phrase: string
}

/**
 * The first deadline phrase in a directive's text: "hoàn thành trong ngày 28/7/2021", "trước ngày
 * 05/8/2021", "chậm nhất ngày ...", "xong trước 15/8", "trong tháng 8/2021" (end of month), "trong quý
 * III" (end of quarter), "hoàn thành trong 5 ngày" (from the issue date). A date without a year takes
 * the issue date's year (the next year if that would fall before the issue date); without an issue
 * date such a phrase cannot be dated and is skipped. Bare dates ("từ 6h ngày 24/7") are periods,
 * not deadlines, and are ignored.
 */
export function findDeadline(text: string, issuedAt: string | null): FoundDeadline | null {
  const folded = foldChars(text)
  const found: FoundDeadline[] = []
  const push = (index: number, length: number, dueAt: string | null) => {
    if (dueAt) found.push({ dueAt, index, phrase: text.slice(index, index + length) })
  }
  for (const m of folded.matchAll(BY_DATE)) {
    const day = Number(m[1])
    const month = Number(m[2] ?? m[4])
    const year = m[3] ?? m[5]
    push(m.index, m[0].length, dateInYear(day, month, year, issuedAt))
  }
  for (const m of folded.matchAll(WITHIN_MONTH)) {
    const first = dateInYear(1, Number(m[1]), m[2] ?? m[3], issuedAt)
    push(m.index, m[0].length, first && dayjs(first).endOf('month').format(ISO))
  }
  for (const m of folded.matchAll(WITHIN_QUARTER)) {
    const quarter = ROMAN_QUARTER[m[1]!]!
    const first = dateInYear(1, quarter * 3, m[2] ?? m[3], issuedAt)
    push(m.index, m[0].length, first && dayjs(first).endOf('month').format(ISO))
  }
  for (const m of folded.matchAll(WITHIN_DAYS)) {
    if (!issuedAt) continue
    push(m.index, m[0].length, m[2] ? addWorkingDays(issuedAt, Number(m[1])) : addDays(issuedAt, Number(m[1])))
  }
  found.sort((a, b) => a.index - b.index)
  return found[0] ?? null
}

function dateInYear(day: number, month: number, year: string | undefined, issuedAt: string | null): string | null {
  if (year) return isoDate(Number(year), month, day)
  if (!issuedAt) return null
  const issuedYear = Number(issuedAt.slice(0, 4))
  const sameYear = isoDate(issuedYear, month, day)
  // "trước 05/1" in a document of late December means January of the next year.
  if (sameYear && sameYear < issuedAt && Number(issuedAt.slice(5, 7)) - month > 6) {
    return isoDate(issuedYear + 1, month, day)
  }
  return sameYear
}

/** The date n working days (Monday to Friday) after an ISO date; public holidays are not known here. */
export function addWorkingDays(iso: string, n: number): string {
  let d = dayjs(iso, ISO, true)
  let left = n
  while (left > 0) {
    d = d.add(1, 'day')
    if (d.day() !== 0 && d.day() !== 6) left--
  }
  return d.format(ISO)
}
