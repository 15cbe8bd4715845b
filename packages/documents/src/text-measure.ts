// Text widths from the bundled font metrics, for layouts that size a rule to its line or wrap the cells
// of an annex table.

import PDFDocument from 'pdfkit'
import { type FontFace, fontFaces, tinosFiles } from './fonts'

/**
 * Width of a line of text in points, from the bundled Tinos metrics (identical to Times New Roman's). The DOCX
 * layout needs it to size rules that must be exactly as long as a line ("Độc lập - Tự do - Hạnh phúc"); pdfkit is
 * already here to read font metrics, so a throwaway document does the measuring instead of a second font library.
 */
export function measureText(text: string, face: FontFace, size: number): number {
  return measurer().font(face).fontSize(size).widthOfString(text)
}

let document: PDFKit.PDFDocument | undefined

function measurer(): PDFKit.PDFDocument {
  if (!document) {
    // No default font: opened as the default, Tinos Regular would be re-read from disk on every `font('regular')`
    // (pdfkit finds it by its own name and returns before caching it under the registered one).
    document = new PDFDocument({ autoFirstPage: false })
    for (const face of fontFaces) document.registerFont(face, tinosFiles[face])
  }
  return document
}
