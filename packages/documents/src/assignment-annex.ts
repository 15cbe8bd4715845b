/**
 * The assignment table of a directive or a meeting printed as the annex of its implementation plan ("Phụ lục phân
 * công nhiệm vụ"): a landscape A4 table in DOCX and PDF under the issuer's header, and the same rows as a spreadsheet.
 * The table is laid out once (cells as paragraphs, wrapped with the Tinos metrics) and each format only draws it.
 */
import { type DirectiveDocument, formatVnDate, kindFromSymbol, kindTitles } from '@hub/domain'
import {
  AlignmentType,
  BorderStyle,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { type Block, type Columns, layoutDirective, text, typeSizes } from './directive-layout'
import { columnsTable, formalDocument, paragraph } from './docx-layout'
import { type FontFace, fontFaces, tinosFiles, wordFontName } from './fonts'
import { marginsMm, mmToPt, mmToTwip, pageMm, ptToTwip } from './page-geometry'
import { collect, drawBlock, drawColumns, numberPages } from './pdf-layout'
import { measureText } from './text-measure'
import { parseIsoDate } from './vn-date'

/** One row of the annex, already worded in Vietnamese. */
export interface AnnexRow {
  /** STT. */
  ordinal: number
  /** Nhiệm vụ: the short title. */
  title: string
  /** The clause text, printed under the title in smaller type unless it repeats the title. */
  description: string
  clauseOrdinal: number | null
  /** Đơn vị chủ trì. */
  leads: string[]
  /** Đơn vị phối hợp. */
  supports: string[]
  /** Người chịu trách nhiệm (name, position). */
  accountable: string | null
  /** YYYY-MM-DD, printed dd/mm/yyyy. */
  dueAt: string | null
  /** "Hằng ngày", "Thường xuyên"… */
  rhythm: string | null
  /** "Hằng tuần"… */
  reportCycle: string | null
  note: string
  /** "Đã giao", "Chờ ban hành", "Chưa chốt". */
  state: string
}

export interface AnnexInput {
  layout: DirectiveDocument['layout']
  /** The issuing body's printed name, as the directive export takes it ("THÀNH ỦY HÀ NỘI"). */
  issuer: string
  /** "05-CT/TU"; null for a draft or a meeting. */
  directiveNumber: string | null
  /** "về ..." or the meeting's title. */
  directiveTitle: string
  /** YYYY-MM-DD. */
  issuedAt: string | null
  /** Default "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ". */
  heading?: string
  /** Not issued yet: "DỰ THẢO" above the header, as the directive export marks it. */
  draft: boolean
  rows: AnnexRow[]
  /**
   * What the "Kèm theo" line calls the parent document ("Chỉ thị", "Thông báo kết luận") when the number's symbol
   * does not say it (a draft, a meeting); default: the kind the symbol names, else "văn bản".
   */
  documentKind?: string | null
  /**
   * Who issued it as the heading names it ("CỦA BAN THƯỜNG VỤ THÀNH ỦY"); the "Kèm theo" line prefers it to the
   * issuer, as offices cite "của Ban Thường vụ Thành ủy" rather than the whole body.
   */
  issuedBy?: string | null
}

export const defaultAnnexHeading = 'PHỤ LỤC PHÂN CÔNG NHIỆM VỤ'

// ---------------------------------------------------------------------------------------------------------------
// Geometry: the portrait sheet turned a quarter so that its binding edge (the wide left margin) becomes the top, as a
// landscape annex bound into a portrait plan is read; the narrow right margin becomes the bottom.

const landscapeMm = { width: pageMm.height, height: pageMm.width } as const
const landscapeMarginsMm = {
  top: marginsMm.left,
  bottom: marginsMm.right,
  left: marginsMm.top,
  right: marginsMm.bottom,
} as const
const tableWidthMm = landscapeMm.width - landscapeMarginsMm.left - landscapeMarginsMm.right

/** Type sizes inside the table: 12 pt (the range annexes use), the clause text a point smaller. */
const cellSize = 12
const detailSize = 11
/** Space between paragraphs of one cell, in points. */
const cellParagraphGap = 2
/** Cell padding in millimetres. */
const cellPadMm = { x: 1.5, y: 1 } as const
/**
 * A single line of Times New Roman / Tinos (ascent, descent and line gap) is 1.15 em, which is what Word and pdfkit
 * advance by; the layout uses it to know which rows fit on a page.
 */
const lineHeightEm = 1.15
/** A cell lists up to this many units one a line; a longer list (the 30 districts) is grouped by kind of area. */
const unitsOneALine = 5

type CellAlign = 'left' | 'center'

interface ColumnSpec {
  title: string
  widthMm: number
  align: CellAlign
}

const columnSpecs: readonly ColumnSpec[] = [
  { title: 'STT', widthMm: 12, align: 'center' },
  { title: 'Nhiệm vụ', widthMm: 62, align: 'left' },
  { title: 'Đơn vị chủ trì', widthMm: 33, align: 'left' },
  { title: 'Đơn vị phối hợp', widthMm: 48, align: 'left' },
  { title: 'Người chịu trách nhiệm', widthMm: 32, align: 'left' },
  { title: 'Thời hạn', widthMm: 23, align: 'center' },
  { title: 'Định kỳ / kỳ báo cáo', widthMm: 24, align: 'center' },
]
const columns: readonly ColumnSpec[] = [
  ...columnSpecs,
  { title: 'Ghi chú', widthMm: tableWidthMm - columnSpecs.reduce((sum, c) => sum + c.widthMm, 0), align: 'left' },
]

/** One paragraph of a cell, and the lines it wraps into in its column. */
interface CellParagraph {
  text: string
  face: FontFace
  size: number
  align: CellAlign
  lines: string[]
}

type Cell = CellParagraph[]

interface TableRowLayout {
  cells: Cell[]
  /** Height in points with padding, as the layout measures it. */
  height: number
}

interface AnnexLayout {
  header: Columns
  heading: Block[]
  columnHeader: TableRowLayout
  rows: TableRowLayout[]
}

// ---------------------------------------------------------------------------------------------------------------
// Wording

/** "2021-07-30" → "30/7/2021", padding as decree 30 pads dates (days below 10, January and February). */
export function shortVnDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate)
  return `${day < 10 ? `0${day}` : day}/${month < 3 ? `0${month}` : month}/${year}`
}

