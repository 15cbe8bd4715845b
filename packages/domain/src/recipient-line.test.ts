// Reading pasted recipient lines: capacities written in several ways, "Như trên" and empty lines dropped,
// the default capacity.

import { describe, expect, it } from 'vitest'
import { capacityOf, readRecipientLine } from './recipient-line'

describe('readRecipientLine', () => {
  it.each([
    ['- Ban Bí thư Trung ương Đảng, (để b/c)', 'Ban Bí thư Trung ương Đảng', 'report'],
    ['- Các quận ủy, huyện ủy, thị ủy, (để thực hiện)', 'Các quận ủy, huyện ủy, thị ủy', 'execute'],
    ['- Các cơ quan báo chí Thành phố, (để biết)', 'Các cơ quan báo chí Thành phố', 'inform'],
    ['- Bộ Y tế; (để báo cáo)', 'Bộ Y tế', 'report'],
    ['- Văn phòng Trung ương Đảng,', 'Văn phòng Trung ương Đảng', 'inform'],
    ['- Lưu Văn phòng Thành ủy.', 'Văn phòng Thành ủy', 'archive'],
    ['- Lưu: VT, KGVX.', 'VT, KGVX', 'archive'],
    ['- UBND Thành phố (qua Văn phòng);', 'UBND Thành phố (qua Văn phòng)', 'inform'],
    ['- Các sở, ngành } (để t/h)', 'Các sở, ngành', 'execute'],
  ])('%s', (line, name, capacity) => {
    expect(readRecipientLine(line)).toEqual({ name, capacity })
  })

  it('drops "Như trên" and empty lines', () => {
    expect(readRecipientLine('- Như trên;')).toBeNull()
    expect(readRecipientLine('- ;')).toBeNull()
  })

  it('uses the given default', () => {
    expect(readRecipientLine('Sở Y tế', 'execute')).toEqual({ name: 'Sở Y tế', capacity: 'execute' })
  })

  it('reads capacities written in several ways', () => {
    expect(capacityOf('để  B / C')).toBe('report')
    expect(capacityOf('để biết, thực hiện')).toBe('execute')
    expect(capacityOf('qua Văn phòng')).toBeNull()
  })
})
