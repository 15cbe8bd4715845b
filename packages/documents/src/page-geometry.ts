/**
 * Page geometry both conventions prescribe: A4 portrait, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm
 * (decree 30/2020/NĐ-CP appendix I; guideline 36-HD/VPTW uses the same sheet). Kept in millimetres so that the DOCX
 * (twips) and PDF (points) renderers round from one source and cannot drift apart.
 */
export const pageMm = { width: 210, height: 297 } as const
export const marginsMm = { top: 20, bottom: 20, left: 30, right: 15 } as const

/** Where the running page number sits: centred in the top margin, from page 2 on (decree 30). */
export const pageNumberFromTopMm = 10

export const contentWidthMm = pageMm.width - marginsMm.left - marginsMm.right

/** Millimetres to PDF points (1/72 inch). */
export const mmToPt = (mm: number): number => (mm * 72) / 25.4

/** Millimetres to twips (1/1440 inch), rounded because Word rejects fractional twips. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4)

/** Points to twips, rounded. */
export const ptToTwip = (pt: number): number => Math.round(pt * 20)

/** First-line indent of body paragraphs (decree 30: 1 cm to 1.27 cm). */
export const firstLineIndentMm = 10