/** Capitalised words that running text writes in a fixed case; anything else is a proper name, capitalised. */
const runningTextPhrases: readonly string[] = [
  'Ban Thường vụ',
  'Thường trực',
  'Ban cán sự đảng',
  'Đảng đoàn',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Ủy ban Kiểm tra',
  'Ban Chỉ đạo',
  'Thành ủy',
  'Tỉnh ủy',
  'Quận ủy',
  'Huyện ủy',
  'Thị ủy',
  'Đảng ủy',
  'thành phố',
  'thị xã',
  'quận',
  'huyện',
  'tỉnh',
  'phường',
  'xã',
]

const upper = (value: string) => value.toLocaleUpperCase('vi')
const capitalise = (word: string) => word.charAt(0) + word.slice(1).toLocaleLowerCase('vi')

/**
 * A body's printed capitals as running text writes them: "THÀNH ỦY HÀ NỘI" → "Thành ủy Hà Nội",
 * "CỦA BAN THƯỜNG VỤ THÀNH ỦY" → "Ban Thường vụ Thành ủy". A name already in mixed case is kept.
 */
export function issuerInRunningText(name: string): string {
  const words = name
    .normalize('NFC')
    .replace(/UỶ/g, 'ỦY')
    .replace(/^\s*của\s+/iu, '')
    .split(/\s+/)
    .filter(Boolean)
  if (words.join(' ') !== upper(words.join(' '))) return words.join(' ')
  const out: string[] = []
  for (let i = 0; i < words.length; ) {
    const phrase = runningTextPhrases.find((candidate) => {
      const parts = candidate.split(' ')
      return upper(candidate) === words.slice(i, i + parts.length).join(' ')
    })
    if (phrase) {
      out.push(phrase)
      i += phrase.split(' ').length
    } else {
      out.push(capitalise(words[i]!))
      i += 1
    }
  }
  return out.join(' ')
}

