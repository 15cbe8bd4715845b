// Tasks proposed from a directive's clauses (title, lead and supporting units, deadline, recurrence) for
// the office to confirm, edit or drop; used by the API's task-drafts command and the seed.

import type { Clause } from './directive'
import { isUpperText } from './directive-text'
import { findRecurrence, type Recurrence } from './recurrence'
import { type SentenceSpan, splitSentences } from './sentences'
import { foldChars, foldVietnamese } from './text-fold'
import { createUnitMatcher, type UnitMention, type UnitRef } from './unit-matcher'
import { findDeadline } from './vn-dates'

export type { UnitRef } from './unit-matcher'

/** A task proposed from a clause, for the office to confirm, edit or drop. */
export interface TaskDraft {
  clauseOrdinal: number
  title: string
  /** Units that lead (đơn vị chủ trì): the subject of the sentence that gives the task. */
  leadUnitIds: string[]
  /** Units that help (đơn vị phối hợp): every other unit the task's sentences name. */
  supportUnitIds: string[]
  /** YYYY-MM-DD, end of that day in Asia/Ho_Chi_Minh. */
  dueAt: string | null
  recurrence: Recurrence | null
  /** The part of the clause the task comes from. */
  sourceText: string
  /** Units the text names that are not in force on the directive's day (an abolished district): flagged, neither lead nor support. */
  ceasedUnitIds: string[]
}

const TITLE_MAX = 160
const LEADING_MARKER = /^(?:[-+•●▪–]\s*|[a-zđ]\)\s*|\d{1,2}(?:\.\d{1,2})*\s*[.)/-]\s*|[IVX]{1,5}\s*[.)-]\s*)/u
// "Giao Sở Y tế ...", "Đề nghị Ủy ban MTTQ ...", "Ban Thường vụ Thành ủy yêu cầu các quận ủy ...":
// the unit after these words is the one that acts; what precedes them is the issuer speaking.
const LEAD_IN = /^(?:.*?\s)?(?:giao\s+cho|giao|de\s+nghi|yeu\s+cau)(?:\s+|$)/
// Words that may stand before a unit in a subject: "Các cấp ủy, chính quyền các quận ...", "Chủ tịch
// UBND các quận ...", "Đảng ủy các phường ...". Anything else (a verb, "phối hợp với") makes the unit
// an object, not the subject.
const SUBJECT_HEADS = [
  'cac',
  'moi',
  'tung',
  'cap uy',
  'chinh quyen',
  'dang uy',
  'dang bo',
  'chi bo',
  'pho chu tich',
  'chu tich',
  'giam doc',
  'thu truong',
  'lanh dao',
  'nguoi dung dau',
  'ban thuong vu',
  'thuong truc',
  'ban chi dao',
  'ban can su dang',
  'dang doan',
  'cong an',
  'ubnd',
  'uy ban nhan dan',
  'hdnd',
  'hoi dong nhan dan',
  'to chuc dang',
  'quan uy',
  'huyen uy',
  'thi uy',
  'thanh uy',
  'luc luong',
]
const SUBJECT_HEAD = new RegExp(String.raw`^(?:(?:${SUBJECT_HEADS.join('|')})(?:\s*,\s*|\s+va\s+|\s+))*$`)
// Between co-subjects: "Công an Thành phố, Bộ Tư lệnh Thủ đô", "Sở Y tế, Chủ tịch UBND các quận ...".
const CO_SUBJECT_JOIN = /^(?:\s*,\s*|\s+va\s+|\s+cung\s+)/
// Helpers named without a unit after the subject ("Ủy ban MTTQ Thành phố và các đoàn thể vận động ..."):
// part of the subject, so not of the title.
const UNNAMED_CO_SUBJECT =
  /^(?:va|cung)\s+(?:cac\s+)?(?:doan the(?:\s+chinh tri\s*-\s*xa hoi)?|(?:don vi|co quan|nganh|dia phuong|so, nganh)(?:\s+lien quan)?|luc luong(?:\s+chuc nang)?)(?=[\s,:])/
// Sections that state aims or a situation, not work: "I. MỤC ĐÍCH, YÊU CẦU".
const NON_ACTIONABLE_HEADING = /^(muc dich|yeu cau|muc tieu|quan diem|tinh hinh|ket qua|danh gia)\b/

