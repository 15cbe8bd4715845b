// The printed "Nơi nhận" list: capacities grouped, the archive copy last, commas in Party documents and
// semicolons with "Lưu:" in state ones, always ending with a full stop.

import type { Recipient } from '@hub/domain'
import { describe, expect, it } from 'vitest'
import { recipientLines } from './recipient-lines'

const recipients: Recipient[] = [
  { name: 'Ban Bí thư Trung ương Đảng', capacity: 'report' },
  { name: 'Văn phòng Trung ương Đảng,', capacity: 'report' },
  { name: 'Lưu Văn phòng Thành ủy', capacity: 'archive' },
  { name: '- Đảng đoàn HĐND Thành phố', capacity: 'execute' },
  { name: 'Ban cán sự đảng UBND Thành phố', capacity: 'execute' },
  { name: 'Các đồng chí Thành ủy viên', capacity: 'inform' },
]

describe('recipientLines', () => {
  it('groups capacities, puts the archive copy last and ends with a full stop (Party)', () => {
    expect(recipientLines('party', recipients)).toEqual([
      '- Ban Bí thư Trung ương Đảng,',
      '- Văn phòng Trung ương Đảng (để b/c),',
      '- Đảng đoàn HĐND Thành phố,',
      '- Ban cán sự đảng UBND Thành phố (để thực hiện),',
      '- Các đồng chí Thành ủy viên (để biết),',
      '- Lưu Văn phòng Thành ủy.',
    ])
  })

  it('uses semicolons and "Lưu:" in state documents', () => {
    expect(
      recipientLines('state', [
        { name: 'Thủ tướng Chính phủ', capacity: 'report' },
        { name: 'UBND các quận, huyện, thị xã', capacity: 'execute' },
        { name: 'VT, KGVX', capacity: 'archive' },
      ]),
    ).toEqual(['- Thủ tướng Chính phủ (để b/c);', '- UBND các quận, huyện, thị xã (để thực hiện);', '- Lưu: VT, KGVX.'])
  })

  it('closes the list with a full stop even without an archive line', () => {
    expect(recipientLines('party', [{ name: 'Các quận ủy, huyện ủy, thị ủy', capacity: 'execute' }])).toEqual([
      '- Các quận ủy, huyện ủy, thị ủy (để thực hiện).',
    ])
  })
})
