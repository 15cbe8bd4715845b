// The measure per head (người đứng đầu): each head is measured on the tasks naming him accountable,
// his unit's unnamed tasks, reports and inspections while he was in office; a head replaced
// mid-period hands the rest to his successor.
import { describe, expect, it } from 'vitest'
import { measureFixture } from './fixtures/measure'
import { type MeasureHead, type MeasureInput, measureHeads, measureUnits } from './measure'

const today = '2021-08-20'
const { task, input: measured } = measureFixture(today, '2021-08')
const head = (id: string, over: Partial<MeasureHead>): MeasureHead => ({
  id,
  userId: `u-${id}`,
  name: `Ông ${id}`,
  position: 'Bí thư Quận ủy',
  unitId: 'th',
  from: '2020-01-01',
  to: null,
  ...over,
})
/** Tây Hồ with these heads, measured on what `over` records. */
const input = (heads: MeasureHead[], over: Partial<MeasureInput> = {}) => ({ ...measured(['th'], over), heads })

describe('the measure per head', () => {
  const tasks = [
    // Naming the head: his, wherever it is led.
    task('mine', 'qa', { accountableUserId: 'u-a', dueAt: '2021-08-03', status: 'done', completedDay: '2021-08-02' }),
    // Naming nobody: the unit's head's, by the day it fell due.
    task('early', 'th', { dueAt: '2021-08-05', status: 'done', completedDay: '2021-08-09' }),
    task('later', 'th', { dueAt: '2021-08-15' }),
    // Naming someone else: not the head's.
    task('deputy', 'th', { accountableUserId: 'u-deputy', dueAt: '2021-08-06' }),
    // A ward's task: the cascade below him.
    task('ward', 'qa', { dueAt: '2021-08-12', status: 'done', completedDay: '2021-08-12' }),
  ]
  const inspections = [
    { id: 'i1', unitId: 'th', date: '2021-08-04', kind: 'planned' as const, outcome: 'commend' as const, findings: '' },
    {
      id: 'i2',
      unitId: 'th',
      date: '2021-08-14',
      kind: 'unannounced' as const,
      outcome: 'criticise' as const,
      findings: '',
    },
  ]

  it('a sole head answers for his unit’s unnamed tasks and the ones naming him, not his deputy’s', () => {
    const m = measureHeads(input([head('a', {})], { tasks, inspections })).get('a')!
    expect(m.records.dueInPeriod.map((t) => t.id).sort()).toEqual(['early', 'later', 'mine'])
    expect(m.figures.doneOnTime).toBe(1)
    expect(m.figures.doneLate).toBe(1)
    expect(m.figures.overdue).toBe(1)
    expect(m.records.overdue.map((t) => t.id)).toEqual(['later'])
    expect(m.records.subunitTasks.map((t) => t.id).sort()).toEqual(['mine', 'ward'])
    expect(m.records.inspections.map((i) => i.id)).toEqual(['i1', 'i2'])
    expect(typeof m.figures.score).toBe('number')
    expect(m.figures.rating).toBeTruthy()
    // The unit itself counts the deputy's task too: the head's figures are not the unit's.
    const unit = measureUnits(input([], { tasks, inspections })).get('th')!
    expect(unit.records.dueInPeriod.map((t) => t.id).sort()).toEqual(['deputy', 'early', 'later'])
  })

  it('a head replaced on 10/08 answers for what fell due before; his successor for the rest', () => {
    const m = measureHeads(
      input([head('a', { to: '2021-08-09' }), head('b', { userId: null, from: '2021-08-10' })], { tasks, inspections }),
    )
    const a = m.get('a')!
    const b = m.get('b')!
    expect(a.records.dueInPeriod.map((t) => t.id).sort()).toEqual(['early', 'mine'])
    expect(a.figures.overdue).toBe(0)
    expect(a.records.inspections.map((i) => i.id)).toEqual(['i1'])
    expect(b.records.dueInPeriod.map((t) => t.id)).toEqual(['later'])
    expect(b.figures.overdue).toBe(1)
    expect(b.records.inspections.map((i) => i.id)).toEqual(['i2'])
    expect(b.figures.inspections.criticise).toBe(1)
    expect(a.figures.score).toBeGreaterThan(b.figures.score!)
  })

  it('leaves out a head whose office did not overlap the period', () => {
    expect(measureHeads(input([head('old', { to: '2021-06-30' })], { tasks })).size).toBe(0)
  })
})
