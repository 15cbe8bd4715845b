// Finding units named in directive text on a made-up directory: names, abbreviations and groups ("các
// quận, huyện"), the longest name first, and names read on a day of the dated tree.

import { describe, expect, it } from 'vitest'
import { communeIds, districtIds, fakeUnits, sectorIds } from './fixtures/fake-units'
import { createUnitMatcher, nameVariants } from './unit-matcher'

const match = createUnitMatcher(fakeUnits)
const ids = (text: string) => match(text).map((m) => (m.group ? m.unitIds : m.unitIds[0]))

describe('createUnitMatcher: names', () => {
  it.each([
    ['Ban cán sự đảng UBND Thành phố', 'b-bcsd'],
    ['Ban cán sự đảng Ủy ban nhân dân Thành phố', 'b-bcsd'],
    ['Đảng đoàn HĐND Thành phố', 'b-ddhd'],
    ['Đảng đoàn Hội đồng nhân dân Thành phố', 'b-ddhd'],
    ['Ủy ban MTTQ Thành phố', 'b-mttq'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố', 'b-mttq'],
    ['Mặt trận Tổ quốc Thành phố', 'b-mttq'],
    ['MTTQ Thành phố', 'b-mttq'],
    ['Công an Thành phố', 's-ca'],
    ['Công an TP', 's-ca'],
    ['CÔNG AN THÀNH PHỐ', 's-ca'],
    ['Sở Y tế', 's-yt'],
    ['ngành Y tế', 's-yt'],
    ['Ngành Công Thương', 's-ct'],
    ['Sở Công Thương', 's-ct'],
    ['Văn phòng Thành ủy', 'b-vptu'],
    ['VPTU', 'b-vptu'],
    ['Ban Chỉ đạo Thành phố', 'b-bcd'],
    ['Sở Lao động-Thương binh và Xã hội', 's-ldtbxh'],
    ['Sở Lao động  -  Thương binh và Xã hội', 's-ldtbxh'],
    ['Quận ủy Tây Hồ', 'd-tayho'],
    ['UBND quận Tây Hồ', 'd-tayho'],
    ['quận Tây Hồ', 'd-tayho'],
    ['Tây Hồ', 'd-tayho'],
    ['Tay Ho', 'd-tayho'],
    ['Quận ủy Hoàn Kiếm', 'd-hoankiem'],
    ['Thị ủy Sơn Tây', 'd-sontay'],
    ['Huyện ủy Sóc Sơn', 'd-socson'],
    ['Sóc Sơn', 'd-socson'],
    ['thị trấn Sóc Sơn', 'c-socson'],
    ['Đảng ủy phường Quảng An', 'c-quangan'],
  ])('%s → %s', (text, id) => {
    expect(ids(`Giao ${text} thực hiện.`)).toEqual([id])
  })

  it('does not match a commune by its bare name, nor the city by "Thành phố"', () => {
    expect(ids('đường Quảng An')).toEqual([])
    expect(ids('trên địa bàn Thành phố')).toEqual([])
  })

  it('prefers the longest name and gives offsets in the original text', () => {
    const text = 'Ban cán sự đảng UBND Thành phố chỉ đạo, phối hợp với Sở Y tế.'
    const mentions = match(text)
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Ban cán sự đảng UBND Thành phố', 'Sở Y tế'])
  })
})

describe('createUnitMatcher: groups', () => {
  it.each([
    ['các quận, huyện, thị xã', districtIds],
    ['UBND các quận, huyện, thị xã', districtIds],
    ['các quận ủy, huyện ủy, thị ủy', districtIds],
    ['các cấp ủy quận, huyện', districtIds],
    ['30 quận, huyện, thị xã', districtIds],
    ['chính quyền cấp huyện', districtIds],
    ['các xã, phường, thị trấn', communeIds],
    ['các đảng ủy phường', communeIds],
    ['các sở, ban, ngành', sectorIds],
  ])('%s', (text, expected) => {
    const mentions = match(`Giao ${text} thực hiện.`)
    expect(mentions).toHaveLength(1)
    expect(mentions[0]!.group).toBe(true)
    expect(mentions[0]!.unitIds).toEqual(expected)
  })

  it('does not take "xã hội" for communes', () => {
    expect(match('các đoàn thể chính trị - xã hội, các xã hội nghề nghiệp')).toEqual([])
  })

  it('finds each unit of a list', () => {
    expect(ids('Công an Thành phố, Bộ Tư lệnh Thủ đô và Sở Giao thông vận tải')).toEqual(['s-ca', 's-btl', 's-gtvt'])
  })
})

describe('nameVariants', () => {
  it('spells abbreviations both ways', () => {
    const v = nameVariants('uy ban mttq thanh pho')
    expect(v).toContain('mat tran to quoc thanh pho')
    expect(v).toContain('uy ban mat tran to quoc viet nam thanh pho')
    expect(nameVariants('so y te')).toContain('nganh y te')
  })
})

describe('createUnitMatcher: on a day of the dated tree', () => {
  const dated = [
    {
      id: 'old-nghiado',
      name: 'Phường Nghĩa Đô',
      kind: 'commune' as const,
      code: '00163',
      parentId: 'd-caugiay',
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    },
    {
      id: 'd-caugiay',
      name: 'Quận Cầu Giấy',
      kind: 'district' as const,
      code: '005',
      parentId: 'city',
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    },
    {
      id: 'new-nghiado',
      name: 'Phường Nghĩa Đô',
      kind: 'commune' as const,
      code: '00160',
      parentId: 'city',
      validFrom: '2025-07-01',
    },
  ]

  it('takes a name shared across the reform as the unit of that day', () => {
    expect(createUnitMatcher(dated, { on: '2021-07-30' })('Đảng ủy phường Nghĩa Đô')[0]!.unitIds).toEqual([
      'old-nghiado',
    ])
    expect(createUnitMatcher(dated, { on: '2026-12-01' })('Đảng ủy phường Nghĩa Đô')[0]!.unitIds).toEqual([
      'new-nghiado',
    ])
  })

  it('flags a unit out of force that day, and groups only count units in force', () => {
    const m = createUnitMatcher(dated, { on: '2026-12-01' })('Quận ủy Cầu Giấy và các xã, phường')
    expect(m.map((x) => [x.unitIds, !!x.ceased])).toEqual([
      [['d-caugiay'], true],
      [['new-nghiado'], false],
    ])
    expect(createUnitMatcher(dated)('Quận ủy Cầu Giấy')[0]!.ceased).toBeUndefined()
  })
})
