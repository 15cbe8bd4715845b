// A parent task following its children in a cascade: done only when every child is, progress never 100%
// while one is open, pauses kept until work begins; and a stated state that disagrees refused.

import { describe, expect, it } from 'vitest'
import { agreesWithChildren, type ChildState, rollUpState } from './task-rollup'

const child = (status: ChildState['status'], progress: number, completedAt: Date | null = null): ChildState => ({
  status,
  progress,
  completedAt,
})

describe('rollUpState', () => {
  it('is null without children: such a task is set by hand', () => {
    expect(rollUpState([], 'done')).toBeNull()
  })

  it('makes a parent with 1 of 8 wards done and the rest barely begun in progress, not done', () => {
    const wards = [child('done', 100), ...Array.from({ length: 7 }, () => child('in_progress', 18))]
    expect(rollUpState(wards, 'done')).toEqual({ status: 'in_progress', progress: 28, completedAt: null })
  })

  it('is done at 100% when every child is, completed when the last child was', () => {
    const a = new Date('2026-07-28T03:00:00Z')
    const b = new Date('2026-07-30T10:00:00Z')
    expect(rollUpState([child('done', 100, b), child('done', 100, a)], 'in_progress')).toEqual({
      status: 'done',
      progress: 100,
      completedAt: b,
    })
  })

  it('never shows 100% while a child is open', () => {
    expect(rollUpState([child('done', 100), child('in_progress', 99)], 'in_progress')?.progress).toBe(99)
  })

  it('keeps a pause until work begins, and a parent nobody began not started', () => {
    expect(rollUpState([child('not_started', 0), child('not_started', 0)], 'paused')?.status).toBe('paused')
    expect(rollUpState([child('not_started', 0), child('not_started', 0)], 'in_progress')?.status).toBe('not_started')
    expect(rollUpState([child('in_progress', 10), child('not_started', 0)], 'paused')?.status).toBe('in_progress')
  })
})

describe('agreesWithChildren', () => {
  const wards = [child('done', 100), ...Array.from({ length: 7 }, () => child('in_progress', 18))]
  it('refuses "done at 28%" with 7 of 8 children unfinished', () => {
    expect(agreesWithChildren(wards, { status: 'done', progress: 28 })).toBe(false)
    expect(agreesWithChildren(wards, { status: 'done', progress: 100 })).toBe(false)
    expect(agreesWithChildren(wards, { status: 'in_progress', progress: 60 })).toBe(false)
  })
  it('accepts the derived state, and anything on a task without children', () => {
    expect(agreesWithChildren(wards, { status: 'in_progress', progress: 28 })).toBe(true)
    expect(agreesWithChildren([], { status: 'done', progress: 100 })).toBe(true)
  })
})
