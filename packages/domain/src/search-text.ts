// Search text rules shared with the database's folding: how a query becomes words, where they match in a
// text, the snippet shown and the score, for the API's search.

import { foldChars, foldVietnamese, normalizeText } from './text-fold'

/** A query as search matches it: the folded phrase and its words (each must occur). */
export interface SearchTerms {
  phrase: string
  tokens: string[]
}

/**
 * Folds a query the way stored text is folded (`hub_fold` in SQL, `foldVietnamese` here), so
 * "phieu di cho", "PHIẾU ĐI CHỢ" and "phiếu đi chợ" are the same query. Quotes and punctuation
 * between words are dropped; at most 8 words count. Words are runs of a-z and 0-9 after folding.
 */
export function searchTerms(q: string): SearchTerms {
  const phrase = foldVietnamese(q)
    .replace(/["'“”‘’«»()[\]{},;:!?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // Words as the folded text in SQL splits them: letters and digits only.
  const tokens = [...new Set(phrase.split(/[^a-z0-9]+/).filter(Boolean))].slice(0, 8)
  return { phrase, tokens }
}

/** A LIKE pattern matching `s` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(s: string): string {
  return `%${s.replace(/[%_\\]/g, (m) => `\\${m}`)}%`
}

/**
 * Where the words of a query occur as whole words of a text: [start, end) ranges in the original
 * text, merged. The last word, perhaps still being typed, also marks the start of longer words
 * when it never occurs whole ("ch" marks "chợ"; "di" never marks the start of "đình").
 */
export function matchRanges(text: string, tokens: readonly string[]): [number, number][] {
  const folded = foldChars(normalizeText(text))
  const isWordChar = (i: number) => i >= 0 && i < folded.length && /[\p{L}\p{N}]/u.test(folded[i]!)
  const ranges: [number, number][] = []
  tokens.forEach((t, k) => {
    const whole: [number, number][] = []
    const prefix: [number, number][] = []
    let at = folded.indexOf(t)
    while (at >= 0) {
      if (!isWordChar(at - 1)) (isWordChar(at + t.length) ? prefix : whole).push([at, at + t.length])
      at = folded.indexOf(t, at + t.length)
    }
    ranges.push(...whole)
    if (k === tokens.length - 1 && !whole.length) ranges.push(...prefix)
  })
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/**
 * Where the window with the most different words of the query begins: the whole phrase if it
 * occurs, else the match followed by the most other words within the window.
 */
function bestWindowStart(plain: string, tokens: readonly string[], width: number): number | null {
  const folded = foldChars(plain)
  const phrase = folded.indexOf(tokens.join(' '))
  if (tokens.length > 1 && phrase >= 0) return phrase
  const hits = tokens.flatMap((t, k) => matchRanges(plain, [t]).map(([a]) => ({ a, k })))
  hits.sort((x, y) => x.a - y.a)
  let best: { a: number; n: number } | null = null
  for (const h of hits) {
    const n = new Set(hits.filter((o) => o.a >= h.a && o.a < h.a + (width * 2) / 3).map((o) => o.k)).size
    if (!best || n > best.n) best = { a: h.a, n }
  }
  return best?.a ?? null
}

/** A window of a text around its best match, with the matches inside it as ranges of the snippet. */
export interface Snippet {
  snippet: string
  highlights: [number, number][]
}

/**
 * The part of `text` around the query's first match (about `width` characters, cut at word
 * boundaries, "…" where cut), with the matched words as ranges, so a client marks them without
 * parsing HTML. The whole text is normalised first (NFC, plain spaces, one line).
 */
export function snippetOf(text: string, tokens: readonly string[], width = 160): Snippet {
  const plain = normalizeText(text).replace(/\s+/g, ' ').trim()
  const ranges = matchRanges(plain, tokens)
  const first = bestWindowStart(plain, tokens, width) ?? ranges[0]?.[0] ?? 0
  let start = Math.max(0, first - Math.floor(width / 3))
  if (start > 0) {
    const space = plain.indexOf(' ', start)
    start = space >= 0 && space < first ? space + 1 : start
  }
  let end = Math.min(plain.length, start + width)
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end)
    if (space > first) end = space
  }
  const prefix = start > 0 ? '…' : ''
  const snippet = `${prefix}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`
  const highlights = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [a - start + prefix.length, b - start + prefix.length] as [number, number])
  return { snippet, highlights }
}

/**
 * How well a record matches, for ranking: the whole phrase in the title first, then every word in
 * the title, then the phrase in the body, then words anywhere; among equals the recent first
 * (a bonus that fades over a year).
 */
export function searchScore(
  title: string,
  body: string,
  terms: SearchTerms,
  updatedAt: Date | null,
  now = new Date(),
): number {
  const t = foldVietnamese(title)
  const b = foldVietnamese(body)
  let score = 0
  if (terms.phrase && t.includes(terms.phrase)) score += 100
  if (terms.phrase && t === terms.phrase) score += 20
  if (terms.tokens.every((w) => t.includes(w))) score += 40
  else score += 10 * terms.tokens.filter((w) => t.includes(w)).length
  if (terms.phrase && b.includes(terms.phrase)) score += 20
  if (updatedAt) {
    const days = Math.max(0, (now.getTime() - updatedAt.getTime()) / 86_400_000)
    score += Math.max(0, 10 * (1 - days / 365))
  }
  return score
}
