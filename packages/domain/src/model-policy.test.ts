// Model practices' policy: how a practice steps from proposed to standard, who adopts it for which unit,
// who decides, reads and proposes.
import { describe, expect, it } from 'vitest'
import { people, smallCity } from './fixtures/people'
import { directingRoots, modelPolicy, nextModelStatus } from './model-policy'

// The small city and its people: fixtures/people.ts.
const tree = smallCity

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