/** "(Kèm theo Chỉ thị số 05-CT/TU ngày 30/7/2021 của Ban Thường vụ Thành ủy)". */
export function attachedToLine(input: AnnexInput): string {
  const number = input.directiveNumber?.trim().replace(/^Số:?\s*/i, '') || null
  const symbolKind = number ? kindFromSymbol(number) : null
  const kind =
    input.documentKind?.trim() || (symbolKind ? capitalise(kindTitles[symbolKind].vi.normalize('NFC')) : 'văn bản')
  const parts = ['Kèm theo']
  if (input.draft && !number) parts.push('dự thảo')
  parts.push(kind)
  if (number) parts.push(`số ${number}`)
  if (input.issuedAt) parts.push(`ngày ${shortVnDate(input.issuedAt)}`)
  parts.push(`của ${issuerInRunningText(input.issuedBy?.trim() || input.issuer.replace(/\n/g, ' '))}`)
  return `(${parts.join(' ')})`
}

/** A unit named after an administrative area: "UBND quận Ba Đình" is "UBND quận" and "Ba Đình". */
const areaUnit = /^(.*\S)\s+(quận|huyện|thị xã|thành phố|phường|xã|thị trấn)\s+(\S.*)$/u

/**
 * A long list of units (the 30 districts) written as offices write it, one line a kind of area:
 * "UBND các quận: Ba Đình, Hoàn Kiếm, ...". Units that share their kind of area with no other stay whole.
 */
export function groupUnits(names: readonly string[]): string[] {
  const groups = new Map<string, string[]>()
  const keyOf = (name: string) => {
    const match = areaUnit.exec(name)
    return match ? `${match[1]} các ${match[2]}` : `\u0000${name}`
  }
  for (const name of names) {
    const key = keyOf(name)
    groups.set(key, [...(groups.get(key) ?? []), name])
  }
  const lines = [...groups].map(([key, members]) =>
    members.length > 1 ? `${key}: ${members.map((name) => areaUnit.exec(name)![3]).join(', ')}` : members[0]!,
  )
  return lines.map((line, index) => (index < lines.length - 1 ? `${line};` : line))
}

/**
 * The units of a cell: a short list one a line; a long one grouped by kind of area and in smaller type, so that the
 * row of the 30 districts stays well within a page.
 */
function unitParagraphs(units: readonly string[]): (string | [string, FontFace, number])[] {
  const names = units.map((unit) => unit.replace(/\s+/g, ' ').trim()).filter(Boolean)
  if (names.length <= unitsOneALine) return names
  return groupUnits(names).map((line): [string, FontFace, number] => [line, 'regular', detailSize])
}

