// Notification titles per language (with the test i18n catalogue): the server's Vietnamese title kept in
// Vietnamese, English rendered from kind and data, an unknown kind left as stored; where a published
// inspection's notification leads.

import { describe, expect, it } from 'vitest'
import { notificationTarget } from '../components/notification-target'
import { i18nForTests } from '../i18n/test-instance'
import { notificationTitle } from './notification-text'

const i18n = i18nForTests()

describe('notifications in the UI’s language', () => {
  const assigned = {
    kind: 'task.assigned',
    title: 'Nhiệm vụ mới: Rà soát hộ khó khăn',
    count: 1,
    data: { taskId: 't1', title: 'Rà soát hộ khó khăn', dueAt: '2026-12-05' },
  }

  it('says a published inspection conclusion in English, with its date and outcome', () => {
    const published = {
      kind: 'inspection.published',
      title: 'Kết luận kiểm tra ngày 01/12/2026 (biểu dương): Quận Tây Hồ',
      count: 1,
      data: { inspectionId: 'i1', unitId: 'u1', date: '2026-12-01', outcome: 'commend' },
    }
    expect(notificationTitle(i18n.getFixedT('en'), published, 'en')).toBe(
      'Inspection conclusion of 01/12/2026 published (Commend)',
    )
    expect(notificationTitle(i18n.getFixedT('vi'), published, 'vi')).toBe(published.title)
    // It opens the unit's measure page, where the published conclusion is read.
    expect(notificationTarget({ ...published, data: published.data } as never)).toBe('/accountability/u1')
  })

  it('renders the English line from kind and data, not the stored Vietnamese title', () => {
    expect(notificationTitle(i18n.getFixedT('en'), assigned, 'en')).toBe('New task: Rà soát hộ khó khăn')
    expect(notificationTitle(i18n.getFixedT('en'), { ...assigned, count: 30 }, 'en')).toBe('30 new tasks assigned')
    expect(
      notificationTitle(
        i18n.getFixedT('en'),
        { kind: 'task.due_soon', title: 'Sắp đến hạn', count: 1, data: { title: 'Báo cáo', dueAt: '2026-12-05' } },
        'en',
      ),
    ).toBe('Due soon (05/12/2026): Báo cáo')
    expect(
      notificationTitle(
        i18n.getFixedT('en'),
        { kind: 'directive.received', title: 'x', count: 1, data: { number: '05-CT/TU', title: 'Phòng chống dịch' } },
        'en',
      ),
    ).toBe('New directive 05-CT/TU: Phòng chống dịch')
  })

  it('keeps the server’s Vietnamese title in Vietnamese, and any title of an unknown kind', () => {
    expect(notificationTitle(i18n.getFixedT('vi'), assigned, 'vi')).toBe(assigned.title)
    expect(notificationTitle(i18n.getFixedT('en'), { ...assigned, kind: 'something.new' }, 'en')).toBe(assigned.title)
  })
})
