// The formal layout of a directive, worked out once and independent of the file format, so that the DOCX and
// PDF renderers only translate blocks into their own terms and both print the same document.

import { type DirectiveDocument, kindTitles } from '@hub/domain'
import { numberLine } from './document-number'
import { issuerLines, normaliseIssuer } from './issuer-name'
import { recipientLines } from './recipient-lines'
import { measureText } from './text-measure'
import { formatPlaceAndDate } from './vn-date'

export type Align = 'left' | 'center' | 'justify'

/** One paragraph in one style. Sizes and spaces are in points. */
export interface TextBlock {
  kind: 'text'
  text: string
  size: number
  bold: boolean
  italic: boolean
  underline: boolean
  align: Align
  /** Body paragraphs start with an indented first line (decree 30: 1 to 1.27 cm). */
  firstLineIndent: boolean
  spaceBefore: number
  spaceAfter: number
  /** Line height as a multiple of the font's single spacing (Word's "Multiple"). */
  lineSpacing: number
  /** Start a new page rather than leave this block at the bottom of one with what follows on the next. */
  keepWithNext: boolean
}

/** A short horizontal rule centred in its column, such as the one under "Độc lập - Tự do - Hạnh phúc". */
export interface RuleBlock {
  kind: 'rule'
  width: number
  spaceAfter: number
  keepWithNext: boolean
}

/** Gap between a line of text and the rule under it, so the rule clears descenders and stacked diacritics. */
export const ruleGap = 3

export type Block = TextBlock | RuleBlock

/** One row of a borderless two-column block; rows keep the number level with the date. */
export interface ColumnsRow {
  left: Block[]
  right: Block[]
}

export interface Columns {
  /** Share of the text width the left column takes, 0 to 1. */
  leftShare: number
  rows: ColumnsRow[]
  spaceBefore: number
}

export interface DirectiveLayout {
  /** Document title for file metadata: "CHỈ THỊ 05-CT/TU về ...". */
  title: string
  header: Columns
  heading: Block[]
  body: Block[]
  foot: Columns
}

/** Type sizes in points. Body 14 and header 13 sit inside both conventions' ranges (13-14 and 12-14). */
export const typeSizes = {
  header: 13,
  body: 14,
  /** 36-HD/VPTW prints the kind larger than the body; decree 30 keeps it at body size. */
  partyKind: 15,
  stateKind: 14,
  signing: 14,
  /** "Nơi nhận:" — 14 in Party documents, 12 in state ones; the recipients themselves 12 and 11. */
  partyRecipientsLabel: 14,
  partyRecipients: 12,
  stateRecipientsLabel: 12,
  stateRecipients: 11,
} as const

/** Paragraph spacing: 6 pt after each body paragraph (decree 30 asks for at least 6). */
export const paragraphSpacing = 6

/** Body line spacing: a little over single keeps stacked Vietnamese diacritics clear of the line above. */
export const bodyLineSpacing = 1.15

/** Blank space left above the signer's name for the signature and seal. */
export const signatureSpace = 72

/** Length of the short rule under a Party subject line, about what the customary "-----" occupies. */
const partySubjectRule = 48

/** Lays a directive out in the convention its `layout` names: Party (36-HD/VPTW) or state (decree 30/2020). */
export function layoutDirective(doc: DirectiveDocument): DirectiveLayout {
  const kindTitle = kindTitles[doc.kind].vi
  const number = numberLine(doc)
  const header = doc.layout === 'party' ? partyHeader(doc, number) : stateHeader(doc, number)
  // A letter (công văn) has no kind title: its subject, "V/v ...", stands under the number.
  if (doc.kind === 'CV') header.rows[1]!.left.push(subjectLine(doc))
  if (doc.draft) header.rows.unshift({ left: [], right: [draftMark()] })
  return {
    title: [kindTitle, doc.number ?? '', doc.title].filter(Boolean).join(' '),
    header,
    heading: doc.kind === 'CV' ? addressees(doc) : heading(doc, kindTitle),
    body: body(doc),
    foot: foot(doc),
  }
}

/** "DỰ THẢO" above the header of a document not yet issued, so no copy of a draft passes for the real one. */
function draftMark(): TextBlock {
  return text('DỰ THẢO', typeSizes.header, { bold: true, spaceAfter: 6 })
}

