// The directive parser's body step: pasted lines joined into paragraphs and cut into preamble, numbered
// clauses and closing; and a body's text with each clause numbered once, as versions freeze and print it.

import type { Clause } from './directive'
import { collapse, endsParagraph, isBullet, isPageNumber, isRule, SUB_ITEM, stripBullet } from './directive-text'
import { foldVietnamese } from './text-fold'

/** The body cut into its parts. */
export interface DirectiveBody {
  preamble: string
  clauses: Clause[]
  closing: string
}

/**
 * Body lines as paragraphs: whitespace collapsed, rules and PDF page numbers dropped, and a line
 * that a PDF wrapped (no closing punctuation, next line in lowercase) joined to the next.
 */
export function toParagraphs(lines: string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    const text = collapse(line)
    if (!text || isRule(text) || isPageNumber(text)) continue
    const prev = out.at(-1)
    if (prev !== undefined && !endsParagraph(prev) && /^\p{Ll}/u.test(text) && !SUB_ITEM.test(text)) {
      out[out.length - 1] = `${prev} ${text}`
    } else out.push(text)
  }
  return out
}

type Scheme = 'roman' | 'article' | `arabic${string}`
interface Marker {
  scheme: Scheme
  ordinal: number
  rest: string
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }
const ROMAN = /^([IVXL]{1,6})\s*[.\-/)]\s*(?=\S)/
const ARTICLE = /^Điều\s+(\d{1,3})\s*[.:]\s*/u
const ARABIC = /^(\d{1,2})\s*([.\-/)])\s*(?=[\p{L}"“(])/u

/** The number a paragraph starts with, if it looks like a top-level one: "1.", "1-", "II.", "Điều 2.". */
function readMarker(p: string): Marker | null {
  const roman = ROMAN.exec(p)
  if (roman) {
    const ordinal = romanValue(roman[1]!)
    if (ordinal) return { scheme: 'roman', ordinal, rest: p.slice(roman[0].length) }
  }
  const article = ARTICLE.exec(p)
  if (article) return { scheme: 'article', ordinal: Number(article[1]), rest: p.slice(article[0].length) }
  const arabic = ARABIC.exec(p)
  if (arabic) return { scheme: `arabic${arabic[2]}`, ordinal: Number(arabic[1]), rest: p.slice(arabic[0].length) }
  return null
}

function romanValue(s: string): number | null {
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return total > 0 && total <= 40 ? total : null
}

// A closing paragraph: "Chỉ thị này phổ biến đến chi bộ", "Nhận được văn bản này...", or the issuer
// asking everyone to carry the document out ("Ban Thường vụ Thành ủy yêu cầu ... nghiêm túc thực hiện").
const THIS_DOCUMENT =
  /^(chi thi|ke hoach|thong bao|ket luan|cong van|quyet dinh|nghi quyet|van ban|huong dan|cong dien) nay\b/
const RECEIVED = /^nhan duoc (van ban|cong van|chi thi|ke hoach|thong bao|cong dien)\b/
const ISSUER_DEMANDS =
  /^(ban thuong vu|thuong truc|thanh uy|quan uy|huyen uy|thi uy|ban chi dao|chu tich|uy ban nhan dan|ubnd)\b.{0,80}\b(yeu cau|de nghi)\b/
// "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ... báo cáo": closing only at the very end.
const DIFFICULTIES = /^trong qua trinh (to chuc )?(trien khai|thuc hien)\b.*\b(kho khan|vuong mac)\b/

// "Văn phòng Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện./." ends a notice.
const NOTICE_SENT = /^.{0,60}\bthong bao (de|den|cho)\b.*(biet|thuc hien)/

function isStrongClosing(p: string): boolean {
  const f = foldVietnamese(p)
  return (
    THIS_DOCUMENT.test(f) ||
    RECEIVED.test(f) ||
    NOTICE_SENT.test(f) ||
    (ISSUER_DEMANDS.test(f) && /nghiem tuc|\.\/\.$/.test(f))
  )
}

function isClosing(p: string): boolean {
  return isStrongClosing(p) || DIFFICULTIES.test(foldVietnamese(p))
}

/**
 * Where the closing starts among `paras`, searching from `from`: the first paragraph that says "this
 * document ..." or asks everyone to carry it out, or else the run of closing paragraphs at the end.
 */
function closingStart(paras: string[], from: number): number {
  let start = paras.length
  while (start > from && isClosing(paras[start - 1]!)) start--
  for (let i = from; i < start; i++) if (isStrongClosing(paras[i]!)) return i
  return start
}

/**
 * Splits body paragraphs into preamble, clauses and closing.
 *
 * Clauses are the document's outermost numbering: "1." (or "1-", "1/", "1)"), "Điều 1.", or roman
 * "I." sections. When roman sections hold arabic items (a plan's "I. MỤC ĐÍCH" / "1. Mục đích"),
 * each section is one clause, its ordinal the section's number, its heading the first line, its
 * items inside: the clause then matches the document's own numbering ("mục II" is clause 2), and
 * task proposal still finds one task per unit named inside. A number counts only in sequence (1, 2,
 * 3 ...) and in the style of the first, so "1.1", dates and numbered sub-items stay inside a clause.
 * A body without numbering takes the paragraph ending in ":" (or the first) as preamble and each
 * following item ("- ...", or paragraph) as a clause. The closing lines never belong to a clause.
 */
export function splitBody(paras: string[]): DirectiveBody {
  const markers = paras.map(readMarker)
  const first = markers.findIndex((m) => m?.ordinal === 1)
  if (first < 0) return splitUnnumbered(paras)
  const scheme = markers[first]!.scheme
  const starts: number[] = []
  let expected = 1
  for (let i = first; i < paras.length; i++) {
    const m = markers[i]
    if (m && m.scheme === scheme && m.ordinal === expected) {
      starts.push(i)
      expected++
    }
  }
  const lastStart = starts.at(-1)!
  const end = closingStart(paras, lastStart + 1)
  const clauses = starts.map((start, k) => {
    const stop = k + 1 < starts.length ? starts[k + 1]! : end
    const text = [markers[start]!.rest, ...paras.slice(start + 1, stop)].join('\n')
    return { ordinal: k + 1, text }
  })
  return {
    preamble: paras.slice(0, first).join('\n'),
    clauses,
    closing: paras.slice(end).join('\n'),
  }
}

function splitUnnumbered(paras: string[]): DirectiveBody {
  const end = closingStart(paras, Math.min(1, paras.length))
  const main = paras.slice(0, end)
  const colon = main.findIndex((p, i) => i < main.length - 1 && /:$/.test(p))
  const preambleEnd = colon >= 0 ? colon + 1 : main.length > 1 ? 1 : 0
  const items: string[] = []
  const rest = main.slice(preambleEnd)
  const bulleted = rest.some((p) => /^-\s/.test(p))
  for (const p of rest) {
    // With dash items, a "+" line or plain paragraph belongs to the item above it.
    if (bulleted && items.length > 0 && !/^-\s/.test(p)) items[items.length - 1] += `\n${p}`
    else items.push(isBullet(p) ? stripBullet(p) : p)
  }
  return {
    preamble: main.slice(0, preambleEnd).join('\n'),
    clauses: items.map((text, i) => ({ ordinal: i + 1, text })),
    closing: paras.slice(end).join('\n'),
  }
}

/** A clause's text without its own number in front ("1. ...", "1) ...", "1- ..."), which editors and clients often keep. */
export function clauseTextWithoutNumber(clause: Clause): string {
  const own = new RegExp(String.raw`^\s*${clause.ordinal}\s*[.)/-]\s+`, 'u')
  let text = clause.text
  // "1. 1. ..." comes from a number written twice already: strip every copy.
  while (own.test(text)) text = text.replace(own, '')
  return text
}

/** The body with each clause's text free of its own number, so printing "N. " in front writes it once. */
export function normaliseBody(body: DirectiveBody): DirectiveBody {
  return { ...body, clauses: body.clauses.map((c) => ({ ...c, text: clauseTextWithoutNumber(c) })) }
}

/** A frozen version's plain text: preamble, each clause numbered once ("1. ..."), closing. */
export function bodyPlainText(body: DirectiveBody): string {
  return [body.preamble, ...body.clauses.map((c) => `${c.ordinal}. ${clauseTextWithoutNumber(c)}`), body.closing]
    .filter(Boolean)
    .join('\n')
}
