// Vietnamese long dates as documents print them (decree 30's padding, impossible dates refused) and the
// place-and-date line, with the blanks a draft leaves.

import { describe, expect, it } from 'vitest'
import { formatPlaceAndDate, formatVietnameseLongDate, parseIsoDate } from './vn-date'

describe('formatVietnameseLongDate', () => {
  it('writes months from March on without padding', () => {
    expect(formatVietnameseLongDate('2021-07-30')).toBe('ngày 30 tháng 7 năm 2021')
    expect(formatVietnameseLongDate('2021-12-31')).toBe('ngày 31 tháng 12 năm 2021')
    expect(formatVietnameseLongDate('2021-03-15')).toBe('ngày 15 tháng 3 năm 2021')
  })

  it('pads days below 10 and the months January and February (decree 30)', () => {
    expect(formatVietnameseLongDate('2022-01-05')).toBe('ngày 05 tháng 01 năm 2022')
    expect(formatVietnameseLongDate('2021-02-10')).toBe('ngày 10 tháng 02 năm 2021')
    expect(formatVietnameseLongDate('2021-08-03')).toBe('ngày 03 tháng 8 năm 2021')
    expect(formatVietnameseLongDate('2021-10-09')).toBe('ngày 09 tháng 10 năm 2021')
  })

  it('rejects what is not a calendar date rather than printing a wrong one', () => {
    expect(() => formatVietnameseLongDate('30/7/2021')).toThrow(RangeError)
    expect(() => formatVietnameseLongDate('2021-07-30T10:00:00Z')).toThrow(RangeError)
    expect(() => formatVietnameseLongDate('2021-02-29')).toThrow(RangeError)
    expect(() => formatVietnameseLongDate('2021-13-01')).toThrow(RangeError)
  })

  it('accepts the leap day of a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })
})

describe('formatPlaceAndDate', () => {
  it('joins place and date', () => {
    expect(formatPlaceAndDate('Hà Nội', '2021-07-30')).toBe('Hà Nội, ngày 30 tháng 7 năm 2021')
  })

  it('leaves the blanks offices fill in by hand when a draft has no date', () => {
    expect(formatPlaceAndDate('Hà Nội', null)).toBe('Hà Nội, ngày    tháng    năm 20..')
  })
})