function splitText(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

/** The task's cell: its title, then the clause it comes from in smaller type unless that only repeats the title. */
function taskParagraphs(row: AnnexRow): [string, FontFace, number][] {
  const title = row.title.replace(/\s+/g, ' ').trim()
  const description = splitText(row.description)
  const out: [string, FontFace, number][] = [[title, 'bold', cellSize]]
  if (description.join(' ') === title || !description.length) return out
  const marker = row.clauseOrdinal === null ? '' : `${row.clauseOrdinal}.`
  // Quote the clause as the directive prints it, number first, unless the text already carries it.
  if (marker && !description[0]!.startsWith(marker)) description[0] = `${marker} ${description[0]}`
  return [...out, ...description.map((line): [string, FontFace, number] => [line, 'regular', detailSize])]
}

function rhythmParagraphs(row: AnnexRow): string[] {
  const out: string[] = []
  if (row.rhythm?.trim()) out.push(row.rhythm.trim())
  if (row.reportCycle?.trim()) out.push(`Báo cáo: ${row.reportCycle.trim().toLocaleLowerCase('vi')}`)
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

const wordWidths = new Map<string, number>()

/**
 * Width of a word at 1 pt, remembered: pdfkit lays out every string it measures (milliseconds each), and a table
 * repeats the same few hundred words. A line is then its words plus its spaces; kerning across a space is nil.
 */
function wordWidth(word: string, face: FontFace): number {
  const key = `${face}\u0000${word}`
  let width = wordWidths.get(key)
  if (width === undefined) {
    width = measureText(word, face, 1)
    wordWidths.set(key, width)
  }
  return width
}

/** Width of a line of text in points, from the remembered word widths. */
function textWidth(text: string, face: FontFace, size: number): number {
  const words = text.split(' ')
  return (
    (words.reduce((sum, word) => sum + wordWidth(word, face), 0) + (words.length - 1) * wordWidth(' ', face)) * size
  )
}

/** Splits `text` into lines no wider than `width` points, at spaces, or inside a word longer than the column. */
export function wrapText(text: string, face: FontFace, size: number, width: number): string[] {
  const space = wordWidth(' ', face) * size
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const advance = wordWidth(word, face) * size
    if (line && lineWidth + space + advance <= width) {
      line = `${line} ${word}`
      lineWidth += space + advance
      continue
    }
    if (line) lines.push(line)
    line = word
    lineWidth = advance
    while (lineWidth > width) {
      // A word wider than the column (a long symbol, a web address) breaks between characters.
      const chars = Array.from(line)
      let fit = 1
      while (fit < chars.length && measureText(chars.slice(0, fit + 1).join(''), face, size) <= width) fit += 1
      lines.push(chars.slice(0, fit).join(''))
      line = chars.slice(fit).join('')
      lineWidth = measureText(line, face, size)
    }
  }
  if (line) lines.push(line)
  return lines
}

const lineHeight = (size: number) => size * lineHeightEm

function cellWidthPt(column: number): number {
  return mmToPt(columns[column]!.widthMm - 2 * cellPadMm.x)
}

function cell(
  column: number,
  paragraphs: readonly (string | [string, FontFace, number])[],
  face?: FontFace,
  align: CellAlign = columns[column]!.align,
): Cell {
  const width = cellWidthPt(column)
  return paragraphs.map((entry) => {
    const [text, paragraphFace, size] = typeof entry === 'string' ? [entry, face ?? 'regular', cellSize] : entry
    const value = text.normalize('NFC')
    return { text: value, face: paragraphFace, size, align, lines: wrapText(value, paragraphFace, size, width) }
  })
}

/** Height of a cell's text in points, without padding. */
function cellTextHeight(paragraphs: Cell): number {
  return paragraphs.reduce(
    (sum, p, index) => sum + (index ? cellParagraphGap : 0) + p.lines.length * lineHeight(p.size),
    0,
  )
}

function tableRow(cells: Cell[]): TableRowLayout {
  return { cells, height: Math.max(...cells.map(cellTextHeight)) + 2 * mmToPt(cellPadMm.y) }
}

/** Lays the annex out once for every format: the issuer's header, the heading lines and the table. */
function layoutAnnex(input: AnnexInput): AnnexLayout {
  const number = input.directiveNumber?.trim() || null
  const directive: DirectiveDocument = {
    layout: input.layout,
    issuer: input.issuer,
    kind: (number && kindFromSymbol(number)) || 'CT',
    number,
    place: '',
    issuedAt: input.issuedAt,
    title: input.directiveTitle,
    preamble: '',
    clauses: [],
    closing: '',
    recipients: [],
    signer: { onBehalfOf: '', title: '', name: '' },
    draft: input.draft,
  }
  // The directive's own header (and its draft mark) without the number-and-date row: the "Kèm theo" line says both.
  const directiveHeader = layoutDirective(directive).header
  const header: Columns = { ...directiveHeader, rows: directiveHeader.rows.slice(0, -1) }
  const title = input.directiveTitle.replace(/\s+/g, ' ').trim()
  const heading: Block[] = [
    text(input.heading?.trim() || defaultAnnexHeading, typeSizes.body, {
      bold: true,
      spaceBefore: 12,
      keepWithNext: true,
    }),
    ...(title ? [text(title, typeSizes.body, { bold: true, keepWithNext: true })] : []),
    text(attachedToLine(input), typeSizes.body, { italic: true, spaceBefore: 2, spaceAfter: 10, keepWithNext: true }),
  ]
  const columnHeader = tableRow(columns.map((column, index) => cell(index, [column.title], 'bold', 'center')))
  const rows = input.rows.map((row) =>
    tableRow([
      cell(0, [String(row.ordinal)]),
      cell(1, taskParagraphs(row)),
      cell(2, unitParagraphs(row.leads)),
      cell(3, unitParagraphs(row.supports)),
      cell(4, row.accountable?.trim() ? [row.accountable.trim()] : []),
      cell(5, row.dueAt ? [formatVnDate(row.dueAt)] : []),
      cell(6, rhythmParagraphs(row)),
      cell(7, [
        ...splitText(row.note),
        ...(row.state.trim() ? [[row.state.trim(), 'italic', cellSize] as [string, FontFace, number]] : []),
      ]),
    ]),
  )
  return { header, heading, columnHeader, rows }
}

/** Height available to the table on a page that holds nothing else but the repeated column header. */
function tablePageHeight(layout: AnnexLayout): number {
  return mmToPt(landscapeMm.height - landscapeMarginsMm.top - landscapeMarginsMm.bottom) - layout.columnHeader.height
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX

const docxAlign = { left: AlignmentType.LEFT, center: AlignmentType.CENTER } as const
const docxBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
const docxBorders = {
  top: docxBorder,
  bottom: docxBorder,
  left: docxBorder,
  right: docxBorder,
  insideHorizontal: docxBorder,
  insideVertical: docxBorder,
}

/** A cell of the Word table; the column header's cells are centred vertically, as the PDF draws them. */
function docxCell(paragraphs: Cell, column: number, middle = false): TableCell {
  return new TableCell({
    width: { size: mmToTwip(columns[column]!.widthMm), type: WidthType.DXA },
    verticalAlign: middle ? VerticalAlign.CENTER : VerticalAlign.TOP,
    children: paragraphs.length
      ? paragraphs.map(
          (p, index) =>
            new Paragraph({
              alignment: docxAlign[p.align],
              spacing: { before: index ? ptToTwip(cellParagraphGap) : 0, after: 0 },
              children: [
                new TextRun({
                  text: p.text,
                  font: wordFontName,
                  size: p.size * 2,
                  bold: p.face === 'bold' || p.face === 'boldItalic',
                  italics: p.face === 'italic' || p.face === 'boldItalic',
                }),
              ],
            }),
        )
      : [new Paragraph({})],
  })
}

/** Renders the annex as a Word document: landscape A4, the column header repeated on every page. */
export async function renderAnnexDocx(input: AnnexInput): Promise<Buffer> {
  const layout = layoutAnnex(input)
  const pageHeight = tablePageHeight(layout)
  const width = mmToTwip(tableWidthMm)
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns.map((column) => mmToTwip(column.widthMm)),
    layout: TableLayoutType.FIXED,
    borders: docxBorders,
    margins: {
      top: mmToTwip(cellPadMm.y),
      bottom: mmToTwip(cellPadMm.y),
      left: mmToTwip(cellPadMm.x),
      right: mmToTwip(cellPadMm.x),
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: layout.columnHeader.cells.map((c, index) => docxCell(c, index, true)),
      }),
      ...layout.rows.map(
        (row) =>
          new TableRow({
            // A row is kept whole unless it is taller than a page, which Word could otherwise not place at all.
            cantSplit: row.height <= pageHeight,
            children: row.cells.map((c, index) => docxCell(c, index)),
          }),
      ),
    ],
  })
  const document = formalDocument({
    meta: {
      title: input.heading?.trim() || defaultAnnexHeading,
      creator: input.issuer,
      description: attachedToLine(input),
    },
    orientation: 'landscape',
    margins: landscapeMarginsMm,
    embedFonts: true,
    children: [columnsTable(layout.header, width), ...layout.heading.map((block) => paragraph(block, width)), table],
  })
  return Packer.toBuffer(document)
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

