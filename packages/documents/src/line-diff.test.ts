// The line diff between two texts of a document: changed clauses and the changed whole Vietnamese words,
// a minimal script that rebuilds both sides on random texts, and speed on long, very different texts.

import { describe, expect, it } from 'vitest'
import { diffLines, withWords } from './line-diff'

/** Rebuilds both sides from a diff: the older text from equal+delete, the newer from equal+insert. */
function sides(parts: ReturnType<typeof diffLines>) {
  const pick = (keep: string) =>
    parts
      .filter((p) => p.op === 'equal' || p.op === keep)
      .map((p) => p.text)
      .join('\n')
  return { older: pick('delete'), newer: pick('insert') }
}

/** A diff as a reader sees it, one part a line: "  " kept, "- " deleted, "+ " inserted. */
const unified = (parts: ReturnType<typeof diffLines>) =>
  parts.map((p) => `${{ equal: ' ', delete: '-', insert: '+' }[p.op]} ${p.text}`).join('\n')

describe('diffLines', () => {
  it('marks a changed clause between equal lines', () => {
    const a = 'CHỈ THỊ\n1. Tăng cường kiểm tra\n2. Báo cáo hằng tuần\nNơi nhận'
    const b = 'CHỈ THỊ\n1. Tăng cường kiểm tra, giám sát\n2. Báo cáo hằng tuần\n3. Tổng kết\nNơi nhận'
    expect(unified(diffLines(a, b))).toBe(`\
  CHỈ THỊ
- 1. Tăng cường kiểm tra
+ 1. Tăng cường kiểm tra, giám sát
  2. Báo cáo hằng tuần
+ 3. Tổng kết
  Nơi nhận`)
  })

  it('marks the changed words of a replaced paragraph, whole Vietnamese words', () => {
    const a = 'Các quận báo cáo hằng tuần trước 16 giờ.\nNơi nhận'
    const b = 'Các quận, huyện báo cáo hằng ngày trước 16 giờ.\nNơi nhận'
    const [deleted, inserted, equal] = withWords(diffLines(a, b))
    expect(deleted).toEqual({ op: 'delete', text: 'Các quận báo cáo hằng tuần trước 16 giờ.' })
    expect(equal).toEqual({ op: 'equal', text: 'Nơi nhận' })
    expect(withWords([{ op: 'insert', text: 'x' }])).toEqual([{ op: 'insert', text: 'x' }])
    const words = inserted!.words!
    const changed = (op: string) =>
      words
        .filter((w) => w.op === op)
        .map((w) => w.text.trim())
        .filter(Boolean)
    // Words with diacritics stay whole: "tuần" for "ngày", not "t…" for "ng…".
    expect(changed('delete')).toEqual(['tuần'])
    expect(changed('insert')).toEqual([',', 'huyện', 'ngày'])
    // The words rebuild both paragraphs.
    const side = (skip: string) =>
      words
        .filter((w) => w.op !== skip)
        .map((w) => w.text)
        .join('')
    expect(side('insert')).toBe(deleted!.text)
    expect(side('delete')).toBe(inserted!.text)
  })

  it('handles empty texts and identical texts', () => {
    expect(diffLines('', '')).toEqual([])
    expect(diffLines('', 'a\nb')).toEqual([{ op: 'insert', text: 'a\nb' }])
    expect(diffLines('a\nb', '')).toEqual([{ op: 'delete', text: 'a\nb' }])
    expect(diffLines('a\nb', 'a\nb')).toEqual([{ op: 'equal', text: 'a\nb' }])
  })

  it('is a minimal script that rebuilds both sides on random texts', () => {
    let seed = 7
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x7fffffff
    }
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(rnd() * 30) }, () => String.fromCharCode(97 + Math.floor(rnd() * 4)))
      const b = Array.from({ length: Math.floor(rnd() * 30) }, () => String.fromCharCode(97 + Math.floor(rnd() * 4)))
      const parts = diffLines(a.join('\n'), b.join('\n'))
      const got = sides(parts)
      expect(got.older).toBe(a.join('\n'))
      expect(got.newer).toBe(b.join('\n'))
    }
  })

  it('stays fast on long, very different texts', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join('\n')
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join('\n')
    const t = Date.now()
    const parts = diffLines(a, b)
    expect(Date.now() - t).toBeLessThan(5000)
    expect(sides(parts)).toEqual({ older: a, newer: b })
  })
})
