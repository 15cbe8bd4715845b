/** A sentence of a text, by offsets into it. */
export interface SentenceSpan {
  start: number
  end: number
}

// A sentence ends at ".", "!", "?" or ";" followed by a capital, a list bullet or a sub-item letter.
// ";" ending a list item ("...; Công an Thành phố ...") is a boundary in directives; before lowercase
// ("...; xử lý nghiêm ...") it is not.
const BOUNDARY = /[.!?;]["”)]?\s+(?=\p{Lu}|[-+•]\s|[a-zđ]\)\s|\d{1,2}[.)]\s)/gu
// "TP. Hà Nội", "TW. Đảng": a short capital abbreviation before the dot is not the end of a sentence.
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}{1,4}|[Tt]p|[Tt]x|[Đđ]\/c)\.$/u

/** Splits a clause into sentences: each line, and each sentence within a line. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let lineStart = 0
  for (const line of text.split('\n')) {
    let start = 0
    for (const m of line.matchAll(BOUNDARY)) {
      const stop = m.index + 1
      if (ABBREVIATION.test(line.slice(0, stop))) continue
      push(spans, line, lineStart, start, stop)
      start = m.index + m[0].length
    }
    push(spans, line, lineStart, start, line.length)
    lineStart += line.length + 1
  }
  return spans
}

function push(spans: SentenceSpan[], line: string, offset: number, from: number, to: number) {
  const part = line.slice(from, to)
  const lead = part.length - part.trimStart().length
  const trimmed = part.trim()
  if (trimmed) spans.push({ start: offset + from + lead, end: offset + from + lead + trimmed.length })
}
