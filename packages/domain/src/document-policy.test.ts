// Who may edit, only read or not see each collaborative document: a directive's text before and after
// issue, its implementation plan, a meeting's minutes and a practice's write-up.

import { describe, expect, it } from 'vitest'
import { documentPolicy } from './document-policy'
import type { Actor, DirectiveScope } from './policies'
import { UnitTree } from './unit-tree'

const tree = new UnitTree([
  { id: 'city', parentId: null },
  { id: 'tayho', parentId: 'city' },
  { id: 'quangan', parentId: 'tayho' },
  { id: 'badinh', parentId: 'city' },
])
const drafter: Actor = { userId: 'u-drafter', grants: [{ role: 'office_drafter', unitId: 'city' }] }
const tayhoHead: Actor = { userId: 'u-tayho', grants: [{ role: 'unit_head', unitId: 'tayho' }] }
const badinhStaff: Actor = { userId: 'u-badinh', grants: [{ role: 'unit_staff', unitId: 'badinh' }] }
const nobody: Actor = { userId: 'u-none', grants: [] }

const directive = (status: DirectiveScope['status']): DirectiveScope => ({
  issuerUnitId: 'city',
  status,
  createdBy: 'u-drafter',
})

describe('documentPolicy.directiveText', () => {
  it('lets the office edit a draft that others cannot see', () => {
    expect(documentPolicy.directiveText(drafter, tree, directive('draft'))).toBe('write')
    expect(documentPolicy.directiveText(tayhoHead, tree, directive('draft'))).toBe('none')
  })

  it('freezes the text once issued: read-only for everyone with a role', () => {
    for (const s of ['issued', 'in_force', 'closed', 'replaced'] as const) {
      expect(documentPolicy.directiveText(drafter, tree, directive(s))).toBe('read')
      expect(documentPolicy.directiveText(tayhoHead, tree, directive(s))).toBe('read')
      expect(documentPolicy.directiveText(nobody, tree, directive(s))).toBe('none')
    }
  })
})

describe('documentPolicy.implementationPlan', () => {
  it('stays writable after issue, freezes when the directive ends', () => {
    expect(documentPolicy.implementationPlan(drafter, tree, directive('draft'))).toBe('write')
    expect(documentPolicy.implementationPlan(drafter, tree, directive('in_force'))).toBe('write')
    expect(documentPolicy.implementationPlan(drafter, tree, directive('closed'))).toBe('read')
    expect(documentPolicy.implementationPlan(tayhoHead, tree, directive('in_force'))).toBe('read')
  })
})

describe('documentPolicy.meetingMinutes', () => {
  const meeting = { hostUnitId: 'city', chairUserId: 'u-chair', actorAttends: false }
  it('lets the directing roles and the chair write and attendees read', () => {
    expect(documentPolicy.meetingMinutes(drafter, tree, meeting)).toBe('write')
    expect(documentPolicy.meetingMinutes({ userId: 'u-chair', grants: [] }, tree, meeting)).toBe('write')
    expect(documentPolicy.meetingMinutes(tayhoHead, tree, { ...meeting, actorAttends: true })).toBe('read')
    expect(documentPolicy.meetingMinutes(tayhoHead, tree, meeting)).toBe('none')
  })

  it('without a host unit, any directing grant writes', () => {
    expect(documentPolicy.meetingMinutes(drafter, tree, { ...meeting, hostUnitId: null })).toBe('write')
    expect(documentPolicy.meetingMinutes(badinhStaff, tree, { ...meeting, hostUnitId: null })).toBe('none')
  })
})

describe('documentPolicy.modelWriteUp', () => {
  it('lets the origin unit (and units above it) and directing roles write; everyone with a role reads', () => {
    expect(documentPolicy.modelWriteUp(tayhoHead, tree, { originUnitId: 'quangan' })).toBe('write')
    expect(documentPolicy.modelWriteUp(drafter, tree, { originUnitId: 'quangan' })).toBe('write')
    expect(documentPolicy.modelWriteUp(badinhStaff, tree, { originUnitId: 'quangan' })).toBe('read')
    expect(documentPolicy.modelWriteUp(nobody, tree, { originUnitId: 'quangan' })).toBe('none')
  })
})