interface Subject {
  leadIds: string[]
  /** Where the subject (and any "Giao ..." before it) ends in the clause text. */
  end: number
}

interface Group {
  leadIds: string[]
  spans: SentenceSpan[]
  subject: { span: SentenceSpan; end: number } | null
}

/**
 * Proposes tasks from a directive's clauses.
 *
 * Units named in a clause are found in the directory (folded, alias-aware; group phrases such as "các
 * quận, huyện, thị xã" stand for every unit of that level). A sentence's subject, the units at its
 * start before the verb ("Ban cán sự đảng UBND Thành phố chỉ đạo ...", "Giao Sở Y tế chủ trì ...",
 * "Sở Y tế: ..."), leads; co-subjects joined by "," or "và" lead together; every other unit named
 * supports. A clause gives one draft per run of sentences with the same subject: a sentence without
 * its own subject belongs to the draft before it (sentences before the first subject to the first
 * draft), so "1. Sở Y tế: ... 2. Công an Thành phố: ..." inside a section gives two drafts. A clause
 * with no subject at all gives one draft with no lead for the office to assign, unless it only states
 * aims ("MỤC ĐÍCH, YÊU CẦU"). Deadline and rhythm are read from each draft's own text.
 */
export function proposeTaskDrafts(
  clauses: Clause[],
  units: UnitRef[],
  opts: {
    issuedAt: string | null
    /** Read the text on this day's tree (see createUnitMatcher); without it, every unit given counts. */
    on?: string
    /** A matcher already built over `units` for that day (the API caches one per tree version and day). */
    matcher?: (text: string) => UnitMention[]
  },
): TaskDraft[] {
  const match = opts.matcher ?? createUnitMatcher(units, { on: opts.on })
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]))
  const below = (id: string, leads: ReadonlySet<string>) => {
    for (let p = parentOf.get(id); p; p = parentOf.get(p)) if (leads.has(p)) return true
    return false
  }
  return clauses.flatMap((clause) => {
    const mentions = match(clause.text)
    const drafts = draftsOfClause(
      clause,
      mentions.filter((m) => !m.ceased),
      opts.issuedAt,
      below,
    )
    const ceased = mentions.filter((m) => m.ceased)
    return drafts.map((d) => {
      const inDraft = ceased.filter((m) => d.sourceText.includes(clause.text.slice(m.start, m.end)))
      return { ...d, ceasedUnitIds: unique(inDraft.flatMap((m) => m.unitIds)) }
    })
  })
}

function draftsOfClause(
  clause: Clause,
  mentions: UnitMention[],
  issuedAt: string | null,
  below: (id: string, leads: ReadonlySet<string>) => boolean,
): Omit<TaskDraft, 'ceasedUnitIds'>[] {
  const text = clause.text
  const spans = splitSentences(text)
  const groups: Group[] = []
  const before: SentenceSpan[] = []
  for (const span of spans) {
    const subject = findSubject(text, span, mentions)
    const current = groups.at(-1)
    if (subject && !(current && sameIds(current.leadIds, subject.leadIds))) {
      groups.push({ leadIds: subject.leadIds, spans: [span], subject: { span, end: subject.end } })
    } else if (current) current.spans.push(span)
    else before.push(span)
  }
  if (groups.length > 0) groups[0]!.spans.unshift(...before)
  else if (before.length > 0 && !isAimsOnly(text, issuedAt)) groups.push({ leadIds: [], spans: before, subject: null })

  return groups.map((g) => {
    const start = g.spans[0]!.start
    const end = g.spans.at(-1)!.end
    const sourceText = text.slice(start, end)
    const inDraft = mentions.filter((m) => m.start >= start && m.end <= end)
    const leads = new Set(g.leadIds)
    // A group below the leads ("các quận ủy chỉ đạo các xã, phường, thị trấn") is not a supporter of
    // each lead: every lead hands the work down to its own units by cascading its copy. Units named
    // one by one stay supporters.
    const named = unique(inDraft.flatMap((m) => (m.group ? m.unitIds.filter((id) => !below(id, leads)) : m.unitIds)))
    return {
      clauseOrdinal: clause.ordinal,
      title: titleOf(text, g),
      leadUnitIds: g.leadIds,
      supportUnitIds: named.filter((id) => !g.leadIds.includes(id)),
      dueAt: findDeadline(sourceText, issuedAt)?.dueAt ?? null,
      recurrence: findRecurrence(sourceText),
      sourceText,
    }
  })
}

