// Search matching as users type: queries folded (diacritics and case optional), matches at their original
// positions, snippets, ranking and whole-word highlights.

import { describe, expect, it } from 'vitest'
import { matchRanges, searchScore, searchTerms, snippetOf } from './search-text'

describe('search text', () => {
  it('folds a query: diacritics optional, case-insensitive, đ→d, punctuation dropped', () => {
    expect(searchTerms('PHIẾU ĐI CHỢ')).toEqual({ phrase: 'phieu di cho', tokens: ['phieu', 'di', 'cho'] })
    expect(searchTerms('  "3 lớp"  ')).toEqual({ phrase: '3 lop', tokens: ['3', 'lop'] })
    expect(searchTerms('4 tai cho').phrase).toBe('4 tai cho')
  })

  it('finds the words of a query in text typed with diacritics, at their original positions', () => {
    const text = 'Mô hình "3 lớp" bảo vệ vùng xanh'
    const ranges = matchRanges(text, searchTerms('3 lop').tokens)
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['3', 'lớp'])
  })

  it('cuts a snippet around the first match and marks the matches inside it', () => {
    const long = `${'Nội dung mở đầu dài dòng. '.repeat(20)}Phát phiếu đi chợ cho từng hộ gia đình.${' Kết thúc.'.repeat(20)}`
    const { snippet, highlights } = snippetOf(long, searchTerms('phieu di cho').tokens, 80)
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(84)
    expect(highlights.slice(0, 3).map(([a, b]) => snippet.slice(a, b))).toEqual(['phiếu', 'đi', 'chợ'])
  })

  it('ranks the phrase in the title above words in the body, and the recent above the old', () => {
    const terms = searchTerms('phieu di cho')
    const now = new Date('2021-08-10T00:00:00Z')
    const title = searchScore('Phiếu đi chợ', '', terms, new Date('2021-01-01'), now)
    const body = searchScore('Giao ban', 'nhân rộng phiếu đi chợ', terms, now, now)
    expect(title).toBeGreaterThan(body)
    const recent = searchScore('Phiếu đi chợ tuần 2', '', terms, now, now)
    const old = searchScore('Phiếu đi chợ tuần 1', '', terms, new Date('2021-01-01'), now)
    expect(recent).toBeGreaterThan(old)
  })
})

describe('highlights', () => {
  it('marks whole words; the last word marks a word start only when it never occurs whole', () => {
    const text = 'Giao ban công tác phòng, chống dịch; nhân rộng mô hình phiếu đi chợ.'
    const marked = (q: string) => matchRanges(text, searchTerms(q).tokens).map(([a, b]) => text.slice(a, b))
    expect(marked('phieu di cho')).toEqual(['phiếu', 'đi', 'chợ'])
    expect(marked('phieu di ch')).toEqual(['ch', 'phiếu', 'đi', 'ch'])
  })
})