/**
 * A letter's "Kính gửi:" (decree 30 and 36-HD/VPTW): the units asked to act, under the header and
 * before the text; one on the same line, several as a list.
 */
function addressees(doc: DirectiveDocument): Block[] {
  const names = doc.recipients.filter((r) => r.capacity === 'execute').map((r) => r.name.trim())
  const style = { spaceBefore: 18, keepWithNext: true } as const
  if (!names.length) return [text(' ', typeSizes.body, { ...style, spaceAfter: 6 })]
  if (names.length === 1) return [text(`Kính gửi: ${names[0]}.`, typeSizes.body, { ...style, spaceAfter: 12 })]
  return [
    text('Kính gửi:', typeSizes.body, style),
    ...names.map((name, i) =>
      text(`- ${name}${i === names.length - 1 ? '.' : ';'}`, typeSizes.body, {
        keepWithNext: true,
        spaceAfter: i === names.length - 1 ? 12 : 0,
      }),
    ),
  ]
}

/** Size of a letter's "V/v" subject line: 12 pt (decree 30 allows 12-13, 36-HD/VPTW prints 12). */
export const letterSubjectSize = 12

/**
 * A letter's subject under its number, centred in the left column: "V/v ..." upright in state letters
 * (decree 30), italic in Party ones (36-HD/VPTW).
 */
function subjectLine(doc: DirectiveDocument): TextBlock {
  const subject = doc.title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(v\/v|về việc)\s*/iu, '')
  return text(`V/v ${subject}`, letterSubjectSize, { italic: doc.layout === 'party', spaceBefore: 2 })
}

/** A paragraph of `value` in `size` points, centred and unspaced unless `style` says otherwise. */
export function text(
  value: string,
  size: number,
  style: Partial<Omit<TextBlock, 'kind' | 'text' | 'size'>> = {},
): TextBlock {
  return {
    kind: 'text',
    text: value.normalize('NFC'),
    size,
    bold: false,
    italic: false,
    underline: false,
    align: 'center',
    firstLineIndent: false,
    spaceBefore: 0,
    spaceAfter: 0,
    lineSpacing: 1,
    keepWithNext: false,
    ...style,
  }
}

function rule(width: number, spaceAfter: number): RuleBlock {
  return { kind: 'rule', width, spaceAfter, keepWithNext: false }
}

/** 36-HD/VPTW: issuer (under its parent, if any) with a star beneath on the left, the Party's name underlined on the right. */
function partyHeader(doc: DirectiveDocument, number: string): Columns {
  const size = typeSizes.header
  const left: Block[] = []
  if (doc.parentIssuer) left.push(text(normaliseIssuer(doc.parentIssuer), size))
  for (const line of issuerLines(doc.issuer)) left.push(text(line, size, { bold: true }))
  left.push(text('*', size))
  return {
    leftShare: 0.45,
    spaceBefore: 0,
    rows: [
      { left, right: [text('ĐẢNG CỘNG SẢN VIỆT NAM', size, { bold: true, underline: true })] },
      {
        left: [text(number, size)],
        right: [text(formatPlaceAndDate(doc.place, doc.issuedAt), size, { italic: true })],
      },
    ],
  }
}

/** Decree 30: issuer with a short rule under it on the left, the national title and motto with a rule on the right. */
function stateHeader(doc: DirectiveDocument, number: string): Columns {
  const size = typeSizes.header
  const left: Block[] = []
  if (doc.parentIssuer) left.push(text(normaliseIssuer(doc.parentIssuer), size))
  const lines = issuerLines(doc.issuer)
  for (const line of lines) left.push(text(line, size, { bold: true }))
  // The decree asks for a rule a third to a half as long as the line above it.
  const issuerWidth = measureText(lines.at(-1) ?? '', 'bold', size)
  left.push(rule(Math.max(36, issuerWidth * 0.45), 4))
  const motto = 'Độc lập - Tự do - Hạnh phúc'
  return {
    leftShare: 0.38,
    spaceBefore: 0,
    rows: [
      {
        left,
        right: [
          text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size, { bold: true }),
          text(motto, size, { bold: true }),
          rule(measureText(motto, 'bold', size), 4),
        ],
      },
      {
        left: [text(number, size)],
        right: [text(formatPlaceAndDate(doc.place, doc.issuedAt), size, { italic: true })],
      },
    ],
  }
}

