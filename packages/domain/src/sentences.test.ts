// Splitting Vietnamese directive text into sentences: at a semicolon only before a new subject,
// abbreviations and numbers kept whole, offsets into the original text.

import { describe, expect, it } from 'vitest'
import { splitSentences } from './sentences'

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  it('splits lines and sentences', () => {
    expect(split('Sở Y tế chủ trì. Công an Thành phố phối hợp.\n- Kiểm soát chốt;\n+ Trực 24/24.')).toEqual([
      'Sở Y tế chủ trì.',
      'Công an Thành phố phối hợp.',
      '- Kiểm soát chốt;',
      '+ Trực 24/24.',
    ])
  })

  it('splits at a semicolon only before a new subject', () => {
    expect(split('Sở Y tế xét nghiệm; xử lý nghiêm vi phạm; Công an Thành phố truy vết.')).toEqual([
      'Sở Y tế xét nghiệm; xử lý nghiêm vi phạm;',
      'Công an Thành phố truy vết.',
    ])
  })

  it('keeps abbreviations and numbers inside', () => {
    expect(split('UBND TP. Hà Nội chỉ đạo. Số liệu 1.234 ca.')).toEqual([
      'UBND TP. Hà Nội chỉ đạo.',
      'Số liệu 1.234 ca.',
    ])
  })

  it('gives offsets into the text', () => {
    const spans = splitSentences('  A b.  C d.\nE')
    expect(spans).toEqual([
      { start: 2, end: 6 },
      { start: 8, end: 12 },
      { start: 13, end: 14 },
    ])
  })
})
