// Folding Vietnamese text for matching: case and diacritics (đ, old and new tone placement, NFD input),
// whitespace, lengths kept for index mapping, and normalisation that keeps tabs and line breaks.

import { describe, expect, it } from 'vitest'
import { foldChars, foldVietnamese, normalizeText } from './text-fold'

describe('foldVietnamese', () => {
  it('lowercases and removes diacritics, đ included', () => {
    expect(foldVietnamese('ĐẢNG CỘNG SẢN VIỆT NAM')).toBe('dang cong san viet nam')
    expect(foldVietnamese('Quận ủy Tây Hồ')).toBe('quan uy tay ho')
    expect(foldVietnamese('đường dây nóng')).toBe('duong day nong')
  })

  it('treats old and new tone placement alike', () => {
    expect(foldVietnamese('HOÀ')).toBe(foldVietnamese('HÒA'))
    expect(foldVietnamese('uỷ ban')).toBe(foldVietnamese('ủy ban'))
  })

  it('accepts decomposed (NFD) input as pasted from some PDFs', () => {
    expect(foldVietnamese('Thành ủy'.normalize('NFD'))).toBe('thanh uy')
  })

  it('collapses whitespace of every kind and trims', () => {
    expect(foldVietnamese('  Sở\u00a0Y\ttế \r\n Hà  Nội ')).toBe('so y te ha noi')
    expect(foldVietnamese('a\u200bb')).toBe('ab')
  })

  it('leaves digits and punctuation alone', () => {
    expect(foldVietnamese('Số 05-CT/TU, ngày 30/7/2021')).toBe('so 05-ct/tu, ngay 30/7/2021')
  })
})

describe('foldChars', () => {
  it('keeps the length so indexes map back to the original', () => {
    const s = 'Ban cán sự đảng UBND Thành phố\u00a0chỉ đạo'
    const f = foldChars(s)
    expect(f).toHaveLength(s.length)
    const i = f.indexOf('chi dao')
    expect(s.slice(i, i + 7)).toBe('chỉ đạo')
  })
})

describe('normalizeText', () => {
  it('composes characters and replaces odd spaces but keeps tabs and line breaks', () => {
    expect(normalizeText('Tha\u0300nh\u00a0ủy\t\n')).toBe('Thành ủy\t\n')
  })
})
