/**
 * The assignment table (bảng phân công) of a directive or a meeting: who does what by when. Its rows
 * are co-edited live (a Yjs document, see assignment-doc.ts); this module holds what a row is, the
 * problems a row can have (shown on the row, and refusing it at settling), the identity of a row
 * proposed from the text (so proposing again adds only what is new) and how a settled row becomes a
 * task and how a later edit differs from its task.
 */
import { z } from 'zod'
import { vnDay } from './dates'
import type { Recurrence } from './recurrence'
import { type RecurrenceFreq, type ReportCycle, recurrenceFreqs, reportCycles } from './vocabulary'

/** The fields a row holds, each a cell merged on its own. */
export interface AssignmentRowFields {
  /** Short imperative title (the task's title). */
  title: string
  /** The clause text the row comes from, or what the meeting said (the task's description). */
  description: string
  clauseOrdinal: number | null
  /** Đơn vị chủ trì: one or more (several make a parent task with one child per unit). */
  leadUnitIds: string[]
  /** Đơn vị phối hợp. */
  supportUnitIds: string[]
  /** Người chịu trách nhiệm; empty means the lead unit's head. */
  accountableUserId: string | null
  /** Thời hạn, YYYY-MM-DD (end of that day in Asia/Ho_Chi_Minh). */
  dueAt: string | null
  /** Recurring work: hằng ngày, hằng tuần, hằng tháng, thường xuyên. */
  freq: RecurrenceFreq | null
  /** Kỳ báo cáo. */
  reportCycle: ReportCycle | null
  note: string
  /** In a meeting's table: the agenda item the row was agreed under. */
  agendaItemId: string | null
}

/** A row as the table holds it. */
export interface AssignmentRow extends AssignmentRowFields {
  id: string
  /** Order in the table (fractional; ties broken by id). */
  pos: number
  /** Set on rows proposed from the text: the clause and the words they come from. */
  sourceKey: string | null
  /** A removed row stays in the document (edits made meanwhile are kept) and can be restored. */
  removed: boolean
  comments: AssignmentComment[]
}

export interface AssignmentComment {
  id: string
  userId: string
  name: string
  /** ISO instant. */
  at: string
  text: string
}

export const assignmentFieldNames = [
  'title',
  'description',
  'clauseOrdinal',
  'leadUnitIds',
  'supportUnitIds',
  'accountableUserId',
  'dueAt',
  'freq',
  'reportCycle',
  'note',
  'agendaItemId',
] as const satisfies readonly (keyof AssignmentRowFields)[]
export type AssignmentField = (typeof assignmentFieldNames)[number]

export const emptyAssignmentFields: AssignmentRowFields = {
  title: '',
  description: '',
  clauseOrdinal: null,
  leadUnitIds: [],
  supportUnitIds: [],
  accountableUserId: null,
  dueAt: null,
  freq: null,
  reportCycle: null,
  note: '',
  agendaItemId: null,
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
/**
 * A cell's text as it can be stored: cells come from a live document, past the API's input guard, so
 * what PostgreSQL cannot hold (NUL, a surrogate without its pair) is dropped or replaced here.
 */
const cellText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replaceAll('\u0000', '').replace(loneSurrogates, '\ufffd'))
    .catch('')
const uuid = z.string().uuid()

/** A row's fields as read back from a document anyone may have written: anything malformed is dropped to empty. */
export const assignmentFieldsSchema = z.object({
  title: cellText(500),
  description: cellText(20_000),
  clauseOrdinal: z.number().int().min(0).max(10_000).nullable().catch(null),
  leadUnitIds: z.array(uuid).max(700).catch([]),
  supportUnitIds: z.array(uuid).max(700).catch([]),
  accountableUserId: uuid.nullable().catch(null),
  dueAt: day.nullable().catch(null),
  freq: z.enum(recurrenceFreqs).nullable().catch(null),
  reportCycle: z.enum(reportCycles).nullable().catch(null),
  note: cellText(5_000),
  agendaItemId: uuid.nullable().catch(null),
})

/** What may be wrong with a row (the web names each in its messages). */
export const assignmentProblemCodes = [
  'noTitle',
  'noLead',
  'unknownUnit',
  'unitNotInForce',
  'duePast',
  'noDeadline',
  'leadAlsoSupports',
  'reportCycleWithoutWork',
  /** Checked by the server at settling: the person is not in the line of command of the row's units. */
  'accountableNotInLine',
] as const

/** What is wrong with a row: an error stops it being settled; a warning is shown only. */
export interface AssignmentProblem {
  field: AssignmentField
  code: (typeof assignmentProblemCodes)[number]
  severity: 'error' | 'warning'
  /** The unit concerned, for unit problems. */
  unitId?: string
}

/** What the checks need to know of a unit. */
export interface AssignmentUnitRef {
  validFrom?: string
  validTo?: string | null
}

/**
 * Checks a row as it is edited: a title and a lead are needed, every unit must be known and in force
 * today, a due date may not be past (a settled row's task keeps its own date). A row with neither a due
 * date nor a rhythm only warns: some work has no deadline.
 */
