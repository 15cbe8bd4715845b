// The measure of a successor on its predecessors (issue 17): a measured unit's `members` are the
// units whose records count as its own; the records keep their unit and other units are unaffected.
import { describe, expect, it } from 'vitest'
import { measureFixture } from './fixtures/measure'
import { measureUnits } from './measure'

const { units, task, input } = measureFixture('2026-12-02', '2025-05', {
  // Done on time in May 2025 unless a test says otherwise.
  defaults: { status: 'done', dueAt: '2025-05-20', completedDay: '2025-05-18', lastTouchDay: '2025-05-18' },
  units: [
    { id: 'city', name: 'Hà Nội', kind: 'city', parentId: null },
    { id: 'q', name: 'Quận Tây Hồ', kind: 'district', parentId: 'city' },
    { id: 'b', name: 'Phường Bưởi', kind: 'commune', parentId: 'q' },
    { id: 'x', name: 'Phường Xuân La', kind: 'commune', parentId: 'q' },
    { id: 'new', name: 'Phường Tây Hồ', kind: 'commune', parentId: 'city' },
  ],
})
const ref = (id: string) => {
  const u = units.find((x) => x.id === id)!
  return { id: u.id, name: u.name, kind: u.kind }
}

describe('a successor measured on its predecessors', () => {
  it('counts the tasks, reports and inspections of its members as its own, each record keeping its unit', () => {
    const recorded = input([], {
      tasks: [
        task('1', 'b', {}),
        task('2', 'x', { completedDay: '2025-05-25' }),
        task('3', 'new', { dueAt: '2025-05-21' }),
        task('4', 'q', { status: 'in_progress', completedDay: null }),
      ],
      reports: [],
      schedules: [
        {
          id: 's',
          title: 'Báo cáo tuần',
          cycle: 'weekly' as const,
          unitId: null,
          unitKind: 'commune',
          startsOn: '2025-05-01',
          endsOn: null,
        },
      ],
      inspections: [
        {
          id: 'i',
          unitId: 'b',
          date: '2025-05-10',
          kind: 'planned' as const,
          outcome: 'commend' as const,
          findings: '',
        },
      ],
    })
    const m = measureUnits({
      ...recorded,
      units: [{ ...ref('new'), members: [ref('b'), ref('x'), ref('q')] }, ref('b')],
    })
    const merged = m.get('new')!
    // Phường Bưởi's on time, Xuân La's late, the district's open one overdue; the successor's own task is not a member's.
    expect(merged.figures.dueInPeriod).toBe(3)
    expect(merged.figures.doneOnTime).toBe(1)
    expect(merged.figures.doneLate).toBe(1)
    expect(merged.records.dueInPeriod.map((t) => t.unitId).sort()).toEqual(['b', 'q', 'x'])
    expect(merged.figures.inspections.commend).toBe(1)
    // The weekly reports both wards owed (the district's kind owes none), none submitted.
    const alone = measureUnits({ ...recorded, units: [ref('b')] }).get('b')!
    expect(merged.figures.reportsExpected).toBe(2 * alone.figures.reportsExpected)
    expect(merged.figures.reportsMissing).toBe(merged.figures.reportsExpected)
    // Phường Bưởi measured beside it is unchanged by being a member of another.
    expect(m.get('b')!.figures).toEqual(alone.figures)
  })
})
