// The directive parser's header step: reads the top of a pasted document (issuer and motto columns,
// number, place and date, kind and subject, "Kính gửi") and where its body starts.

import { type DirectiveKind, type DocumentLayout, kindTitles, type Recipient } from './directive'
import { collapse, isBullet, isRule, isUpperText, splitCells, stripBullet } from './directive-text'
import { readSymbolAt } from './document-symbol'
import { readRecipientLine } from './recipient-line'
import { foldChars, foldVietnamese } from './text-fold'
import { isoDate } from './vn-dates'

/** What the top of a document says: both header columns, the kind and subject block, and "Kính gửi". */
export interface DirectiveHeader {
  /** The layout the national motto names, if one was found. */
  layout: DocumentLayout | null
  issuer: string | null
  parentIssuer: string | null
  number: string | null
  place: string | null
  issuedAt: string | null
  /** The kind named by a heading ("CHỈ THỊ"), or CV when a "V/v" subject stands in for one. */
  kind: DirectiveKind | null
  issuedBy: string | null
  title: string | null
  /** Addressees of a letter ("Kính gửi:"), who are asked to act. */
  addressees: Recipient[]
  /** Index of the first line of the body. */
  bodyStart: number
}

const MOTTOS: { pattern: RegExp; layout: DocumentLayout }[] = [
  { pattern: /dang\s+cong\s+san\s+viet\s+nam/, layout: 'party' },
  { pattern: /cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam/, layout: 'state' },
  { pattern: /doc\s+lap\s*[-–]\s*tu\s+do\s*[-–]\s*hanh\s+phuc/, layout: 'state' },
]
const NUMBER_LEAD = /(?<![\p{L}\d])so\s*:?\s*(?=\d)/u
// The day may be left blank in a draft ("ngày    tháng 8 năm 2021").
const DATE_LINE = /ngay[\s._…]*(\d{1,2})?[\s._…]*thang\s*(\d{1,2})[\s._…]*nam\s*(\d{4})/
const URGENCY = new Set(['khan', 'thuong khan', 'hoa toc', 'hoa toc hen gio', 'mat', 'toi mat', 'du thao'])
const KIND_BY_TITLE = new Map<string, DirectiveKind>(
  Object.entries(kindTitles).map(([kind, t]) => [foldVietnamese(t.vi), kind as DirectiveKind]),
)
KIND_BY_TITLE.set('thong bao ket luan', 'TB')
// A body paragraph, not the second line of a wrapped "V/v" subject.
const BODY_OPENING = /^(thuc hien|can cu|kinh gui|theo|ngay|truoc|de|trong thoi gian|hien nay|qua)\b/

/** Reads the header, the kind and subject block and any "Kính gửi" list; the body starts after them. */
export function readHeader(lines: string[]): DirectiveHeader {
  const h: DirectiveHeader = {
    layout: null,
    issuer: null,
    parentIssuer: null,
    number: null,
    place: null,
    issuedAt: null,
    kind: null,
    issuedBy: null,
    title: null,
    addressees: [],
    bodyStart: lines.length,
  }
  const issuerCells: string[] = []
  const subject: string[] = []
  let vvOpen = false
  let i = 0
  for (; i < lines.length; i++) {
    const line = lines[i]!
    if (!line.trim()) {
      vvOpen = false
      continue
    }
    const heading = readKindHeading(line)
    if (heading) {
      h.kind = heading.kind
      h.issuedBy = heading.issuedBy
      i = readTitleBlock(lines, i + 1, h)
      break
    }
    const cells = extractKnownParts(line, h)
    let bodyFound = false
    for (const cell of cells) {
      const folded = foldVietnamese(cell)
      if (isRule(cell) || URGENCY.has(folded)) continue
      if (/^v\s*\/\s*v\b/.test(folded)) {
        subject.push(cell.replace(/^V\s*\/\s*v\s*:?\s*/i, ''))
        vvOpen = true
        continue
      }
      if (vvOpen && subject.length < 3 && isSubjectContinuation(cell)) {
        subject.push(cell)
        continue
      }
      vvOpen = false
      if (isUpperText(cell)) {
        issuerCells.push(collapse(cell))
        continue
      }
      if (/^kinh gui\b/.test(folded)) {
        bodyFound = true
        break
      }
      // Prose before the number and date is a note above the header ("Dự thảo 2"); after them, the body.
      if (h.number || h.issuedAt || h.place) {
        bodyFound = true
        break
      }
    }
    if (bodyFound) break
  }
  if (subject.length > 0 && !h.title) {
    h.title = collapse(subject.join(' '))
    h.kind ??= 'CV'
  }
  const bodies = groupIssuerCells(issuerCells)
  h.issuer = bodies.at(-1) ?? null
  h.parentIssuer = bodies.length > 1 ? bodies.slice(0, -1).join(' ') : null
  h.bodyStart = readAddressees(lines, skipBlank(lines, i), h)
  return h
}

/** "CHỈ THỊ", "KẾ HOẠCH", "KẾT LUẬN CỦA ..." alone on a line, in capitals. */
function readKindHeading(line: string): { kind: DirectiveKind; issuedBy: string | null } | null {
  const text = collapse(line).replace(/:$/, '')
  if (!isUpperText(text)) return null
  const folded = foldVietnamese(text)
  const exact = KIND_BY_TITLE.get(folded)
  if (exact) return { kind: exact, issuedBy: null }
  const m = /^(\S+ \S+) (cua .+)$/.exec(folded)
  const kind = m ? KIND_BY_TITLE.get(m[1]!) : undefined
  return kind ? { kind, issuedBy: text.slice(m![1]!.length + 1) } : null
}