type Pdf = PDFKit.PDFDocument

const pdfLeft = mmToPt(landscapeMarginsMm.left)
const pdfTableWidth = mmToPt(tableWidthMm)
const ruleWidth = 0.5
/** A row taller than a page starts on the current one only if this much room is left; else it starts a new page. */
const minimumSplitHeight = 4 * lineHeight(cellSize)

/** A line of a cell placed at `top` points below the row's first line. */
interface PlacedLine {
  text: string
  face: FontFace
  size: number
  align: CellAlign
  top: number
  bottom: number
}

function placeLines(paragraphs: Cell): PlacedLine[] {
  const placed: PlacedLine[] = []
  let y = 0
  for (const [index, p] of paragraphs.entries()) {
    if (index) y += cellParagraphGap
    for (const text of p.lines) {
      placed.push({ text, face: p.face, size: p.size, align: p.align, top: y, bottom: y + lineHeight(p.size) })
      y += lineHeight(p.size)
    }
  }
  return placed
}

/** Sets face and size only when they change: pdfkit's `font()` costs milliseconds even for a registered face. */
function fontSwitcher(pdf: Pdf): (face: FontFace, size: number) => Pdf {
  let current = ''
  return (face, size) => {
    // The default face is cached under its path; asked for by its registered name, pdfkit would re-read the file.
    if (current !== face) pdf.font(face === 'regular' ? tinosFiles.regular : face)
    current = face
    return pdf.fontSize(size)
  }
}

