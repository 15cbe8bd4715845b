// Reading document symbols: Party and state symbols after "Số", symbols cited in running text but not
// dates or disease names, and the sequence, kind and layout a symbol gives.

import { describe, expect, it } from 'vitest'
import {
  findSymbols,
  kindFromSymbol,
  layoutFromSymbol,
  normalizeSymbol,
  readSymbolAt,
  symbolSequence,
} from './document-symbol'

describe('readSymbolAt', () => {
  it('reads Party and state symbols and stops before the next column', () => {
    expect(readSymbolAt('05-CT/TU')?.symbol).toBe('05-CT/TU')
    expect(readSymbolAt('05 -CT/TU      Hà Nội, ngày 30 tháng 7 năm 2021')?.symbol).toBe('05-CT/TU')
    expect(readSymbolAt('17/CT- UBND')?.symbol).toBe('17/CT-UBND')
    expect(readSymbolAt('30/2020/NĐ-CP')?.symbol).toBe('30/2020/NĐ-CP')
    expect(readSymbolAt('2345/UBND- KGVX\tV/v')?.symbol).toBe('2345/UBND-KGVX')
  })

  it('rejects what is not a symbol', () => {
    expect(readSymbolAt('lượng người')).toBeNull()
    expect(readSymbolAt('23/7/2021')).toBeNull()
  })
})

describe('findSymbols', () => {
  it('finds cited symbols but not dates or disease names', () => {
    const text =
      'Thực hiện văn bản số 177-CV/TU, ngày 23/7/2021 và Chỉ thị số 16/CT-TTg, Nghị định 30/2020/NĐ-CP về COVID-19; Chỉ thị số 16/CT- TTg.'
    expect(findSymbols(text)).toEqual(['177-CV/TU', '16/CT-TTg', '30/2020/NĐ-CP'])
  })
})

describe('symbol parts', () => {
  it('gives the sequence, the kind and the layout', () => {
    expect(symbolSequence('05-CT/TU')).toBe(5)
    expect(kindFromSymbol('05-CT/TU')).toBe('CT')
    expect(kindFromSymbol('17/CT-UBND')).toBe('CT')
    expect(kindFromSymbol('126/KH-UBND')).toBe('KH')
    expect(kindFromSymbol('1103-QĐ/TU')).toBe('QD')
    expect(kindFromSymbol('15/2021/QĐ-UBND')).toBe('QD')
    expect(kindFromSymbol('2345/UBND-KGVX')).toBe('CV')
    expect(kindFromSymbol('1068/CĐ-TTg')).toBeNull()
    expect(layoutFromSymbol('05-CT/TU')).toBe('party')
    expect(layoutFromSymbol('17/CT-UBND')).toBe('state')
    expect(normalizeSymbol('05 - CT / TU')).toBe('05-CT/TU')
  })
})