export function assignmentProblems(
  row: AssignmentRowFields,
  unitOf: (id: string) => AssignmentUnitRef | undefined,
  today: string = vnDay(),
): AssignmentProblem[] {
  const out: AssignmentProblem[] = []
  if (!row.title.trim()) out.push({ field: 'title', code: 'noTitle', severity: 'error' })
  if (row.leadUnitIds.length === 0) out.push({ field: 'leadUnitIds', code: 'noLead', severity: 'error' })
  for (const field of ['leadUnitIds', 'supportUnitIds'] as const)
    for (const unitId of row[field]) {
      const unit = unitOf(unitId)
      if (!unit) out.push({ field, code: 'unknownUnit', severity: 'error', unitId })
      else if ((unit.validFrom && unit.validFrom > today) || (unit.validTo && unit.validTo < today))
        out.push({ field, code: 'unitNotInForce', severity: 'error', unitId })
    }
  for (const unitId of row.supportUnitIds)
    if (row.leadUnitIds.includes(unitId))
      out.push({ field: 'supportUnitIds', code: 'leadAlsoSupports', severity: 'warning', unitId })
  if (row.dueAt && row.dueAt < today) out.push({ field: 'dueAt', code: 'duePast', severity: 'error' })
  if (!row.dueAt && !row.freq) out.push({ field: 'dueAt', code: 'noDeadline', severity: 'warning' })
  return out
}

/** Whether a row can be settled (no error among its problems). */
export const isSettleable = (problems: AssignmentProblem[]) => problems.every((p) => p.severity !== 'error')

/**
 * The identity of a row proposed from the text: its clause and its source words, folded for spacing.
 * Proposing again after the text changed adds a row only for a key the table has never held (a row
 * people removed is not proposed again; one they edited keeps their edits).
 */
export function proposalKey(clauseOrdinal: number, sourceText: string): string {
  const words = sourceText.normalize('NFC').replace(/\s+/g, ' ').trim()
  // FNV-1a over the UTF-16 units: short, stable across runtimes (browser and server), no crypto needed.
  let h = 0x811c9dc5
  for (let i = 0; i < words.length; i++) {
    h ^= words.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${clauseOrdinal}:${h.toString(36)}:${words.length}`
}

/**
 * A short title for a row from a proposed task's title: the words before the first ";" (what follows
 * is usually the deadline or a second duty, which have their own cells), then cut at a comma or a
 * word near `max` characters. The clause itself stays the row's description.
 */
export function shortTitle(title: string, max = 100): string {
  let t = title.replace(/…$/, '').trim()
  const semi = t.indexOf(';')
  if (semi >= 20) t = t.slice(0, semi)
  t = t.replace(/[\s,;:.]+$/, '')
  if (t.length <= max) return t
  const comma = t.lastIndexOf(', ', max)
  if (comma >= max / 2) return t.slice(0, comma)
  const space = t.lastIndexOf(' ', max - 1)
  return `${t.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:]+$/, '')}…`
}

/** The task's recurrence from a row: the rhythm with its report cycle; a report cycle alone makes ongoing work reported on that cycle. */
export function recurrenceOfRow(row: Pick<AssignmentRowFields, 'freq' | 'reportCycle'>): Recurrence | null {
  if (row.freq)
    return { freq: row.freq, reportCycle: row.reportCycle ?? (row.freq === 'ongoing' ? 'weekly' : row.freq) }
  return row.reportCycle ? { freq: 'ongoing', reportCycle: row.reportCycle } : null
}

/** A row's cells from a task's recurrence. */
export function rowRhythmOf(r: Recurrence | null): Pick<AssignmentRowFields, 'freq' | 'reportCycle'> {
  return r ? { freq: r.freq, reportCycle: r.reportCycle } : { freq: null, reportCycle: null }
}

/** The fields of a settled row that a later edit may change on its task (the units stay: reassigning is the office's own act on the task). */
export const changeableTaskFields = [
  'title',
  'description',
  'dueAt',
  'freq',
  'reportCycle',
  'supportUnitIds',
  'accountableUserId',
] as const
export type ChangeableTaskField = (typeof changeableTaskFields)[number]

/** One cell of a settled row that now differs from its task: a proposed change, until the office accepts it. */
export interface AssignmentChange {
  field: ChangeableTaskField | 'leadUnitIds'
  /** The task's value now. */
  task: unknown
  /** The row's value now. */
  row: unknown
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** What a settled row says that its task does not (lead changes are listed but not applied by acceptance). */
export function rowChanges(row: AssignmentRowFields, task: AssignmentRowFields): AssignmentChange[] {
  const out: AssignmentChange[] = []
  for (const field of changeableTaskFields) {
    // An empty accountable cell means the lead unit's head, whom the task names.
    if (field === 'accountableUserId' && row.accountableUserId === null) continue
    const a = row[field]
    const b = task[field]
    const same = Array.isArray(a) && Array.isArray(b) ? sameSet(a, b) : (a ?? null) === (b ?? null)
    if (!same) out.push({ field, task: b, row: a })
  }
  if (!sameSet(row.leadUnitIds, task.leadUnitIds))
    out.push({ field: 'leadUnitIds', task: task.leadUnitIds, row: row.leadUnitIds })
  return out
}

/** Where a settled row stands: its task exists (sent), or it waits for the directive's issue (held). */
export const assignmentSettlementStatuses = ['held', 'sent'] as const
export type AssignmentSettlementStatus = (typeof assignmentSettlementStatuses)[number]
