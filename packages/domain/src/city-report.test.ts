// The city's report: its access rule and the draft composed from the units' reports and the measure.
import { describe, expect, it } from 'vitest'
import { type CityReportSource, cityReportPolicy, cityReportTitle, composeCityReport, periodWords } from './city-report'
import { parsePeriod } from './period'
import type { Actor, Role } from './policies'
import { UnitTree } from './unit-tree'

const tree = new UnitTree([
  { id: 'city', parentId: null },
  { id: 'tayho', parentId: 'city' },
  { id: 'quangan', parentId: 'tayho' },
  { id: 'hoankiem', parentId: 'city' },
])
const actor = (role: Role, unitId: string): Actor => ({ userId: `${role}@${unitId}`, grants: [{ role, unitId }] })

const report = (over: Partial<CityReportSource>): CityReportSource => ({
  unitId: 'tayho',
  unitName: 'Quận Tây Hồ',
  periodStart: '2021-07-26',
  submittedByName: 'Nguyễn Văn A',
  body: 'Đã lập 12 chốt kiểm soát.',
  figures: null,
  difficulties: '',
  ...over,
})
const week = parsePeriod('2021-W30', '2021-08-01')!

describe('city report access', () => {
  it.each([
    ['committee_member', 'city', 'write'],
    ['office_drafter', 'city', 'write'],
    ['admin', 'city', 'write'],
    ['inspector', 'city', 'read'],
    ['viewer', 'city', 'read'],
    ['unit_head', 'tayho', 'none'],
    ['office_drafter', 'tayho', 'none'],
    ['unit_head', 'quangan', 'none'],
  ] as const)('%s of %s: %s', (role, unit, access) => {
    expect(cityReportPolicy.access(actor(role, unit), tree, 'city')).toBe(access)
  })
  it('nobody without a role', () => {
    expect(cityReportPolicy.access({ userId: 'x', grants: [] }, tree, 'city')).toBe('none')
  })
})

