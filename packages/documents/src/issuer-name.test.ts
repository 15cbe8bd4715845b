// How issuing bodies are printed: a people's committee on two lines, a Party committee on one; and the
// letters of a body in a document's symbol, with initials (keeping Đ) as the fallback.

import { describe, expect, it } from 'vitest'
import { issuerLetters, issuerLines } from './issuer-name'

describe('issuerLines', () => {
  it('puts a people’s committee on two lines, as decree 30 prints it', () => {
    expect(issuerLines('Ủy ban nhân dân thành phố Hà Nội')).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI'])
  })

  it('keeps a Party committee on one line and honours explicit breaks', () => {
    expect(issuerLines('THÀNH ỦY HÀ NỘI')).toEqual(['THÀNH ỦY HÀ NỘI'])
    expect(issuerLines('BAN CHỈ ĐẠO\nPHÒNG, CHỐNG DỊCH')).toEqual(['BAN CHỈ ĐẠO', 'PHÒNG, CHỐNG DỊCH'])
  })
})

describe('issuerLetters', () => {
  it('knows the bodies of both conventions, in either tone placement', () => {
    expect(issuerLetters('THÀNH ỦY HÀ NỘI')).toBe('TU')
    expect(issuerLetters('THÀNH UỶ HÀ NỘI')).toBe('TU')
    expect(issuerLetters('QUẬN ỦY HOÀN KIẾM')).toBe('QU')
    expect(issuerLetters('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('UBND')
    expect(issuerLetters('HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('HĐND')
  })

  it('falls back to initials, keeping Đ', () => {
    expect(issuerLetters('ĐOÀN KIỂM TRA SỐ 3')).toBe('ĐK')
  })
})
