import { describe, expect, it } from 'vitest'
import { directingRoots, modelPolicy, nextModelStatus } from './model-policy'
import type { Actor, Role } from './policies'
import { UnitTree } from './unit-tree'

const tree = new UnitTree([
  { id: 'city', parentId: null },
  { id: 'tayho', parentId: 'city' },
  { id: 'quangan', parentId: 'tayho' },
  { id: 'hoankiem', parentId: 'city' },
])
const actor = (role: Role, unitId: string): Actor => ({ userId: `${role}@${unitId}`, grants: [{ role, unitId }] })
const people = {
  secretary: actor('committee_member', 'city'),
  drafter: actor('office_drafter', 'city'),
  tayhoHead: actor('unit_head', 'tayho'),
  tayhoStaff: actor('unit_staff', 'tayho'),
  quanganHead: actor('unit_head', 'quangan'),
  inspector: actor('inspector', 'city'),
  nobody: { userId: 'nobody', grants: [] } as Actor,
}

describe('model policy', () => {
  it('steps go proposed → reviewed → recommended → standard, one at a time', () => {
    expect(nextModelStatus('proposed')).toBe('reviewed')
    expect(nextModelStatus('recommended')).toBe('standard')
    expect(nextModelStatus('standard')).toBeNull()
  })

  it.each([
    // who, adopt for [tayho, quangan, hoankiem]
    ['secretary', [true, true, true]],
    ['drafter', [true, true, true]],
    ['tayhoHead', [true, true, false]],
    ['tayhoStaff', [false, false, false]],
    ['quanganHead', [false, true, false]],
    ['inspector', [false, false, false]],
    ['nobody', [false, false, false]],
  ] as const)('%s adopts for Tây Hồ, Quảng An, Hoàn Kiếm: %j', (who, expected) => {
    const a = people[who]
    expect(['tayho', 'quangan', 'hoankiem'].map((u) => modelPolicy.adopt(a, tree, u))).toEqual(expected)
  })

  it('only the city committee and office decide; every member reads; heads and staff propose for their own', () => {
    expect(modelPolicy.decide(people.secretary, tree, 'city')).toBe(true)
    expect(modelPolicy.decide(people.tayhoHead, tree, 'city')).toBe(false)
    expect(modelPolicy.read(people.inspector)).toBe(true)
    expect(modelPolicy.read(people.nobody)).toBe(false)
    expect(modelPolicy.propose(people.tayhoStaff, tree, 'tayho')).toBe(true)
    expect(modelPolicy.propose(people.tayhoStaff, tree, 'hoankiem')).toBe(false)
    expect(directingRoots(people.drafter)).toEqual(['city'])
    expect(directingRoots(people.tayhoHead)).toEqual([])
  })
})
