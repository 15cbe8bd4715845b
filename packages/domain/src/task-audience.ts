/**
 * Who hears of a task event, the one rule behind both the live rooms and the notifications: the
 * units it names and every unit above them (their reach covers it), the person accountable for it,
 * inside its directive's and meeting's rooms only those whose reach covers it; and, to be told
 * personally, its accountable person or else the heads of its lead unit.
 */
import type { TaskView } from './task'
import type { UnitTree } from './unit-tree'

export interface TaskAudience {
  /** The lead and supporting units and all units above them. */
  unitIds: string[]
  /** People who follow the task in person (its accountable person). */
  userIds: string[]
  /** Shared rooms (`directive:<id>`, `meeting:<id>`) whose members hear it only if it is in their reach. */
  shared: string[]
  /** Who is told personally: these users, or (when none) the heads of `headsOfUnitId`. */
  owners: { userIds: string[]; headsOfUnitId: string }
}

type TaskLinks = Pick<TaskView, 'leadUnitId' | 'supportUnitIds' | 'accountableUserId' | 'directiveId' | 'meetingId'>

/** Who is told of a task personally: its accountable person, or else the heads of its lead unit. */
export function taskOwners(task: Pick<TaskView, 'accountableUserId' | 'leadUnitId'>): TaskAudience['owners'] {
  return { userIds: task.accountableUserId ? [task.accountableUserId] : [], headsOfUnitId: task.leadUnitId }
}

export function taskAudience(task: TaskLinks, tree: UnitTree): TaskAudience {
  const owners = taskOwners(task)
  const userIds = owners.userIds
  return {
    unitIds: [...new Set([task.leadUnitId, ...task.supportUnitIds].flatMap((u) => tree.lineage(u)))],
    userIds,
    shared: [task.directiveId && `directive:${task.directiveId}`, task.meetingId && `meeting:${task.meetingId}`].filter(
      (r): r is string => !!r,
    ),
    owners,
  }
}
