// The printed number-and-symbol line: "Số" in Party documents and "Số:" in state ones, a label typed
// into the number not doubled, a draft's blank before the symbol.

import { describe, expect, it } from 'vitest'
import { numberLine } from './document-number'

describe('numberLine', () => {
  it('writes a Party number without a colon and a state number with one', () => {
    expect(numberLine({ layout: 'party', number: '05-CT/TU', kind: 'CT', issuer: 'THÀNH ỦY HÀ NỘI' })).toBe(
      'Số 05-CT/TU',
    )
    expect(
      numberLine({ layout: 'state', number: '17/CT-UBND', kind: 'CT', issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' }),
    ).toBe('Số: 17/CT-UBND')
  })

  it('does not double a label already typed into the number', () => {
    expect(numberLine({ layout: 'state', number: 'Số: 17/CT-UBND', kind: 'CT', issuer: 'UBND' })).toBe('Số: 17/CT-UBND')
  })

  it('leaves a blank before the symbol in a draft', () => {
    expect(numberLine({ layout: 'party', number: null, kind: 'CT', issuer: 'THÀNH ỦY HÀ NỘI' })).toBe('Số      -CT/TU')
    expect(numberLine({ layout: 'state', number: null, kind: 'QD', issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' })).toBe(
      'Số:      /QĐ-UBND',
    )
  })
})
