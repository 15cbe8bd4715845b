// State (UBND) documents of every kind laid out after the templates of decree 30/2020/NĐ-CP: header and
// national title, the decision's grounds and articles, the official letter's number and "V/v", drafts.

import { type DirectiveDocument, type DirectiveKind, formatDirectiveNumber } from '@hub/domain'
import { describe, expect, it } from 'vitest'
import { type Block, layoutDirective, letterSubjectSize } from './directive-layout'
import { stateDirective } from './test-fixtures'

const texts = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []))
const textBlock = (block: Block | undefined) => (block?.kind === 'text' ? block : null)

/** A state (UBND) document of a kind, numbered as the hub numbers it. */
function stateDoc(kind: DirectiveKind, extra: Partial<DirectiveDocument> = {}): DirectiveDocument {
  return {
    ...stateDirective,
    kind,
    number: formatDirectiveNumber('state', 1, kind, 'UBND'),
    issuedBy: kind === 'QD' ? 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' : null,
    ...extra,
  }
}

const titled: [DirectiveKind, string, string][] = [
  ['CT', 'CHỈ THỊ', 'Số: 1/CT-UBND'],
  ['KH', 'KẾ HOẠCH', 'Số: 1/KH-UBND'],
  ['TB', 'THÔNG BÁO', 'Số: 1/TB-UBND'],
  ['QD', 'QUYẾT ĐỊNH', 'Số: 1/QĐ-UBND'],
]

describe('state documents follow the templates of decree 30/2020/NĐ-CP', () => {
  for (const [kind, title, number] of titled)
    it(`${title}: issuer and national title on top, number beside the date, kind and subject centred under a rule`, () => {
      const layout = layoutDirective(stateDoc(kind))
      const [top, numberRow] = layout.header.rows
      expect(texts(top!.left)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI'])
      expect(top!.left.at(-1)?.kind).toBe('rule')
      expect(texts(top!.right)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'])
      expect(texts(numberRow!.left)).toEqual([number])
      expect(textBlock(numberRow!.right[0])).toMatchObject({ text: 'Hà Nội, ngày 23 tháng 7 năm 2021', italic: true })
      expect(textBlock(layout.heading[0])).toMatchObject({ text: title, bold: true, align: 'center' })
      expect(textBlock(layout.heading[1])).toMatchObject({ text: stateDirective.title, bold: true, align: 'center' })
      expect(layout.heading[2]?.kind).toBe('rule')
    })

  it('QUYẾT ĐỊNH: the authority under the rule, "QUYẾT ĐỊNH:" after the grounds, articles "Điều 1."', () => {
    const layout = layoutDirective(stateDoc('QD'))
    expect(textBlock(layout.heading[3])).toMatchObject({
      text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      bold: true,
    })
    const body = texts(layout.body)
    const decides = body.indexOf('QUYẾT ĐỊNH:')
    expect(decides).toBeGreaterThan(0)
    expect(body[decides + 1]).toMatch(/^Điều 1\. /)
  })

  it('CÔNG VĂN: numbered "1/UBND-VP", no kind title, "V/v" under the number in the left column', () => {
    expect(formatDirectiveNumber('state', 1, 'CV', 'UBND')).toBe('1/UBND-VP')
    const layout = layoutDirective(stateDoc('CV', { title: 'Về việc tăng cường kiểm soát người ra vào Thành phố' }))
    const numberRow = layout.header.rows[1]!
    expect(texts(numberRow.left)).toEqual(['Số: 1/UBND-VP', 'V/v tăng cường kiểm soát người ra vào Thành phố'])
    expect(textBlock(numberRow.left[1])).toMatchObject({ size: letterSubjectSize, bold: false, align: 'center' })
    // Addressed to the units asked to act, before the text.
    expect(texts(layout.heading)).toEqual([
      'Kính gửi:',
      '- Các sở, ban, ngành Thành phố;',
      '- UBND các quận, huyện, thị xã.',
    ])
    const everything = [
      ...layout.header.rows.flatMap((r) => [...r.left, ...r.right]),
      ...layout.heading,
      ...layout.body,
    ]
    expect(texts(everything)).not.toContain('CÔNG VĂN')
  })

  it('a draft of any kind carries "DỰ THẢO" above its header; an issued one does not', () => {
    for (const kind of ['CT', 'KH', 'TB', 'QD', 'CV'] as const) {
      const draft = layoutDirective(stateDoc(kind, { draft: true, number: null }))
      expect(textBlock(draft.header.rows[0]!.right[0])).toMatchObject({ text: 'DỰ THẢO', bold: true })
      expect(texts(draft.header.rows[2]!.left)[0]).toMatch(kind === 'CV' ? /^Số: +\/UBND-VP$/ : /^Số: +\//)
      expect(texts(layoutDirective(stateDoc(kind)).header.rows[0]!.right)).not.toContain('DỰ THẢO')
    }
  })
})
