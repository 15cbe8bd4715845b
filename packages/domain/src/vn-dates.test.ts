// Vietnamese dates read from text and input: place-and-date lines, deadlines in a clause (year-less dates
// dated from the issue day), working days, and dates typed as dd/mm/yyyy with leap days.

import { describe, expect, it } from 'vitest'
import { addWorkingDays, findDeadline, isoDate, parseLongDate, parseTypedDate } from './vn-dates'

describe('parseLongDate', () => {
  it('reads the place-and-date line', () => {
    expect(parseLongDate('Hà Nội, ngày 30 tháng 7 năm 2021')).toBe('2021-07-30')
    expect(parseLongDate('Hà Nội, ngày 03 tháng 8 năm 2021')).toBe('2021-08-03')
    expect(parseLongDate('Tây Hồ, ngày  2  tháng  8 năm 2021')).toBe('2021-08-02')
    expect(parseLongDate('Hà Nội, ngày 30/7/2021')).toBe('2021-07-30')
  })

  it('gives null for a blank or impossible day', () => {
    expect(parseLongDate('Hà Nội, ngày    tháng 8 năm 2021')).toBeNull()
    expect(parseLongDate('ngày 31 tháng 6 năm 2021')).toBeNull()
    expect(isoDate(2021, 2, 29)).toBeNull()
  })
})

describe('findDeadline', () => {
  const issued = '2021-07-30'
  const due = (text: string, issuedAt: string | null = issued) => findDeadline(text, issuedAt)?.dueAt ?? null

  it.each([
    ['Hoàn thành trong ngày 28/7/2021.', '2021-07-28'],
    ['báo cáo Thường trực Thành ủy trước ngày 05/8/2021', '2021-08-05'],
    ['chậm nhất ngày 10/8/2021 phải xong', '2021-08-10'],
    ['chậm nhất là ngày 10 tháng 8 năm 2021', '2021-08-10'],
    ['xong trước 15/8', '2021-08-15'],
    ['trước 17h00 ngày 02/8/2021', '2021-08-02'],
    ['trước 16 giờ ngày 2/8', '2021-08-02'],
    ['hạn chót là 12/8/2021', '2021-08-12'],
    ['không quá ngày 20/8/2021', '2021-08-20'],
    ['hoàn thành trong tháng 8/2021', '2021-08-31'],
    ['triển khai xong trong tháng 9', '2021-09-30'],
    ['trong tháng 2 năm 2022', '2022-02-28'],
    ['hoàn thành trong quý III/2021', '2021-09-30'],
    ['hoàn thành trong 05 ngày', '2021-08-04'],
    ['báo cáo trong thời hạn 3 ngày làm việc', '2021-08-04'],
  ])('%s → %s', (text, expected) => {
    expect(due(text)).toBe(expected)
  })

  it('ignores periods and bare dates', () => {
    expect(due('giãn cách xã hội từ 6h00 ngày 24/7/2021 đến 6h00 ngày 06/8/2021')).toBeNull()
    expect(due('cách ly tập trung trong 14 ngày')).toBeNull()
    expect(due('Chỉ thị số 16/CT-TTg ngày 31/3/2020')).toBeNull()
  })

  it('takes the first deadline of several', () => {
    expect(due('báo cáo trước ngày 05/8/2021, hoàn thành trước ngày 15/8/2021')).toBe('2021-08-05')
  })

  it('dates a year-less date from the issue date, rolling into the next year if needed', () => {
    expect(due('xong trước 15/8', '2020-07-01')).toBe('2020-08-15')
    expect(due('xong trước 05/1', '2021-12-28')).toBe('2022-01-05')
    expect(due('xong trước 15/8', null)).toBeNull()
    expect(due('trước ngày 15/8/2021', null)).toBe('2021-08-15')
  })

  it('reports where the phrase is', () => {
    const found = findDeadline('Sở Y tế hoàn thành trong ngày 28/7/2021.', issued)
    expect(found?.phrase).toBe('trong ngày 28/7/2021')
  })
})

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2021-07-30', 1)).toBe('2021-08-02')
  })
})

describe('parseTypedDate', () => {
  it.each([
    ['05/12/2026', '2026-12-05'],
    ['5/12/2026', '2026-12-05'],
    ['05-12-2026', '2026-12-05'],
    ['05.12.2026', '2026-12-05'],
    ['5/12/26', '2026-12-05'],
    ['15/09/2026', '2026-09-15'],
    ['  1/1/2027 ', '2027-01-01'],
    ['5 / 12 / 2026', '2026-12-05'],
    ['2026-12-05', '2026-12-05'],
  ])('reads %s as %s (day first)', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso)
  })

  it.each(['', '31/06/2026', '29/02/2027', '13/13/2026', '5/12', '5/12/202', '05/12-2026', 'mai', '2026-13-01'])(
    'refuses %j',
    (typed) => {
      expect(parseTypedDate(typed)).toBeNull()
    },
  )

  it('knows leap days', () => {
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29')
  })
})
