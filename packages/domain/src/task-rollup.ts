// How a parent task's status, progress and completion follow its children in a cascade; applied by the
// API's task and report services and the seed.

import type { TaskStatus } from './task'

/** What a parent needs to know of each child in a cascade. */
export interface ChildState {
  status: TaskStatus
  progress: number
  completedAt?: Date | null
}

/** A parent's status, progress and completion as its children make them. */
export interface RolledUp {
  status: TaskStatus
  progress: number
  completedAt: Date | null
}

/**
 * The one rule of a cascade: a parent is done (100%) when every child is done, and then completed
 * when the last of them was; otherwise its progress is the children's mean (at most 99%) and it
 * is in progress as soon as one child has begun. Before that it stays as it is, not started or
 * paused (pausing is the lead's decision until work begins). Null without children: such a task
 * is set by hand.
 */
export function rollUpState(children: readonly ChildState[], current: TaskStatus): RolledUp | null {
  if (!children.length) return null
  const done = children.filter((c) => c.status === 'done')
  const mean = Math.round(children.reduce((sum, c) => sum + c.progress, 0) / children.length)
  if (done.length === children.length) {
    const times = done.map((c) => c.completedAt?.getTime()).filter((x): x is number => x !== undefined)
    return { status: 'done', progress: 100, completedAt: times.length ? new Date(Math.max(...times)) : null }
  }
  const begun = mean > 0 || done.length > 0
  return {
    status: begun ? 'in_progress' : current === 'paused' ? 'paused' : 'not_started',
    progress: Math.min(mean, 99),
    completedAt: null,
  }
}

/**
 * Whether a status or progress someone asks for on a parent agrees with its children; a parent's
 * state is derived, so anything else is refused rather than stored against them.
 */
export function agreesWithChildren(
  children: readonly ChildState[],
  wanted: { status: TaskStatus; progress: number },
): boolean {
  const derived = rollUpState(children, wanted.status)
  return !derived || (derived.status === wanted.status && derived.progress === wanted.progress)
}