describe('composing the city report', () => {
  it('words the period in Vietnamese with dd/mm/yyyy dates', () => {
    expect(periodWords(week)).toBe('tuần 30/2021 (từ 26/07/2021 đến 01/08/2021)')
    expect(periodWords(parsePeriod('2021-07', '2021-08-01')!)).toBe('tháng 7/2021')
    expect(periodWords(parsePeriod('2021-07-28', '2021-08-01')!)).toBe('ngày 28/07/2021')
    expect(cityReportTitle(week)).toBe('Kết quả thực hiện nhiệm vụ tuần 30/2021')
  })

  it('lists who reported and who did not, attributes each body, sums figures by name and unit, groups difficulties', () => {
    const out = composeCityReport({
      period: week,
      expected: [
        { id: 'tayho', name: 'Quận Tây Hồ' },
        { id: 'hoankiem', name: 'Quận Hoàn Kiếm' },
        { id: 'badinh', name: 'Quận Ba Đình' },
      ],
      reports: [
        report({
          figures: { 'Chốt kiểm soát': 12, 'Phiếu đi chợ': { value: 1000, unit: 'phiếu' }, 'Ghi chú': 'ổn định' },
          difficulties: 'Thiếu lực lượng trực chốt ban đêm.',
        }),
        report({
          periodStart: '2021-07-27',
          figures: { 'Chốt kiểm soát': 3 },
          difficulties: 'thiếu lực lượng trực chốt ban đêm',
        }),
        report({
          unitId: 'hoankiem',
          unitName: 'Quận Hoàn Kiếm',
          submittedByName: 'Trần Thị B',
          body: 'Phong tỏa 2 ngõ.\nĐã xét nghiệm 300 người.',
          figures: { 'Chốt kiểm soát': 5, 'Phiếu đi chợ': { value: 500, unit: 'phiếu' } },
          difficulties: 'Thiếu lực lượng trực chốt ban đêm.\nChưa thống nhất mẫu giấy đi đường.',
        }),
      ],
      measure: [
        {
          unitId: 'tayho',
          score: 80,
          rating: 'Hoàn thành tốt nhiệm vụ',
          overdue: 2,
          reportsExpected: 7,
          reportsLate: 1,
          reportsMissing: 1,
        },
        {
          unitId: 'hoankiem',
          score: 91,
          rating: 'Hoàn thành xuất sắc nhiệm vụ',
          overdue: 0,
          reportsExpected: 7,
          reportsLate: 0,
          reportsMissing: 0,
        },
      ],
    })
    expect(out.reported).toEqual(['Quận Hoàn Kiếm', 'Quận Tây Hồ'])
    expect(out.missing).toEqual(['Quận Ba Đình'])
    expect(out.totals).toEqual([
      { name: 'Chốt kiểm soát', unit: '', total: 20, units: 2 },
      { name: 'Phiếu đi chợ', unit: 'phiếu', total: 1500, units: 2 },
    ])
    expect(out.difficulties).toEqual([
      { text: 'Thiếu lực lượng trực chốt ban đêm.', units: ['Quận Tây Hồ', 'Quận Hoàn Kiếm'] },
      { text: 'Chưa thống nhất mẫu giấy đi đường.', units: ['Quận Hoàn Kiếm'] },
    ])
    const text = out.paragraphs.join('\n')
    expect(text).toContain('Đã báo cáo: 2/3 đơn vị: Quận Hoàn Kiếm, Quận Tây Hồ.')
    expect(text).toContain('Chưa báo cáo: 1 đơn vị: Quận Ba Đình.')
    // Tây Hồ's two days said the same: one paragraph, both days, its author.
    expect(text).toContain('(Báo cáo kỳ 26/07/2021; 27/07/2021, Nguyễn Văn A báo cáo): Đã lập 12 chốt kiểm soát.')
    expect(text).toContain('(Báo cáo kỳ 26/07/2021, Trần Thị B báo cáo): Phong tỏa 2 ngõ.\nĐã xét nghiệm 300 người.')
    // A unit's own figures are summed over its reports of the period; its texts kept as written.
    expect(text).toContain('Số liệu (cộng trong kỳ): Chốt kiểm soát: 15; Phiếu đi chợ: 1.000 phiếu; Ghi chú: ổn định.')
    expect(text).toContain('Số liệu: Chốt kiểm soát: 5; Phiếu đi chợ: 500 phiếu.')
    // Tây Hồ reported, but not every day it owed.
    expect(text).toContain('Còn thiếu báo cáo trong kỳ: Quận Tây Hồ (thiếu 1).')
    expect(text).toContain('- Chốt kiểm soát: 20 (2 đơn vị báo cáo).')
    expect(text).toContain('- Phiếu đi chợ: 1.500 phiếu (2 đơn vị báo cáo).')
    expect(text).toContain('- Thiếu lực lượng trực chốt ban đêm (Quận Tây Hồ, Quận Hoàn Kiếm).')
    expect(text).toContain('Điểm thước đo bình quân của 2 đơn vị: 85,5.')
    expect(text).toContain('- Hoàn thành xuất sắc nhiệm vụ: 1 đơn vị.')
    expect(text).toContain('Báo cáo định kỳ: 12/14 báo cáo đúng hạn, 1 chậm, 1 chưa gửi.')
    expect(text).toContain('Nhiệm vụ quá hạn chưa hoàn thành: 2.')
    // The sections in order; Hoàn Kiếm before Tây Hồ (Vietnamese order).
    const at = (s: string) => text.indexOf(s)
    expect(at('I. TÌNH HÌNH')).toBeLessThan(at('II. KẾT QUẢ'))
    expect(at('1. Quận Hoàn Kiếm')).toBeLessThan(at('2. Quận Tây Hồ'))
    expect(at('III. SỐ LIỆU')).toBeLessThan(at('IV. KHÓ KHĂN'))
    expect(at('V. ĐÁNH GIÁ')).toBeLessThan(at('VI. PHƯƠNG HƯỚNG'))
  })

  it('says so when nobody reported and nothing was measured', () => {
    const out = composeCityReport({ period: week, expected: [{ id: 'a', name: 'Quận A' }], reports: [], measure: [] })
    expect(out.paragraphs).toContain('Đã báo cáo: 0/1 đơn vị.')
    expect(out.paragraphs).toContain('Chưa báo cáo: 1 đơn vị: Quận A.')
    expect(out.paragraphs).toContain('Không có đơn vị nào gửi báo cáo trong kỳ.')
    expect(out.paragraphs).toContain('Chưa có số liệu thước đo của các đơn vị trong kỳ.')
    expect(out.totals).toEqual([])
  })
})
