// Gaps in a unit's duty roster: the hours no shift covers, overlapping shifts merged, none when shifts
// hand over back to back.

import { describe, expect, it } from 'vitest'
import { rosterGaps } from './duty-roster'

const at = (h: number) => new Date(Date.UTC(2021, 7, 20, h))

describe('duty roster gaps', () => {
  it('finds the hours nobody covers, merging overlapping shifts', () => {
    const gaps = rosterGaps(
      [
        { startsAt: at(0), endsAt: at(8) },
        { startsAt: at(7), endsAt: at(16) },
        { startsAt: at(20), endsAt: at(30) },
      ],
      at(0),
      at(32),
    )
    expect(gaps.map((g) => [g.from.getTime(), g.to.getTime(), g.hours])).toEqual([
      [at(16).getTime(), at(20).getTime(), 4],
      [at(30).getTime(), at(32).getTime(), 2],
    ])
  })

  it('has no gap when the shifts hand over back to back', () => {
    expect(
      rosterGaps(
        [
          { startsAt: at(0), endsAt: at(12) },
          { startsAt: at(12), endsAt: at(24) },
        ],
        at(0),
        at(24),
      ),
    ).toEqual([])
  })
})