/**
 * Draws the lines of each cell from `from[i]` that fit in `room` points at `y`, with the cells' borders; returns where
 * each cell stopped and the height drawn. The column header's cells are centred vertically.
 */
function drawRowPart(
  pdf: Pdf,
  use: ReturnType<typeof fontSwitcher>,
  part: { cells: PlacedLine[][]; from: number[]; y: number; room: number; middle?: boolean },
) {
  const { cells, from, y, room } = part
  const padX = mmToPt(cellPadMm.x)
  const padY = mmToPt(cellPadMm.y)
  const to = [...from]
  const used = cells.map((lines, column) => {
    const start = lines[from[column]!]?.top ?? 0
    while (to[column]! < lines.length && lines[to[column]!]!.bottom - start <= room - 2 * padY) to[column]! += 1
    return to[column]! > from[column]! ? lines[to[column]! - 1]!.bottom - start : 0
  })
  const height = Math.max(...used) + 2 * padY
  let x = pdfLeft
  for (const [column, lines] of cells.entries()) {
    const width = mmToPt(columns[column]!.widthMm)
    const start = (lines[from[column]!]?.top ?? 0) - (part.middle ? (height - 2 * padY - used[column]!) / 2 : 0)
    for (const line of lines.slice(from[column], to[column])) {
      const inner = width - 2 * padX
      const offset = line.align === 'center' ? (inner - textWidth(line.text, line.face, line.size)) / 2 : 0
      use(line.face, line.size).text(line.text, x + padX + offset, y + padY + line.top - start, { lineBreak: false })
    }
    pdf.rect(x, y, width, height).lineWidth(ruleWidth).stroke()
    x += width
  }
  return { to, height }
}

/** Draws the table from `pdf.y`, the column header first on every page, rows kept whole unless taller than a page. */
function drawTable(pdf: Pdf, layout: AnnexLayout): void {
  const top = pdf.page.margins.top
  const bottom = pdf.page.height - pdf.page.margins.bottom
  const pageRoom = tablePageHeight(layout)
  const header = layout.columnHeader.cells.map(placeLines)
  const use = fontSwitcher(pdf)
  // Our own cursor: pdfkit moves `pdf.y` with every line of text drawn.
  let y = pdf.y
  const drawHeader = () => {
    const from = header.map(() => 0)
    y += drawRowPart(pdf, use, { cells: header, from, y, room: Number.POSITIVE_INFINITY, middle: true }).height
  }
  const newPage = () => {
    pdf.addPage()
    y = top
    drawHeader()
  }
  // The column header never ends a page alone: it goes over with a first row that moves to the next page whole.
  const first = layout.rows[0]
  const firstNeeds = !first ? 0 : first.height <= pageRoom ? first.height : minimumSplitHeight
  if (y + layout.columnHeader.height + firstNeeds > bottom) {
    pdf.addPage()
    y = top
  }
  drawHeader()
  for (const row of layout.rows) {
    const room = bottom - y
    if (row.height > room && (row.height <= pageRoom || room < minimumSplitHeight)) newPage()
    const cells = row.cells.map(placeLines)
    let from = cells.map(() => 0)
    for (;;) {
      const part = drawRowPart(pdf, use, { cells, from, y, room: bottom - y })
      y += part.height
      from = part.to
      if (cells.every((lines, column) => from[column] === lines.length)) break
      newPage()
    }
  }
  pdf.x = pdfLeft
  pdf.y = y
}

/** Renders the annex as PDF: landscape A4, Tinos embedded, the table wrapped and paginated here. */
export async function renderAnnexPdf(input: AnnexInput): Promise<Buffer> {
  const layout = layoutAnnex(input)
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: {
      top: mmToPt(landscapeMarginsMm.top),
      bottom: mmToPt(landscapeMarginsMm.bottom),
      left: pdfLeft,
      right: mmToPt(landscapeMarginsMm.right),
    },
    bufferPages: true,
    font: tinosFiles.regular,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: input.heading?.trim() || defaultAnnexHeading,
      Author: input.issuer,
      Subject: attachedToLine(input),
      Creator: 'Coordination hub',
    },
  })
  for (const face of fontFaces) pdf.registerFont(face, tinosFiles[face])
  const output = collect(pdf)
  drawColumns(pdf, layout.header, pdfLeft, pdfTableWidth)
  for (const block of layout.heading) drawBlock(pdf, block, pdfLeft, pdfTableWidth)
  drawTable(pdf, layout)
  numberPages(pdf, pdfLeft, pdfTableWidth)
  pdf.end()
  return output
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

