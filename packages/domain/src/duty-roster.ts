/** A shift of a duty roster (lịch trực). */
export interface Shift {
  startsAt: Date
  endsAt: Date
}

/** A stretch of time nobody is on duty. */
export interface RosterGap {
  from: Date
  to: Date
  hours: number
}

/**
 * The stretches of [from, to) that no shift covers: a unit keeps a 24/7 roster, so every gap is
 * flagged to its head. Overlapping and touching shifts merge; gaps shorter than `minMinutes` (a
 * hand-over) are ignored.
 */
export function rosterGaps(shifts: readonly Shift[], from: Date, to: Date, minMinutes = 5): RosterGap[] {
  const sorted = shifts
    .filter((s) => s.endsAt > from && s.startsAt < to)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const gaps: RosterGap[] = []
  let covered = from.getTime()
  const add = (a: number, b: number) => {
    if (b - a >= minMinutes * 60_000)
      gaps.push({ from: new Date(a), to: new Date(b), hours: Math.round(((b - a) / 3_600_000) * 10) / 10 })
  }
  for (const s of sorted) {
    if (s.startsAt.getTime() > covered) add(covered, s.startsAt.getTime())
    covered = Math.max(covered, s.endsAt.getTime())
  }
  if (covered < to.getTime()) add(covered, to.getTime())
  return gaps
}
