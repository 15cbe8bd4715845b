// The measure of units: on-time, late and overdue tasks, reports against their schedules, inspections,
// sub-units and freshness, weighed and rated by the settings.
import { describe, expect, it } from 'vitest'
import { measureFixture } from './fixtures/measure'
import { defaultMeasureSettings, expectedReports, type MeasureInput, measureUnits, rate } from './measure'
import { parsePeriod } from './period'

const today = '2021-08-20'
const { task, input } = measureFixture(today, '2021-08')
/** The two districts, measured on what `over` records. */
const base = (over: Partial<MeasureInput> = {}) => input(['th', 'hk'], over)

describe('the measure', () => {
  it('counts on time, late and overdue tasks from their due and completion days', () => {
    const m = measureUnits(
      base({
        tasks: [
          task('a', 'th', { status: 'done', dueAt: '2021-08-05', completedDay: '2021-08-05' }),
          task('b', 'th', { status: 'done', dueAt: '2021-08-05', completedDay: '2021-08-07' }),
          task('c', 'th', { dueAt: '2021-08-10' }),
          task('d', 'th', { dueAt: '2021-07-28' }), // overdue from last month: backlog, not due in August
          task('e', 'th', { dueAt: '2021-08-25' }), // not yet due: not judged
        ],
      }),
    ).get('th')!
    expect(m.figures.dueInPeriod).toBe(3)
    expect(m.figures.onTimeRate).toBeCloseTo(1 / 3, 3)
    expect(m.figures.doneLate).toBe(1)
    expect(m.figures.overdue).toBe(2)
    expect(m.figures.overdueDays).toBe(10 + 23)
    expect(m.records.overdue.map((r) => r.id)).toEqual(['d', 'c'])
    expect(m.records.overdue[0]!.href).toBe('/tasks/d')
  })

  it('has no on-time rate when nothing was due, and no score when nothing at all can be judged', () => {
    const m = measureUnits(base()).get('hk')!
    expect(m.figures.onTimeRate).toBeNull()
    expect(m.figures.score).toBeNull()
    expect(m.figures.rating).toBeNull()
  })

  it('one more overdue task moves the count by exactly one and lowers the score', () => {
    const tasks = [task('a', 'th', { status: 'done', dueAt: '2021-08-05', completedDay: '2021-08-04' })]
    const before = measureUnits(base({ tasks })).get('th')!.figures
    const after = measureUnits(base({ tasks: [...tasks, task('z', 'th', { dueAt: '2021-06-01' })] })).get('th')!.figures
    expect(after.overdue).toBe(before.overdue + 1)
    expect(after.score!).toBeLessThan(before.score!)
    expect(before.score).toBe(100)
    // 2 points for the task and 0.1 per day, the days counted up to 30.
    expect(after.penalty).toBe(2 + 3)
  })

  it('detects late and missing periodic reports against the schedule', () => {
    const unit = { id: 'th', name: 'Quận Tây Hồ', kind: 'district' }
    const schedules = [
      {
        id: 's',
        title: 'Báo cáo hằng ngày',
        cycle: 'daily' as const,
        unitId: null,
        unitKind: 'district',
        startsOn: '2021-08-17',
        endsOn: null,
      },
    ]
    const r = (day: string, submittedDay: string) => ({
      id: `r${day}`,
      unitId: 'th',
      kind: 'daily',
      periodStart: day,
      submittedDay,
      submittedAt: `${submittedDay}T20:00:00.000Z`,
    })
    const owed = expectedReports(
      unit,
      schedules,
      [r('2021-08-17', '2021-08-17'), r('2021-08-18', '2021-08-19')],
      '2021-08-01',
      '2021-08-31',
      today,
    )
    expect(owed.map((o) => [o.period, o.status])).toEqual([
      ['2021-08-17', 'on_time'],
      ['2021-08-18', 'late'],
      ['2021-08-19', 'missing'],
      ['2021-08-20', 'pending'],
    ])
    const m = measureUnits(base({ schedules, reports: [r('2021-08-17', '2021-08-17')] })).get('th')!.figures
    expect(m.reportsExpected).toBe(3)
    expect(m.reportsMissing).toBe(2)
    expect(m.reportsOnTimeRate).toBeCloseTo(1 / 3, 3)
  })

  it('scores inspection outcomes, sub-units and freshness by the weights, and rates by the thresholds', () => {
    const m = measureUnits(
      base({
        tasks: [
          task('w1', 'qa', { status: 'done', dueAt: '2021-08-03', completedDay: '2021-08-03' }),
          task('w2', 'qa', { dueAt: '2021-08-04' }),
          task('o', 'th', { dueAt: '2021-08-30', lastTouchDay: '2021-08-13' }),
        ],
        inspections: [
          { id: 'i', unitId: 'th', date: '2021-08-10', kind: 'unannounced', outcome: 'commend', findings: '' },
        ],
      }),
    ).get('th')!.figures
    expect(m.subunitCompletion).toBe(0.5)
    expect(m.daysSinceUpdate).toBe(7)
    expect(m.inspections.commend).toBe(1)
    // (15*90 + 20*50 + 10*50) / 45
    expect(m.score).toBeCloseTo((15 * 90 + 20 * 50 + 10 * 50) / 45, 1)
    expect(m.rating).toBe('Hoàn thành nhiệm vụ')
    expect(rate(90, defaultMeasureSettings.thresholds)).toBe('excellent')
    expect(rate(89.9, defaultMeasureSettings.thresholds)).toBe('good')
    expect(rate(49.9, defaultMeasureSettings.thresholds)).toBe('fail')
  })
})

describe('periods', () => {
  it('reads days, ISO weeks, months, ranges and trailing windows', () => {
    expect(parsePeriod('2021-W31', today)).toMatchObject({ from: '2021-08-02', to: '2021-08-08', cycle: 'weekly' })
    expect(parsePeriod('2021-02', today)).toMatchObject({ from: '2021-02-01', to: '2021-02-28', cycle: 'monthly' })
    expect(parsePeriod(undefined, today)).toMatchObject({ from: '2021-07-22', to: today })
    expect(parsePeriod('2021-08-01..2021-08-03', today)).toMatchObject({ from: '2021-08-01', to: '2021-08-03' })
    expect(parsePeriod('2021-13', today)).toBeNull()
    expect(parsePeriod('2021-W60', today)).toBeNull()
    expect(parsePeriod('hôm qua', today)).toBeNull()
  })
})
