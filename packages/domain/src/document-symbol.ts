// Document symbols (số, ký hiệu) found in pasted text, and what they tell of the document: the sequence
// number, an optional year, then letter groups joined by "-" or "/". Party: "05-CT/TU"; state:
// "17/CT-UBND", "30/2020/NĐ-CP", "1234/UBND-KGVX".

import type { DirectiveKind } from './directive'
import { foldVietnamese } from './text-fold'

// Pasted text puts stray spaces around the separators ("05 -CT/TU", "17/CT- UBND"), so they are allowed.
const SEP = String.raw`\s*[-/]\s*`
const GROUP = '[A-ZĐ][A-Za-zĐđ0-9]*'
const START = String.raw`(?<![\p{L}\d/.-])\d{1,5}(?:${SEP}\d{4})?`
const END = String.raw`(?![\p{L}\d])`

/** A symbol as printed after "Số" in a header; one letter group is enough there. */
const HEADER_SYMBOL = new RegExp(`^${START}(?:${SEP}${GROUP})+${END}`, 'u')
/** A symbol cited in running text; two letter groups, so "COVID-19" or a date never matches. */
const CITED_SYMBOL = new RegExp(`${START}(?:${SEP}${GROUP}){2,}${END}`, 'gu')

/** Letters that name a kind of document but not one the hub tracks (telegram, guide, report...). */
const OTHER_TYPE_CODES = new Set(['cd', 'hd', 'bc', 'ttr', 'gm', 'bb', 'qc'])

const KIND_BY_CODE: Record<string, DirectiveKind> = {
  ct: 'CT',
  kh: 'KH',
  kl: 'KL',
  tb: 'TB',
  cv: 'CV',
  qd: 'QD',
  nq: 'NQ',
}

/** The symbol with stray spaces removed: "05 - CT / TU" → "05-CT/TU". */
export function normalizeSymbol(symbol: string): string {
  return symbol.replace(/\s+/g, '')
}

/** Reads a symbol at the start of `text` (what follows "Số:"), normalised, or null. */
export function readSymbolAt(text: string): { symbol: string; length: number } | null {
  const m = HEADER_SYMBOL.exec(text)
  return m ? { symbol: normalizeSymbol(m[0]), length: m[0].length } : null
}

/** Every symbol cited in the text, normalised, first occurrence first. */
export function findSymbols(text: string): string[] {
  const seen = new Set<string>()
  for (const m of text.matchAll(CITED_SYMBOL)) seen.add(normalizeSymbol(m[0]))
  return [...seen]
}

/** The sequence number alone: 5 for "05-CT/TU", 30 for "30/2020/NĐ-CP". */
export function symbolSequence(symbol: string): number | null {
  const m = /^\d+/.exec(symbol)
  return m ? Number.parseInt(m[0], 10) : null
}

/**
 * The kind a symbol names. Its first letter group is the kind ("CT" in "05-CT/TU" and "17/CT-UBND");
 * a state letter carries no kind letters, only the issuer's ("1234/UBND-KGVX"), so an unknown first
 * group means a letter (CV), unless it is the code of some other document type.
 */
export function kindFromSymbol(symbol: string): DirectiveKind | null {
  const groups = symbol.split(/[-/]/).filter((g) => !/^\d+$/.test(g))
  const first = groups[0]
  if (!first) return null
  const code = foldVietnamese(first)
  const kind = KIND_BY_CODE[code]
  if (kind) return kind
  if (OTHER_TYPE_CODES.has(code)) return null
  return /^\d+\//.test(symbol) ? 'CV' : null
}

/** Which layout a symbol's shape suggests: Party "05-CT/TU" or state "17/CT-UBND". */
export function layoutFromSymbol(symbol: string): 'party' | 'state' | null {
  if (/^\d+-/.test(symbol)) return 'party'
  if (/^\d+\//.test(symbol)) return 'state'
  return null
}
