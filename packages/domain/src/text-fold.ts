/** Spaces people paste from PDF and Word: non-breaking, narrow, figure, ideographic. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/
const ODD_SPACES = new RegExp(ODD_SPACE.source, 'g')
/** Invisible characters that break matching but carry no meaning. */
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff]/g
const COMBINING_MARKS = /\p{M}/gu

const foldedCache = new Map<string, string>()

/** One character folded; always one UTF-16 unit for one, so folded text keeps positions. */
function foldChar(ch: string): string {
  if (ch < '\u0080') return ch.toLowerCase()
  let folded = foldedCache.get(ch)
  if (folded === undefined) {
    if (ch === 'đ' || ch === 'Đ') folded = 'd'
    else if (ODD_SPACE.test(ch)) folded = ' '
    else {
      const base = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
      folded = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch
    }
    foldedCache.set(ch, folded)
  }
  return folded
}

/**
 * Folds text character by character (lowercase, no diacritics, đ→d, odd spaces→space) and keeps
 * its length, so an index found in the folded text is the same index in the original.
 * Expects NFC text (what `normalizeText` or any editor produces).
 */
export function foldChars(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += foldChar(s[i]!)
  return out
}

/** Lowercase, diacritics removed, đ→d, whitespace collapsed: the form used for matching and search. */
export function foldVietnamese(s: string): string {
  return foldChars(s.normalize('NFC').replace(INVISIBLES, '')).replace(/\s+/g, ' ').trim()
}

/** Unicode NFC, no invisible characters, odd spaces made plain; line structure and tabs kept. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(INVISIBLES, '').replace(ODD_SPACES, ' ')
}