/**
 * Takes the motto, the number and the place-and-date out of a header line wherever they sit (two
 * columns on one line, or one column a line) and returns what is left, cut into cells.
 */
function extractKnownParts(line: string, h: DirectiveHeader): string[] {
  let text = line
  const cut = (start: number, end: number) => {
    text = `${text.slice(0, start)}\t${text.slice(end)}`
  }
  for (const { pattern, layout } of MOTTOS) {
    const m = pattern.exec(foldChars(text))
    if (m) {
      h.layout ??= layout
      cut(m.index, m.index + m[0].length)
    }
  }
  const lead = NUMBER_LEAD.exec(foldChars(text))
  if (lead && !h.number) {
    const symbol = readSymbolAt(text.slice(lead.index + lead[0].length))
    if (symbol) {
      h.number = symbol.symbol
      cut(lead.index, lead.index + lead[0].length + symbol.length)
    }
  }
  const date = DATE_LINE.exec(foldChars(text))
  if (date && !h.place && !h.issuedAt) {
    h.issuedAt = date[1] ? isoDate(Number(date[3]), Number(date[2]), Number(date[1])) : null
    // The place is what precedes ", ngày" in the same cell.
    const before = text.slice(0, date.index).replace(/[\s,]+$/, '')
    const place = before.split(/\t| {2,}/).at(-1) ?? ''
    const cellStart = before.length - place.length
    h.place = collapse(place) || null
    cut(cellStart, date.index + date[0].length)
  }
  return splitCells(text).filter((c) => c !== '*')
}

/** The second line of a wrapped "V/v" subject, not the start of the body. */
function isSubjectContinuation(cell: string): boolean {
  const folded = foldVietnamese(cell)
  return !isUpperText(cell) && cell.length <= 90 && !/:$/.test(cell) && !BODY_OPENING.test(folded)
}

/**
 * Issuer lines as bodies: "ỦY BAN NHÂN DÂN" + "THÀNH PHỐ HÀ NỘI" is one body printed on two lines;
 * "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" + "QUẬN ỦY TÂY HỒ" are the superior body and the issuer.
 */
function groupIssuerCells(cells: string[]): string[] {
  const bodies: string[] = []
  for (const cell of cells) {
    const prev = bodies.at(-1)
    const prevFolded = prev ? foldVietnamese(prev) : ''
    if (prev && (/nhan dan$/.test(prevFolded) || /(,|\bva|\bphong|\bchong)$/.test(prevFolded))) {
      bodies[bodies.length - 1] = `${prev} ${cell}`
    } else {
      bodies.push(cell)
    }
  }
  return bodies
}

/**
 * After the kind heading: "CỦA BAN THƯỜNG VỤ THÀNH ỦY", then the subject line, which may wrap over
 * two or three lines, then a short rule. Returns the index after the block.
 */
function readTitleBlock(lines: string[], start: number, h: DirectiveHeader): number {
  let i = skipBlank(lines, start)
  const first = collapse(lines[i] ?? '')
  if (!h.issuedBy && isUpperText(first) && /^cua /.test(foldVietnamese(first))) {
    h.issuedBy = first
    i = skipBlank(lines, i + 1)
  }
  const subject: string[] = []
  for (; i < lines.length; i++) {
    const text = collapse(lines[i]!)
    if (!text || isRule(text)) break
    if (subject.length > 0 && !continuesSubject(text, subject)) break
    if (/^kinh gui\b/.test(foldVietnamese(text))) break
    subject.push(subject.length === 0 ? text.replace(/^V\s*\/\s*v\s*:?\s*/i, '') : text)
    if (subject.length === 4) {
      i++
      break
    }
  }
  if (subject.length > 0) h.title = subject.join(' ')
  while (i < lines.length && (isRule(lines[i]!) || !lines[i]!.trim())) i++
  return i
}

/** A wrapped subject goes on in lowercase, or with an acronym ("COVID-19 trên địa bàn"), or in capitals if it began so. */
function continuesSubject(text: string, subject: string[]): boolean {
  if (/^\p{Ll}/u.test(text)) return true
  const firstWord = text.split(' ')[0]!
  if (isUpperText(text)) return subject.every(isUpperText)
  return isUpperText(firstWord) && firstWord.length > 1 && /\p{Ll}/u.test(text)
}

/** "Kính gửi: - Sở Y tế; - Công an Thành phố." Returns the index of the first body line. */
function readAddressees(lines: string[], start: number, h: DirectiveHeader): number {
  const first = lines[start]
  if (first === undefined || !/^kinh gui\b/.test(foldVietnamese(first))) return start
  const items: string[] = []
  const rest = collapse(first.replace(/^\s*Kính\s+gửi\s*:?/iu, ''))
  if (rest) items.push(...splitInlineAddressees(rest))
  let i = start + 1
  for (; i < lines.length; i++) {
    const text = collapse(lines[i]!)
    if (!text) {
      if (items.length > 0) break
      continue
    }
    if (isBullet(text)) items.push(stripBullet(text))
    else if (/^\p{Ll}/u.test(text) && items.length > 0) items[items.length - 1] += ` ${text}`
    else break
  }
  for (const item of items) {
    const r = readRecipientLine(item, 'execute')
    if (r) h.addressees.push(r)
  }
  return skipBlank(lines, i)
}

/** "Kính gửi: Sở Y tế; Công an Thành phố" on one line. */
function splitInlineAddressees(text: string): string[] {
  return text
    .split(/;\s*|\s+-\s+/)
    .map((s) => stripBullet(s))
    .filter(Boolean)
}

function skipBlank(lines: string[], i: number): number {
  let j = i
  while (j < lines.length && !lines[j]!.trim()) j++
  return j
}
