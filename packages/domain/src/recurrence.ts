// Recurring work in a directive's text ("thường xuyên", "hằng tuần"...): how often a task recurs and is
// reported on, for the task drafts proposed from clauses.

import { foldChars } from './text-fold'
import type { RecurrenceFreq, ReportCycle } from './vocabulary'

/** How often a task recurs, and how often its unit reports on it. */
export interface Recurrence {
  freq: RecurrenceFreq
  reportCycle: ReportCycle
}

const CYCLE_WORD: Record<string, ReportCycle> = { ngay: 'daily', tuan: 'weekly', thang: 'monthly' }
// Only "hằng"/"hàng": "hai lần mỗi tuần" says how often something is used, not a work rhythm.
const EVERY = String.raw`hang\s+(ngay|tuan|thang)(?![\p{L}])`
const ONGOING = /(?<![\p{L}])thuong\s+xuyen(?![\p{L}])/u
const ANY_CYCLE = new RegExp(String.raw`(?<![\p{L}])${EVERY}`, 'u')
// "báo cáo kết quả hằng tuần", "hằng ngày báo cáo", "định kỳ hằng tháng báo cáo": the report cycle.
const REPORT_AFTER = new RegExp(String.raw`bao\s+cao[^.;\n]{0,60}?(?<![\p{L}])${EVERY}`, 'u')
const REPORT_BEFORE = new RegExp(String.raw`(?<![\p{L}])${EVERY}[^.;\n]{0,20}?bao\s+cao`, 'u')

/**
 * Reads a task's rhythm from its text: "thường xuyên" is ongoing work (reported weekly unless the
 * text says otherwise); "hằng ngày" / "hàng ngày" daily, "hằng tuần" weekly, "hằng tháng" monthly.
 * A cycle attached to "báo cáo" sets the report cycle; the work's own rhythm, if not stated, is taken
 * to be the report's.
 */
export function findRecurrence(text: string): Recurrence | null {
  const folded = foldChars(text)
  const reportWord = (REPORT_AFTER.exec(folded) ?? REPORT_BEFORE.exec(folded))?.[1]
  const reportCycle = reportWord ? CYCLE_WORD[reportWord] : undefined
  if (ONGOING.test(folded)) return { freq: 'ongoing', reportCycle: reportCycle ?? 'weekly' }
  const cycleWord = ANY_CYCLE.exec(folded)?.[1]
  const cycle = cycleWord ? CYCLE_WORD[cycleWord] : undefined
  if (!cycle) return null
  return { freq: cycle, reportCycle: reportCycle ?? cycle }
}
