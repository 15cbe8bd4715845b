// Who hears a task event, and how a user stands to a meeting: the rules the live rooms, the
// notifications and the API share.
import { describe, expect, it } from 'vitest'
import { meetingStanding } from './meeting-policy'
import { bilingual, message } from './messages'
import { taskAudience, taskOwners } from './task-audience'
import { UnitTree } from './unit-tree'

const tree = new UnitTree([
  { id: 'city', parentId: null },
  { id: 'tayho', parentId: 'city' },
  { id: 'quangan', parentId: 'tayho' },
  { id: 'health', parentId: 'city' },
])
const task = {
  leadUnitId: 'quangan',
  supportUnitIds: ['health'],
  accountableUserId: null as string | null,
  directiveId: 'd1',
  meetingId: null as string | null,
}

describe('task audience', () => {
  it('reaches the units named and every unit above them, and the shared rooms of its directive and meeting', () => {
    const a = taskAudience(task, tree)
    expect(new Set(a.unitIds)).toEqual(new Set(['quangan', 'tayho', 'city', 'health']))
    expect(a.shared).toEqual(['directive:d1'])
    expect(taskAudience({ ...task, meetingId: 'm1' }, tree).shared).toEqual(['directive:d1', 'meeting:m1'])
  })

  it('tells the accountable person in person, or else the heads of the lead unit', () => {
    expect(taskOwners(task)).toEqual({ userIds: [], headsOfUnitId: 'quangan' })
    const owned = { ...task, accountableUserId: 'u1' }
    expect(taskOwners(owned)).toEqual({ userIds: ['u1'], headsOfUnitId: 'quangan' })
    expect(taskAudience(owned, tree).userIds).toEqual(['u1'])
  })
})

describe('meeting standing', () => {
  const secretary = { userId: 's', grants: [{ role: 'committee_member' as const, unitId: 'city' }] }
  const wardHead = { userId: 'w', grants: [{ role: 'unit_head' as const, unitId: 'quangan' }] }

  it('makes whoever directs the host unit its chair, an attendee a follower, and nobody else anything', () => {
    expect(meetingStanding(secretary, tree, 'city', false)).toBe('chair')
    expect(meetingStanding(wardHead, tree, 'city', true)).toBe('attendee')
    expect(meetingStanding(wardHead, tree, 'city', false)).toBeNull()
  })
})

describe('message catalogue', () => {
  it('writes Vietnamese first and English second, with the record named in each language', () => {
    expect(bilingual('notFound', { what: 'task' })).toBe('Nhiệm vụ không tồn tại / Task not found')
    expect(message('derivedFromChildren', 'en', { children: 3, progress: 40 })).toBe(
      'Status and progress come from the 3 sub-tasks (40%)',
    )
  })
})
