// The directive parser's footer step: where the foot of a pasted document starts, its recipient list
// ("Nơi nhận") and its signer with the signing authority (T/M, KT., ...).

import type { DocumentLayout, Recipient, Signer } from './directive'
import { collapse, isBullet, isRule, isUpperText, splitCells } from './directive-text'
import { capacityOf, readRecipientLine } from './recipient-line'
import { foldVietnamese } from './text-fold'

/** The bottom of a document: who receives it ("Nơi nhận") and who signs it. */
export interface DirectiveFooter {
  recipients: Recipient[]
  signer: Signer | null
  /** The signing style seen ("T/M" is Party, "TM." state), when the header gave no layout. */
  layoutHint: DocumentLayout | null
}

// "T/M", "TM." (thay mặt, on behalf of), "K/T", "KT." (ký thay, signing for), "T/L", "TL." (thừa
// lệnh), "TUQ." (thừa ủy quyền), "Q." (quyền, acting).
const AUTHORITY = /^(T\s*\/\s*M|TM\.?|K\s*\/\s*T|KT\.?|T\s*\/\s*L|TL\.?|TUQ\.?|Q\.)\s*(?=\p{Lu})/u
const SIGNATURE_MARK = /^\(?\s*(?:da\s+)?ky(?:\s+ten)?(?:[\s,)].*)?$/
const SIGNER_TITLE =
  /^(pho )?(bi thu|chu tich|giam doc|truong ban|chanh van phong|truong phong|thu truong|bo truong|tong bi thu)( thuong truc)?$/
// The second line of a wrapped title ("PHÓ BÍ THƯ" / "THƯỜNG TRỰC").
const TITLE_CONTINUATION = /^(thuong truc|thanh uy|thanh pho|uy ban nhan dan|ubnd)$/
const PERSON_NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u

const PARTY_FORMS: Record<string, string> = { tm: 'T/M', kt: 'K/T', tl: 'T/L', tuq: 'TUQ.', q: 'Q.' }
const STATE_FORMS: Record<string, string> = { tm: 'TM.', kt: 'KT.', tl: 'TL.', tuq: 'TUQ.', q: 'Q.' }

/** A cell that opens the signing block or the recipient list. */
function opensFooter(cell: string): boolean {
  const folded = foldVietnamese(cell)
  if (/^noi nhan\b/.test(folded)) return true
  if (!isUpperText(cell)) return false
  return AUTHORITY.test(cell) || SIGNER_TITLE.test(folded)
}

/** Index of the first footer line at or after `from` ("Nơi nhận", "T/M ...", "BÍ THƯ"), or lines.length. */
export function findFooterStart(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    if (splitCells(lines[i]!).some(opensFooter)) return i
  }
  return lines.length
}

/**
 * Reads "Nơi nhận" and the signing block, whether they stand side by side on the same lines (split by
 * tabs or runs of spaces) or interleaved line by line: each cell is judged by its own look. Signing
 * words are capitals (authority, title) or a bare personal name; recipients start with "- ".
 * `layout` picks the printed form of the authority ("T/M" for Party, "TM." for state documents).
 */
export function readFooter(lines: string[], layout: DocumentLayout | null): DirectiveFooter {
  const authority: string[] = []
  const title: string[] = []
  let name = ''
  const items: string[] = []
  let open = false
  const addToItem = (text: string) => {
    items[items.length - 1] = `${items.at(-1)} ${text}`
  }
  for (const line of lines) {
    for (const raw of splitCells(line)) {
      const cell = raw.replace(/^[}{]\s*|\s*[}{]$/g, '').trim()
      if (!cell || isRule(cell)) continue
      const folded = foldVietnamese(cell)
      if (/^noi nhan\b/.test(folded)) {
        const rest = cell.replace(/^\S+\s+\S+\s*:?/, '').trim()
        if (rest) {
          items.push(rest)
          open = !/[;.]$/.test(rest)
        }
        continue
      }
      if (isUpperText(cell) && !isBullet(cell)) {
        const auth = AUTHORITY.exec(cell)
        if (auth) authority.push(collapse(cell))
        else if (title.length > 0 && name === '' && !TITLE_CONTINUATION.test(folded) && isCompleteTitle(title)) {
          name = collapse(cell)
        } else if (name === '') title.push(collapse(cell))
        continue
      }
      if (SIGNATURE_MARK.test(folded)) continue
      if (isBullet(cell)) {
        items.push(cell)
        open = !/[;.]$/.test(cell)
        continue
      }
      const capacityOnly = /^\(([^()]*)\)$/.exec(cell)
      if (capacityOnly && capacityOf(capacityOnly[1]!) && items.length > 0) {
        addToItem(cell)
        continue
      }
      const signing = authority.length > 0 || title.length > 0
      if (PERSON_NAME.test(cell) && signing && name === '' && !(open && /^\p{Ll}/u.test(cell))) {
        name = collapse(cell)
        continue
      }
      if (items.length > 0 && (open || /^\p{Ll}/u.test(cell))) {
        addToItem(cell)
        open = !/[;.]$/.test(cell)
      }
    }
  }
  const recipients = items.map((t) => readRecipientLine(t)).filter((r): r is Recipient => r !== null)
  const layoutHint = authority.length > 0 ? (/\//.test(authority[0]!.slice(0, 4)) ? 'party' : 'state') : null
  const forms = (layout ?? layoutHint) === 'state' ? STATE_FORMS : PARTY_FORMS
  const signer =
    authority.length > 0 || title.length > 0 || name
      ? { onBehalfOf: authority.map((a) => printedAuthority(a, forms)).join('\n'), title: title.join(' '), name }
      : null
  return { recipients, signer, layoutHint }
}

/** A title that reads as whole ("BÍ THƯ"), so a further line in capitals is the name printed in capitals. */
function isCompleteTitle(title: string[]): boolean {
  return SIGNER_TITLE.test(foldVietnamese(title.join(' ')))
}

/** "TM ỦY BAN", "T /M BAN THƯỜNG VỤ" → the layout's printed form: "TM. ỦY BAN", "T/M BAN THƯỜNG VỤ". */
function printedAuthority(line: string, forms: Record<string, string>): string {
  const m = AUTHORITY.exec(line)
  if (!m) return line
  const key = m[1]!.toLowerCase().replace(/[\s/.]/g, '')
  return `${forms[key] ?? m[1]} ${line.slice(m[0].length).trim()}`
}
