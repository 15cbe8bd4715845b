// The formal layout of a directive, before any file format: clauses numbered once, number and date on one
// header row, room for the signature, the motto's rule as wide as its text; and paragraph splitting.

import { describe, expect, it } from 'vitest'
import { type Block, layoutDirective, splitParagraphs } from './directive-layout'
import { partyDirective, stateDirective } from './test-fixtures'

const texts = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []))

describe('layoutDirective', () => {
  it('numbers each clause once, splitting its paragraphs', () => {
    const layout = layoutDirective({
      ...partyDirective,
      preamble: '',
      closing: '',
      clauses: [
        { ordinal: 2, text: '2. Đã có số.\n\nĐoạn thứ hai.' },
        { ordinal: 1, text: 'Chưa có số.' },
      ],
    })
    expect(texts(layout.body)).toEqual(['1. Chưa có số.', '2. Đã có số.', 'Đoạn thứ hai.'])
    expect(
      layout.body.every((block) => block.kind === 'text' && block.firstLineIndent && block.align === 'justify'),
    ).toBe(true)
  })

  it('keeps number and date on one row of the header, both variants', () => {
    expect(texts(layoutDirective(partyDirective).header.rows[1]!.left)).toEqual(['Số 05-CT/TU'])
    expect(texts(layoutDirective(stateDirective).header.rows[1]!.right)).toEqual(['Hà Nội, ngày 23 tháng 7 năm 2021'])
  })

  it('leaves room for the signature above the signer’s name', () => {
    const right = layoutDirective(partyDirective).foot.rows[0]!.right
    const name = right.at(-1)!
    expect(name.kind === 'text' && name.text === 'Nguyễn Văn Đức' && name.spaceBefore >= 48).toBe(true)
  })

  it('rules the motto exactly as wide as its text', () => {
    const [motto, rule] = layoutDirective(stateDirective).header.rows[0]!.right.slice(1)
    expect(motto).toMatchObject({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true })
    expect(rule?.kind).toBe('rule')
    expect(rule?.kind === 'rule' && rule.width).toBeGreaterThan(150)
  })
})

describe('splitParagraphs', () => {
  it('drops blank lines and collapses spaces', () => {
    expect(splitParagraphs(' Một  đoạn.\n\n  Hai đoạn. \n')).toEqual(['Một đoạn.', 'Hai đoạn.'])
  })
})
