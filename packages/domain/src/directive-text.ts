// Helpers shared by the parts of the directive parser: how pasted text is cut into lines and cells,
// and what a line looks like.

import { foldVietnamese, normalizeText } from './text-fold'

/** The pasted text as lines: NFC, CRLF/CR and page breaks made LF, odd spaces plain, trailing blanks cut. */
export function toLines(text: string): string[] {
  return normalizeText(text)
    .replace(/\r\n?|\f|\u2028|\u2029/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
}

/**
 * A line's cells. Word and PDF pastes put a table's two columns on one line, split by tabs or a run
 * of spaces; a single space never separates columns, so stray spaces inside a cell survive.
 */
export function splitCells(line: string): string[] {
  return line
    .split(/\t+| {2,}/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
}

/** All whitespace runs made one space. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** A horizontal rule or ornament under a heading: "-----", "___", "---o0o---", "* * *". */
export function isRule(s: string): boolean {
  const t = s.trim()
  return (t.length >= 3 && /^[-_=~.*oO0\s]+$/.test(t) && /[-_=~*]/.test(t)) || /^\*+$/.test(t)
}

/** A page number left by a PDF paste: "2", "- 3 -", "Trang 4". */
export function isPageNumber(s: string): boolean {
  return /^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$/.test(s.trim()) || /^trang \d{1,3}(?:\/\d{1,3})?$/.test(foldVietnamese(s))
}

/** Text with letters and no lowercase letter: headings, issuers, signing lines. */
export function isUpperText(s: string): boolean {
  return /\p{L}/u.test(s) && !/\p{Ll}/u.test(s)
}

/** Starts like a list item: "- ", "+ ", "• ". */
export function isBullet(s: string): boolean {
  return /^[-+•●▪–]\s*(?=\S)/.test(s.trim()) && !isRule(s)
}

/** The text after a list bullet. */
export function stripBullet(s: string): string {
  return s.trim().replace(/^[-+•●▪–]\s*/, '')
}

/** A sub-item letter: "a)", "đ)". */
export const SUB_ITEM = /^[a-zđ]\)\s/u

/** Ends like a sentence or a list item, so the next line starts a new paragraph. */
export function endsParagraph(s: string): boolean {
  return /[.;:!?]["”)]?$/.test(s.trim())
}
