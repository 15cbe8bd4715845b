/**
 * How a user stands to a meeting: those who direct its host unit chair it (read and change it),
 * its attendees follow it (read it), nobody else sees it. The one rule for the API, the live rooms,
 * search and the links a task names.
 */
import { type Actor, directs } from './policies'
import type { UnitTree } from './unit-tree'

export type MeetingStanding = 'chair' | 'attendee' | null

/** `hostUnitId` is the unit holding the meeting (the city when none is recorded). */
export function meetingStanding(actor: Actor, tree: UnitTree, hostUnitId: string, attends: boolean): MeetingStanding {
  if (directs(actor, tree, hostUnitId)) return 'chair'
  return attends ? 'attendee' : null
}
