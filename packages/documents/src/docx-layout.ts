// The Word (.docx) renderer of formal documents: translates a laid-out directive, city report or annex
// into the docx library's paragraphs and tables, for the API's exports.

import type { DirectiveDocument } from '@hub/domain'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx'
import {
  type Align,
  type Block,
  type Columns,
  type DirectiveLayout,
  layoutDirective,
  ruleGap,
  typeSizes,
} from './directive-layout'
import { tinosFontData, wordFontName } from './fonts'
import {
  contentWidthMm,
  firstLineIndentMm,
  marginsMm,
  mmToTwip,
  pageMm,
  pageNumberFromTopMm,
  ptToTwip,
} from './page-geometry'

/** Options for the DOCX export. */
export interface DocxOptions {
  /**
   * Embed the four Tinos faces (about 1.2 MB) so that LibreOffice on a machine without Times New Roman still lays the
   * document out with Times metrics and full Vietnamese glyphs. On by default because a recipient's machine is
   * unknown; turn it off for a file of about 10 kB meant for Word users only.
   */
  embedFonts?: boolean
}

const contentWidth = mmToTwip(contentWidthMm)
const noBorders = TableBorders.NONE

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
}

/** Word's line spacing unit for "Multiple": 240 is single. */
const singleLine = 240

/** Renders a directive as a Word document in its formal layout (36-HD/VPTW or decree 30/2020). */
export async function renderDocx(doc: DirectiveDocument, options: DocxOptions = {}): Promise<Buffer> {
  return renderLayoutDocx(layoutDirective(doc), doc.issuer, options)
}

/** Renders a formal document already laid out (a directive, the city's report) as a Word document. */
export async function renderLayoutDocx(
  layout: DirectiveLayout,
  creator: string,
  options: DocxOptions = {},
): Promise<Buffer> {
  const document = formalDocument({
    meta: { title: layout.title, creator, description: layout.title },
    orientation: 'portrait',
    margins: marginsMm,
    embedFonts: options.embedFonts !== false,
    children: [
      columnsTable(layout.header),
      ...[...layout.heading, ...layout.body].map((block) => paragraph(block, contentWidth)),
      columnsTable(layout.foot),
    ],
  })
  return Packer.toBuffer(document)
}

/** One section of a formal document: its sheet, margins and content. */
export interface FormalDocumentOptions {
  meta: { title: string; creator: string; description: string }
  /** A4 either way; a landscape annex turns the sheet, and its margins are given turned too. */
  orientation: 'portrait' | 'landscape'
  margins: Readonly<{ top: number; bottom: number; left: number; right: number }>
  embedFonts: boolean
  children: (Paragraph | Table)[]
}

/**
 * A Word document in the formal dress both conventions share: Times New Roman 14 pt (Tinos embedded), A4, single
 * spacing by default, pages numbered at the top centre from the second on.
 */
export function formalDocument(options: FormalDocumentOptions): Document {
  const data = tinosFontData()
  return new Document({
    ...options.meta,
    // The Tinos files are embedded under the name the runs use, "Times New Roman". LibreOffice registers an
    // embedded font under its font-table name, so on a machine without Times it lays the text out in Tinos (same
    // metrics, every Vietnamese glyph) instead of falling back to a wider face; embedded as "Tinos" they were
    // loaded but never used (checked with LibreOffice 7 and only DejaVu installed). Word, which has Times New
    // Roman, keeps using its own.
    fonts: options.embedFonts
      ? [
          {
            name: wordFontName,
            data: data.regular,
            bold: data.bold,
            italic: data.italic,
            boldItalic: data.boldItalic,
          },
        ]
      : [],
    styles: {
      default: {
        document: {
          run: { font: wordFontName, size: typeSizes.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: singleLine } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // Given as a portrait sheet; docx swaps width and height for a landscape one.
            size: {
              width: mmToTwip(pageMm.width),
              height: mmToTwip(pageMm.height),
              orientation: options.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(options.margins.top),
              bottom: mmToTwip(options.margins.bottom),
              left: mmToTwip(options.margins.left),
              right: mmToTwip(options.margins.right),
              header: mmToTwip(pageNumberFromTopMm),
              footer: mmToTwip(pageNumberFromTopMm),
            },
          },
          // The first page carries no number; later pages are numbered at the top centre (decree 30).
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: wordFontName, size: typeSizes.body * 2, children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: options.children,
      },
    ],
  })
}

/** A borderless table whose cells start flush with the page margins, as offices lay out header and foot. */
export function columnsTable(columns: Columns, width: number = contentWidth): Table {
  const left = Math.round(width * columns.leftShare)
  const widths = [left, width - left]
  const rows = columns.rows.map(
    (row, index) =>
      new TableRow({
        // The signing block and the recipients must not be torn across a page break.
        cantSplit: true,
        children: [row.left, row.right].map(
          (blocks, column) =>
            new TableCell({
              width: { size: widths[column]!, type: WidthType.DXA },
              borders: noBorders,
              margins: { top: index === 0 ? ptToTwip(columns.spaceBefore) : 0, bottom: 0, left: 0, right: 0 },
              children: blocks.length ? blocks.map((block) => paragraph(block, widths[column]!)) : [new Paragraph({})],
            }),
        ),
      }),
  )
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows,
  })
}

/** One block as a paragraph in a container `width` twips wide. */
export function paragraph(block: Block, width: number): Paragraph {
  const keepNext = block.keepWithNext || undefined
  if (block.kind === 'rule') {
    // An empty, one-point-high paragraph whose top border is the rule; indents centre it and set its length.
    const side = Math.max(0, Math.round((width - ptToTwip(block.width)) / 2))
    return new Paragraph({
      keepNext,
      indent: { left: side, right: side },
      spacing: { before: ptToTwip(ruleGap), after: ptToTwip(block.spaceAfter), line: 20, lineRule: LineRuleType.EXACT },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [],
    })
  }
  return new Paragraph({
    keepNext,
    alignment: alignments[block.align],
    indent: block.firstLineIndent ? { firstLine: mmToTwip(firstLineIndentMm) } : undefined,
    spacing: {
      before: ptToTwip(block.spaceBefore),
      after: ptToTwip(block.spaceAfter),
      line: Math.round(singleLine * block.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    children: [
      new TextRun({
        text: block.text,
        // Named on every run too, so that text pasted into another document keeps its face.
        font: wordFontName,
        size: block.size * 2,
        bold: block.bold,
        italics: block.italic,
        underline: block.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
    ],
  })
}
