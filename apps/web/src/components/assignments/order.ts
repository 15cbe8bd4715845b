/** Moving a row of the assignment table up or down: the positions of the rows it goes between. */
import type { AssignmentRow } from '@hub/domain'

/** Where a row can move to: the positions around the place above it and the place below it (null at an end). */
export interface Neighbours {
  up: [number | null, number] | null
  down: [number, number | null] | null
}

export function neighboursOf(rows: AssignmentRow[], i: number): Neighbours {
  const pos = (j: number) => rows[j]?.pos ?? null
  return {
    up: i > 0 ? [pos(i - 2), rows[i - 1]!.pos] : null,
    down: i < rows.length - 1 ? [rows[i + 1]!.pos, pos(i + 2)] : null,
  }
}
