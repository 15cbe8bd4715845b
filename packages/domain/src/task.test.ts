// The task rules users see: the four timeliness states, progress and status kept consistent, deadlines at
// midnight in Hà Nội, dd/mm/yyyy, and task input refusing impossible dates and unknown fields.

import { describe, expect, it } from 'vitest'
import { endOfVnDay, formatVnDate, isIsoDate, vnDay } from './dates'
import { normaliseProgress, taskCreateSchema, timeliness } from './task'

describe('timeliness (the four states users count)', () => {
  const today = '2021-07-30'
  it.each([
    [{ status: 'done', dueAt: '2021-07-28', completedDay: '2021-07-28' }, 'on_time'],
    [{ status: 'done', dueAt: '2021-07-28', completedDay: '2021-07-29' }, 'late'],
    [{ status: 'done', dueAt: null, completedDay: '2021-07-29' }, 'on_time'],
    [{ status: 'in_progress', dueAt: '2021-07-30', completedDay: null }, 'open'],
    [{ status: 'in_progress', dueAt: '2021-07-29', completedDay: null }, 'overdue'],
    [{ status: 'paused', dueAt: '2021-07-01', completedDay: null }, 'overdue'],
    [{ status: 'not_started', dueAt: null, completedDay: null }, 'open'],
  ] as const)('%o is %s', (t, expected) => {
    expect(timeliness(t, today)).toBe(expected)
  })
})

describe('progress and status stay consistent', () => {
  it('done means 100%, 100% means done, progress starts the work', () => {
    expect(normaliseProgress('in_progress', 40, { status: 'done' })).toEqual({ status: 'done', progress: 100 })
    expect(normaliseProgress('in_progress', 40, { progress: 100 })).toEqual({ status: 'done', progress: 100 })
    expect(normaliseProgress('not_started', 0, { progress: 10 })).toEqual({ status: 'in_progress', progress: 10 })
    expect(normaliseProgress('done', 100, { status: 'in_progress' })).toEqual({ status: 'in_progress', progress: 99 })
    expect(normaliseProgress('in_progress', 50, { status: 'paused' })).toEqual({ status: 'paused', progress: 50 })
  })
})

describe('Vietnam dates', () => {
  it('deadlines end at midnight in Hà Nội', () => {
    expect(endOfVnDay('2021-07-28').toISOString()).toBe('2021-07-28T16:59:59.999Z')
    expect(vnDay(new Date('2021-07-28T17:30:00Z'))).toBe('2021-07-29')
    expect(vnDay(new Date('2021-07-28T16:30:00Z'))).toBe('2021-07-28')
  })
  it('prints dd/mm/yyyy and checks real dates', () => {
    expect(formatVnDate('2021-07-05')).toBe('05/07/2021')
    expect(isIsoDate('2021-02-29')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('29/02/2024')).toBe(false)
  })
  it('task input refuses impossible dates and unknown fields', () => {
    expect(
      taskCreateSchema.safeParse({
        title: 'x',
        leadUnitId: '5f0c6d6e-5d1a-4a43-9d3b-1f8f8e0c2a11',
        dueAt: '2021-13-01',
      }).success,
    ).toBe(false)
    expect(
      taskCreateSchema.safeParse({ title: 'x', leadUnitId: '5f0c6d6e-5d1a-4a43-9d3b-1f8f8e0c2a11', bogus: 1 }).success,
    ).toBe(false)
    expect(
      taskCreateSchema.safeParse({ title: '  ', leadUnitId: '5f0c6d6e-5d1a-4a43-9d3b-1f8f8e0c2a11' }).success,
    ).toBe(false)
  })
})
