// The PDF renderer of formal documents (pdfkit): draws a laid-out directive, city report or annex on A4
// pages with the bundled fonts, for the API's exports.

import type { DirectiveDocument } from '@hub/domain'
import PDFDocument from 'pdfkit'
import { type Block, type Columns, type DirectiveLayout, layoutDirective, ruleGap, typeSizes } from './directive-layout'
import { faceFor, fontFaces, tinosFiles } from './fonts'
import { contentWidthMm, firstLineIndentMm, marginsMm, mmToPt, pageNumberFromTopMm } from './page-geometry'

type Pdf = PDFKit.PDFDocument

const left = mmToPt(marginsMm.left)
const contentWidth = mmToPt(contentWidthMm)
const ruleThickness = 0.75

/** Renders a directive as PDF in its formal layout, with the bundled Tinos faces embedded (subset). */
export async function renderPdf(doc: DirectiveDocument): Promise<Buffer> {
  return renderLayoutPdf(layoutDirective(doc), { author: doc.issuer, subject: doc.title })
}

/** Renders a formal document already laid out (a directive, the city's report) as PDF. */
export async function renderLayoutPdf(
  layout: DirectiveLayout,
  meta: { author: string; subject: string },
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: {
      top: mmToPt(marginsMm.top),
      bottom: mmToPt(marginsMm.bottom),
      left,
      right: mmToPt(marginsMm.right),
    },
    // Pages stay in memory until the end so that page numbers can be written once the count is known.
    bufferPages: true,
    // Without a default font pdfkit would reference Helvetica, which has no Vietnamese glyphs.
    font: tinosFiles.regular,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: layout.title, Author: meta.author, Subject: meta.subject, Creator: 'Coordination hub' },
  })
  for (const face of fontFaces) pdf.registerFont(face, tinosFiles[face])
  const output = collect(pdf)

  drawColumns(pdf, layout.header)
  const flow = [...layout.heading, ...layout.body]
  for (const [index, block] of flow.entries()) {
    if (block.keepWithNext) keepWithNext(pdf, block, flow[index + 1], layout.foot)
    drawBlock(pdf, block, left, contentWidth)
  }
  drawColumns(pdf, layout.foot)
  numberPages(pdf)

  pdf.end()
  return output
}

export function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
}

function maxY(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom
}

function textOptions(pdf: Pdf, block: Extract<Block, { kind: 'text' }>, width: number): PDFKit.Mixins.TextOptions {
  pdf.font(faceFor(block.bold, block.italic)).fontSize(block.size)
  return {
    width,
    align: block.align,
    indent: block.firstLineIndent ? mmToPt(firstLineIndentMm) : 0,
    // pdfkit's line height equals Word's single spacing for the font; the gap adds the rest of a multiple.
    lineGap: (block.lineSpacing - 1) * pdf.currentLineHeight(true),
    underline: block.underline,
  }
}

/** Draws one block at the current y in a column starting at `x`; long text continues on new pages by itself. */
export function drawBlock(pdf: Pdf, block: Block, x: number, width: number): void {
  if (block.kind === 'rule') {
    const y = pdf.y + ruleGap
    const start = x + (width - block.width) / 2
    pdf
      .moveTo(start, y)
      .lineTo(start + block.width, y)
      .lineWidth(ruleThickness)
      .stroke()
    pdf.y = y + ruleThickness + block.spaceAfter
    return
  }
  pdf.y += block.spaceBefore
  pdf.text(block.text, x, pdf.y, textOptions(pdf, block, width))
  pdf.y += block.spaceAfter
}

function blocksHeight(pdf: Pdf, blocks: readonly Block[], width: number): number {
  let height = 0
  for (const block of blocks) {
    if (block.kind === 'rule') height += ruleGap + ruleThickness + block.spaceAfter
    else height += block.spaceBefore + pdf.heightOfString(block.text, textOptions(pdf, block, width)) + block.spaceAfter
  }
  return height
}

/** Lines of a following paragraph that must share the page, as Word's "keep with next" does. */
const linesKeptTogether = 2

/**
 * Moves to a new page when `block` and the start of what follows it (the next block's first lines, or the foot's
 * first row, which is never split) would not fit on this one, and would fit together on an empty page.
 */
function keepWithNext(pdf: Pdf, block: Block, next: Block | undefined, foot: Columns): void {
  let nextHeight: number
  if (next?.kind === 'text') {
    const options = textOptions(pdf, next, contentWidth)
    const lines = linesKeptTogether * (pdf.currentLineHeight(true) + (options.lineGap ?? 0))
    nextHeight = next.spaceBefore + Math.min(lines, pdf.heightOfString(next.text, options))
  } else if (next) {
    nextHeight = blocksHeight(pdf, [next], contentWidth)
  } else {
    const row = foot.rows[0]
    const leftWidth = contentWidth * foot.leftShare
    nextHeight = row
      ? foot.spaceBefore +
        Math.max(blocksHeight(pdf, row.left, leftWidth), blocksHeight(pdf, row.right, contentWidth - leftWidth))
      : 0
  }
  const needed = blocksHeight(pdf, [block], contentWidth) + nextHeight
  const pageHeight = maxY(pdf) - pdf.page.margins.top
  if (pdf.y + needed > maxY(pdf) && needed <= pageHeight) pdf.addPage()
}

function currentPageIndex(pdf: Pdf): number {
  const range = pdf.bufferedPageRange()
  return range.start + range.count - 1
}

/**
 * Draws a two-column block row by row, each row starting both columns level. A row that does not fit in what is left
 * of the page moves whole to the next page, so the signing block is never split from the recipients.
 */
export function drawColumns(pdf: Pdf, columns: Columns, x: number = left, width: number = contentWidth): void {
  const leftWidth = width * columns.leftShare
  const rightWidth = width - leftWidth
  const pageHeight = maxY(pdf) - pdf.page.margins.top
  pdf.y += columns.spaceBefore
  for (const row of columns.rows) {
    const height = Math.max(blocksHeight(pdf, row.left, leftWidth), blocksHeight(pdf, row.right, rightWidth))
    if (pdf.y + height > maxY(pdf) && height <= pageHeight) pdf.addPage()
    const startPage = currentPageIndex(pdf)
    const startY = pdf.y
    for (const block of row.left) drawBlock(pdf, block, x, leftWidth)
    const leftEnd = { page: currentPageIndex(pdf), y: pdf.y }
    // Only a list of recipients longer than a whole page spills over; the signing block is then drawn beside the
    // list's start. A right column longer than a page is not expected (it is the signing block) and not handled.
    pdf.switchToPage(startPage)
    pdf.y = startY
    for (const block of row.right) drawBlock(pdf, block, x + leftWidth, rightWidth)
    const rightEndY = pdf.y
    pdf.switchToPage(leftEnd.page)
    pdf.y = leftEnd.page === startPage ? Math.max(leftEnd.y, rightEndY) : leftEnd.y
    pdf.x = x
  }
}

/** Page numbers centred in the top margin from page 2 on (decree 30, also usual in Party documents). */
export function numberPages(pdf: Pdf, x: number = left, width: number = contentWidth): void {
  const range = pdf.bufferedPageRange()
  for (let index = 1; index < range.count; index += 1) {
    pdf.switchToPage(range.start + index)
    pdf
      .font('regular')
      .fontSize(typeSizes.body)
      .text(String(index + 1), x, mmToPt(pageNumberFromTopMm), {
        width,
        align: 'center',
        lineBreak: false,
      })
  }
}
