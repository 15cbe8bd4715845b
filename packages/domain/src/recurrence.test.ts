// Reading a task's rhythm from Vietnamese text: ongoing, daily, weekly or monthly work and its report
// cycle, and none for one-off work.

import { describe, expect, it } from 'vitest'
import { findRecurrence } from './recurrence'

describe('findRecurrence', () => {
  it.each([
    ['Tổ chức kiểm tra thường xuyên việc chấp hành', { freq: 'ongoing', reportCycle: 'weekly' }],
    ['Thường xuyên rà soát, báo cáo kết quả hằng ngày', { freq: 'ongoing', reportCycle: 'daily' }],
    ['Cập nhật số liệu hằng ngày', { freq: 'daily', reportCycle: 'daily' }],
    ['Cập nhật số liệu hàng ngày', { freq: 'daily', reportCycle: 'daily' }],
    ['Tổng hợp, báo cáo hằng tuần', { freq: 'weekly', reportCycle: 'weekly' }],
    ['Kiểm tra hàng tuần tại các chợ', { freq: 'weekly', reportCycle: 'weekly' }],
    ['Sơ kết hằng tháng', { freq: 'monthly', reportCycle: 'monthly' }],
    ['Trực 24/24 giờ hằng ngày; định kỳ hằng tuần báo cáo Ban Chỉ đạo', { freq: 'daily', reportCycle: 'weekly' }],
    ['Hằng ngày báo cáo Văn phòng Thành ủy', { freq: 'daily', reportCycle: 'daily' }],
  ])('%s', (text, expected) => {
    expect(findRecurrence(text)).toEqual(expected)
  })

  it('gives null for one-off work', () => {
    expect(findRecurrence('Hoàn thành trong ngày 28/7/2021.')).toBeNull()
    expect(findRecurrence('Thường trực Thành ủy chỉ đạo')).toBeNull()
    expect(findRecurrence('ngày càng phức tạp')).toBeNull()
  })
})