function heading(doc: DirectiveDocument, kindTitle: string): Block[] {
  const party = doc.layout === 'party'
  const blocks: Block[] = [
    text(kindTitle, party ? typeSizes.partyKind : typeSizes.stateKind, { bold: true, spaceBefore: 18 }),
  ]
  // A state decision names its authority under the subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN ..."); other kinds above it.
  const authorityBelow = !party && doc.kind === 'QD'
  if (doc.issuedBy?.trim() && !authorityBelow)
    blocks.push(text(normaliseIssuer(doc.issuedBy), typeSizes.body, { bold: true }))
  blocks.push(text(doc.title.replace(/\s+/g, ' ').trim(), typeSizes.body, { bold: true }))
  const subjectWidth = measureText(doc.title, 'bold', typeSizes.body)
  const ruleWidth = party ? partySubjectRule : Math.min(Math.max(48, subjectWidth / 3), 150)
  blocks.push(rule(ruleWidth, 12))
  if (doc.issuedBy?.trim() && authorityBelow)
    blocks.push(text(normaliseIssuer(doc.issuedBy), typeSizes.body, { bold: true, spaceAfter: 6 }))
  // The heading never ends a page without the body under it.
  return blocks.map((block) => ({ ...block, keepWithNext: true }))
}

function bodyParagraph(value: string): TextBlock {
  return text(value, typeSizes.body, {
    align: 'justify',
    firstLineIndent: true,
    spaceAfter: paragraphSpacing,
    lineSpacing: bodyLineSpacing,
  })
}

/** Text fields separate paragraphs with line breaks; blank lines carry no meaning. */
export function splitParagraphs(value: string): string[] {
  return value
    .split('\n')
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

function body(doc: DirectiveDocument): Block[] {
  const blocks: Block[] = splitParagraphs(doc.preamble).map(bodyParagraph)
  // A state decision: its grounds, then "QUYẾT ĐỊNH:" centred, then articles "Điều 1." (decree 30).
  const decision = doc.layout === 'state' && doc.kind === 'QD'
  if (decision)
    blocks.push(text('QUYẾT ĐỊNH:', typeSizes.body, { bold: true, spaceBefore: 6, spaceAfter: 6, keepWithNext: true }))
  for (const clause of [...doc.clauses].sort((a, b) => a.ordinal - b.ordinal)) {
    const paragraphs = splitParagraphs(clause.text)
    const marker = decision ? `Điều ${clause.ordinal}.` : `${clause.ordinal}.`
    const first = paragraphs[0] ?? ''
    // Imported clauses sometimes keep their printed number; do not print it twice.
    paragraphs[0] = first.startsWith(marker) ? first : `${marker} ${first}`.trim()
    blocks.push(...paragraphs.map(bodyParagraph))
  }
  blocks.push(...splitParagraphs(doc.closing).map(bodyParagraph))
  // Offices never let the signature stand alone on the last page: the closing paragraph goes over with it.
  const last = blocks.at(-1)
  if (last) blocks[blocks.length - 1] = { ...last, keepWithNext: true }
  return blocks
}

function foot(doc: DirectiveDocument): Columns {
  const party = doc.layout === 'party'
  const labelSize = party ? typeSizes.partyRecipientsLabel : typeSizes.stateRecipientsLabel
  const lineSize = party ? typeSizes.partyRecipients : typeSizes.stateRecipients
  const left: Block[] = [
    text('Nơi nhận:', labelSize, { bold: true, italic: true, underline: party, align: 'left' }),
    ...recipientLines(doc.layout, doc.recipients).map((line) => text(line, lineSize, { align: 'left' })),
  ]
  const signer = doc.signer
  const right: Block[] = []
  if (signer.onBehalfOf.trim()) right.push(text(normaliseIssuer(signer.onBehalfOf), typeSizes.signing, { bold: true }))
  if (signer.title.trim()) right.push(text(normaliseIssuer(signer.title), typeSizes.signing, { bold: true }))
  right.push(text(signer.name.trim() || ' ', typeSizes.signing, { bold: true, spaceBefore: signatureSpace }))
  return { leftShare: 0.5, spaceBefore: 6, rows: [{ left, right }] }
}