/** The units a sentence opens with, before its verb, if they are its subject. */
function findSubject(text: string, span: SentenceSpan, mentions: UnitMention[]): Subject | null {
  const bodyStart = span.start + markerLength(text.slice(span.start, span.end))
  const inside = mentions.filter((m) => m.start >= bodyStart && m.end <= span.end)
  const first = inside[0]
  if (!first) return null
  const prefix = foldChars(text.slice(bodyStart, first.start))
  // A fronted phrase ends with a comma ("Trong thời gian giãn cách, Công an Thành phố ..."): only what
  // follows the last comma must be subject words.
  let tail = prefix.slice(prefix.lastIndexOf(',') + 1).trimStart()
  tail = tail.slice(LEAD_IN.exec(tail)?.[0].length ?? 0).trim()
  if (!SUBJECT_HEAD.test(tail ? `${tail} ` : '')) return null
  const chain = [first]
  let end = first.end
  for (const next of inside.slice(1)) {
    const gap = foldChars(text.slice(end, next.start))
    const join = CO_SUBJECT_JOIN.exec(gap)
    if (!join || !SUBJECT_HEAD.test(gap.slice(join[0].length))) break
    chain.push(next)
    end = next.end
  }
  // A unit ending its sentence ("- Sở Y tế;") is a list entry, not a subject.
  const rest = text.slice(end, span.end).trim()
  if (!rest || /^[;.]/.test(rest)) return null
  return { leadIds: unique(chain.flatMap((m) => m.unitIds)), end }
}

/**
 * A short imperative title: the subject's sentence without the subject ("Sở Y tế: chủ trì ..." →
 * "Chủ trì ..."), or, with no subject, the first sentence that is not a heading; cut at a word
 * boundary near 160 characters.
 */
function titleOf(text: string, g: Group): string {
  if (g.subject) {
    const { span, end } = g.subject
    const after = text.slice(end, span.end)
    const spaces = after.length - after.trimStart().length
    const unnamed = UNNAMED_CO_SUBJECT.exec(foldChars(after.slice(spaces)))
    const predicate = cleanTitle(after.slice(unnamed ? spaces + unnamed[0].length : 0))
    // "... và các thành viên Đoàn kiểm tra chịu trách nhiệm": the subject goes on, so keep the sentence whole.
    const subjectGoesOn = /^(?:và|cùng)\s/iu.test(predicate)
    if (predicate.length >= 12 && !subjectGoesOn) return predicate
    const next = g.spans[g.spans.indexOf(span) + 1]
    if (next && predicate.length === 0) return cleanTitle(stripMarker(text.slice(next.start, next.end)))
    return cleanTitle(stripMarker(text.slice(span.start, span.end)))
  }
  const sentences = g.spans.map((s) => stripMarker(text.slice(s.start, s.end)))
  const first = sentences.find((s) => !isUpperText(s) && s.length >= 20) ?? sentences[0] ?? ''
  return cleanTitle(first)
}

function cleanTitle(s: string): string {
  const t = s
    .replace(/^[\s:,;–-]+/, '')
    .replace(/^\(\s*chủ trì\s*\)\s*[,:]?\s*/iu, '')
    .replace(/[\s.;:,/]+$/, '')
  const capital = t.charAt(0).toLocaleUpperCase('vi') + t.slice(1)
  return shorten(capital, TITLE_MAX)
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.lastIndexOf(' ', max - 1)
  return `${s.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:]+$/, '')}…`
}

function markerLength(s: string): number {
  return LEADING_MARKER.exec(s)?.[0].length ?? 0
}

function stripMarker(s: string): string {
  return s.slice(markerLength(s))
}

/** A clause without a subject that only states aims or a situation, with no deadline or rhythm. */
function isAimsOnly(text: string, issuedAt: string | null): boolean {
  const heading = foldVietnamese(text.split('\n')[0] ?? '')
  return NON_ACTIONABLE_HEADING.test(heading) && !findDeadline(text, issuedAt) && !findRecurrence(text)
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id))
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}