/** A spreadsheet column: its header, its width, what a row shows in it, and its number format if any. */
interface SheetColumn {
  title: string
  width: number
  value: (row: AnnexRow) => string | number | Date | null
  numFmt?: string
}

/** A due day as a cell: midnight UTC, since ExcelJS turns a Date into a serial day in UTC, so the cell holds exactly that calendar day. */
function dueCell(dueAt: string | null): Date | null {
  if (!dueAt) return null
  const { year, month, day } = parseIsoDate(dueAt)
  return new Date(Date.UTC(year, month - 1, day))
}

/** Spreadsheet columns: the printed ones, with the clause, cycles and state apart so that they can be filtered. */
const sheetColumns: readonly SheetColumn[] = [
  { title: 'STT', width: 6, value: (r) => r.ordinal },
  { title: 'Nhiệm vụ', width: 40, value: (r) => r.title },
  { title: 'Nội dung (trích văn bản)', width: 60, value: (r) => (r.description === r.title ? '' : r.description) },
  { title: 'Mục', width: 6, value: (r) => r.clauseOrdinal },
  { title: 'Đơn vị chủ trì', width: 28, value: (r) => r.leads.join('\n') },
  { title: 'Đơn vị phối hợp', width: 34, value: (r) => r.supports.join('\n') },
  { title: 'Người chịu trách nhiệm', width: 26, value: (r) => r.accountable ?? '' },
  { title: 'Thời hạn', width: 12, value: (r) => dueCell(r.dueAt), numFmt: 'dd/mm/yyyy' },
  { title: 'Định kỳ', width: 14, value: (r) => r.rhythm ?? '' },
  { title: 'Kỳ báo cáo', width: 14, value: (r) => r.reportCycle ?? '' },
  { title: 'Ghi chú', width: 26, value: (r) => r.note },
  { title: 'Trạng thái', width: 14, value: (r) => r.state },
]

/** Row of the column header in the sheet: under the issuer, the heading and the "Kèm theo" line. */
export const annexSheetHeaderRow = 4

/** Renders the annex as an .xlsx workbook: one sheet "Phân công", header frozen and filtered, due dates as dates. */
export async function renderAnnexXlsx(input: AnnexInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hệ thống điều phối'
  const ws = wb.addWorksheet('Phân công', {
    views: [{ state: 'frozen', ySplit: annexSheetHeaderRow }],
    // Printed from the spreadsheet too: A4 landscape, one page wide, the column header on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.pageSetup.printTitlesRow = `${annexSheetHeaderRow}:${annexSheetHeaderRow}`
  const lastColumn = sheetColumns.length
  const issuerRow = ws.addRow([input.issuer.replace(/\s*\n\s*/g, ' ').normalize('NFC')])
  issuerRow.font = { bold: true }
  if (input.draft) {
    const mark = issuerRow.getCell(lastColumn)
    mark.value = 'DỰ THẢO'
    mark.font = { bold: true }
  }
  const title = input.directiveTitle.replace(/\s+/g, ' ').trim()
  ws.addRow([[input.heading?.trim() || defaultAnnexHeading, title].filter(Boolean).join(' ').normalize('NFC')]).font = {
    bold: true,
    size: 14,
  }
  ws.addRow([attachedToLine(input).normalize('NFC')]).font = { italic: true }
  const header = ws.addRow(sheetColumns.map((column) => column.title))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const r of input.rows) {
    const row = ws.addRow(
      sheetColumns.map((column) => {
        const value = column.value(r)
        return typeof value === 'string' ? value.normalize('NFC') : value
      }),
    )
    row.alignment = { wrapText: true, vertical: 'top' }
    sheetColumns.forEach((column, index) => {
      if (column.numFmt) row.getCell(index + 1).numFmt = column.numFmt
    })
  }
  sheetColumns.forEach((column, index) => {
    ws.getColumn(index + 1).width = column.width
  })
  ws.autoFilter = {
    from: { row: annexSheetHeaderRow, column: 1 },
    to: { row: annexSheetHeaderRow + input.rows.length, column: lastColumn },
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
