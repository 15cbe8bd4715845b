// Line and word diffs of two plain texts (versions of a document), for the version comparison view.
import { diffArrays, diffWordsWithSpace } from 'diff'

/** One run of a word diff inside a changed paragraph. */
export interface WordPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** One run of a line diff: lines both texts share, lines only the newer has, lines only the older has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  /** The run's lines joined by "\n". */
  text: string
}

/** A line diff whose replaced runs also say which words changed (see withWords). */
export type WordedDiffPart = DiffPart & {
  /**
   * On an insert run that replaces the delete run just before it: which words changed between the
   * two (the older run's text is the equal and delete words, the newer's the equal and insert words).
   */
  words?: WordPart[]
}

/** Beyond this many differing lines the diff gives up on a minimal script (its cost grows as the square). */
const MAX_EDIT_LENGTH = 1000
/** A hard bound on the time one diff may take before it falls back to "all deleted, all inserted". */
const MAX_MS = 1000
/** Paragraph runs longer than this get no word diff (a whole rewrite reads better as lines). */
const MAX_WORD_DIFF_CHARS = 4000

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}

/**
 * Line diff of two plain texts (an older and a newer version), as runs of equal, deleted and
 * inserted lines (a deletion before the insertion that replaces it), by jsdiff's Myers diff.
 */
export function diffLines(older: string, newer: string): DiffPart[] {
  const a = lines(older)
  const b = lines(newer)
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: MAX_MS }) ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ]
  const parts: DiffPart[] = []
  for (const c of changes) {
    if (!c.value.length) continue
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal'
    const text = c.value.join('\n')
    const last = parts[parts.length - 1]
    if (last && last.op === op) last.text += `\n${text}`
    else parts.push({ op, text })
  }
  return parts
}

/** Adds to every insert run that replaces a delete run the words that changed within it. */
export function withWords(parts: DiffPart[]): WordedDiffPart[] {
  return parts.map((part, i) => {
    const before = parts[i - 1]
    if (part.op !== 'insert' || before?.op !== 'delete') return part
    const words = diffWords(before.text, part.text)
    return words ? { ...part, words } : part
  })
}

/**
 * Word-level runs between an older and a newer paragraph (Vietnamese words stay whole; spaces and
 * punctuation are their own runs); undefined for very long texts, which read better as lines.
 */
export function diffWords(older: string, newer: string): WordPart[] | undefined {
  if (older.length > MAX_WORD_DIFF_CHARS || newer.length > MAX_WORD_DIFF_CHARS) return undefined
  return diffWordsWithSpace(older, newer).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }))
}
