// Reading one pasted recipient line ("Nơi nhận", "Kính gửi") into a recipient and the capacity it receives
// the document in, for the directive parser's header and footer steps.

import type { Recipient, RecipientCapacity } from './directive'
import { collapse, stripBullet } from './directive-text'
import { foldVietnamese } from './text-fold'

// The capacity a recipient receives a document in, as written in parentheses: "(để b/c)",
// "(để thực hiện)", "(để biết)".
const CAPACITIES: [RegExp, RecipientCapacity][] = [
  [/^(?:de\s+)?(?:b\/c|bc|bao cao)$/, 'report'],
  [
    /^(?:de\s+)?(?:t\/h|th|thuc hien|chi dao(?: thuc hien)?|phoi hop(?: thuc hien)?|p\/h|trien khai(?: thuc hien)?|to chuc thuc hien|biet(?:,| va) thuc hien)$/,
    'execute',
  ],
  [/^(?:de\s+)?(?:biet|theo doi|giam sat|t\/b|thong bao|phoi hop theo doi)$/, 'inform'],
]

/** The capacity a parenthesis names, or null when it is some other remark ("(qua Văn phòng)"). */
export function capacityOf(parenthesis: string): RecipientCapacity | null {
  const folded = foldVietnamese(parenthesis).replace(/\s*\/\s*/g, '/')
  for (const [pattern, capacity] of CAPACITIES) if (pattern.test(folded)) return capacity
  return null
}

/**
 * One recipient line of "Nơi nhận" or "Kính gửi" (without or with its "- "), as a recipient: the
 * capacity in parentheses, else "Lưu ..." as the archive copy, else the default. "Như trên" / "Như
 * Điều 3" (the addressees above, the units an article names) adds no one and gives null.
 */
export function readRecipientLine(text: string, fallback: RecipientCapacity = 'inform'): Recipient | null {
  let capacity: RecipientCapacity | null = null
  const withoutCapacity = text.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    const found = capacityOf(inner)
    if (!found) return whole
    capacity ??= found
    return ' '
  })
  let name = cleanName(stripBullet(withoutCapacity.replace(/[{}]/g, ' ')))
  const folded = foldVietnamese(name)
  if (/^nhu (tren|dieu \d+)\b/.test(folded)) return null
  if (/^luu\b/.test(folded)) {
    capacity = 'archive'
    name = cleanName(name.replace(/^\S+\s*:?/, '')) || 'Lưu'
  }
  if (!name) return null
  return { name, capacity: capacity ?? fallback }
}

function cleanName(s: string): string {
  return collapse(s)
    .replace(/[\s,;.:]+$/, '')
    .replace(/^[\s,;:]+/, '')
}
