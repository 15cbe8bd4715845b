// The policies as matrices: who may read and change a task, a directive, an inspection and a unit, for
// each person of the small city.
import { describe, expect, it } from 'vitest'
import { people, smallCity, type Who } from './fixtures/people'
import { directivePolicy, inspectionPolicy, taskPolicy, unitPolicy } from './policies'

// The small city and its people: fixtures/people.ts.
const tree = smallCity

const task = (leadUnitId: string, supportUnitIds: string[] = [], accountableUserId: string | null = null) => ({
  leadUnitId,
  supportUnitIds,
  accountableUserId,
})

describe('task policy matrix', () => {
  // For each person: may they [read, update] a task led by each unit?
  const matrix: Record<Who, Record<string, [boolean, boolean]>> = {
    secretary: { tayho: [true, true], quangan: [true, true], hoankiem: [true, true], health: [true, true] },
    drafter: { tayho: [true, true], quangan: [true, true], hoankiem: [true, true], health: [true, true] },
    tayhoHead: { tayho: [true, true], quangan: [true, true], hoankiem: [false, false], health: [false, false] },
    tayhoStaff: { tayho: [true, true], quangan: [true, true], hoankiem: [false, false], health: [false, false] },
    quanganHead: { tayho: [false, false], quangan: [true, true], hoankiem: [false, false], health: [false, false] },
    hoankiemHead: { tayho: [false, false], quangan: [false, false], hoankiem: [true, true], health: [false, false] },
    inspector: { tayho: [true, false], quangan: [true, false], hoankiem: [true, false], health: [true, false] },
    viewer: { tayho: [true, false], quangan: [true, false], hoankiem: [true, false], health: [true, false] },
    nobody: { tayho: [false, false], quangan: [false, false], hoankiem: [false, false], health: [false, false] },
  }
  for (const [who, row] of Object.entries(matrix) as [Who, Record<string, [boolean, boolean]>][]) {
    for (const [unit, [read, update]] of Object.entries(row)) {
      it(`${who} ${read ? 'reads' : 'cannot read'} and ${update ? 'changes' : 'cannot change'} a task of ${unit}`, () => {
        expect(taskPolicy.read(people[who], tree, task(unit))).toBe(read)
        expect(taskPolicy.update(people[who], tree, task(unit))).toBe(update)
      })
    }
  }

  it('a supporting unit reads and reports on a task it does not lead, but cannot change it', () => {
    const t = task('health', ['tayho'])
    expect(taskPolicy.read(people.tayhoHead, tree, t)).toBe(true)
    expect(taskPolicy.report(people.tayhoHead, tree, t)).toBe(true)
    expect(taskPolicy.update(people.tayhoHead, tree, t)).toBe(false)
    expect(taskPolicy.report(people.hoankiemHead, tree, t)).toBe(false)
  })

  it('the accountable person reads and changes their own task wherever it sits', () => {
    const t = task('hoankiem', [], people.tayhoHead.userId)
    expect(taskPolicy.read(people.tayhoHead, tree, t)).toBe(true)
    expect(taskPolicy.update(people.tayhoHead, tree, t)).toBe(true)
  })

  it('assigning: heads within their subtree, directing roles anywhere, inspectors and viewers nowhere', () => {
    expect(taskPolicy.create(people.tayhoHead, tree, 'quangan')).toBe(true)
    expect(taskPolicy.create(people.tayhoHead, tree, 'hoankiem')).toBe(false)
    expect(taskPolicy.create(people.quanganHead, tree, 'tayho')).toBe(false)
    expect(taskPolicy.create(people.secretary, tree, 'hangbac')).toBe(true)
    expect(taskPolicy.create(people.inspector, tree, 'tayho')).toBe(false)
    expect(taskPolicy.create(people.viewer, tree, 'tayho')).toBe(false)
  })
})

describe('directive policy', () => {
  const draft = { issuerUnitId: 'city', status: 'draft' as const, createdBy: people.drafter.userId }
  const issued = { ...draft, status: 'in_force' as const }
  it('drafts: the office and the committee read and edit; heads neither', () => {
    expect(directivePolicy.read(people.drafter, tree, draft)).toBe(true)
    expect(directivePolicy.edit(people.drafter, tree, draft)).toBe(true)
    expect(directivePolicy.read(people.secretary, tree, draft)).toBe(true)
    expect(directivePolicy.read(people.tayhoHead, tree, draft)).toBe(false)
    expect(directivePolicy.edit(people.tayhoHead, tree, draft)).toBe(false)
    expect(directivePolicy.read(people.inspector, tree, draft)).toBe(false)
  })
  it('issued directives are read by everyone with a role', () => {
    for (const who of ['tayhoHead', 'quanganHead', 'inspector', 'viewer'] as Who[])
      expect(directivePolicy.read(people[who], tree, issued)).toBe(true)
    expect(directivePolicy.read(people.nobody, tree, issued)).toBe(false)
  })
  it('only the standing committee issues', () => {
    expect(directivePolicy.issue(people.secretary, tree, draft)).toBe(true)
    expect(directivePolicy.issue(people.drafter, tree, draft)).toBe(false)
    expect(directivePolicy.issue(people.tayhoHead, tree, draft)).toBe(false)
  })
  it('only directing roles create, within their reach', () => {
    expect(directivePolicy.create(people.drafter, tree, 'city')).toBe(true)
    expect(directivePolicy.create(people.tayhoHead, tree, 'city')).toBe(false)
  })
})

describe('inspection and unit policies', () => {
  it('inspectors record inspections; heads do not', () => {
    expect(inspectionPolicy.record(people.inspector, tree, 'tayho')).toBe(true)
    expect(inspectionPolicy.record(people.secretary, tree, 'tayho')).toBe(true)
    expect(inspectionPolicy.record(people.tayhoHead, tree, 'tayho')).toBe(false)
    expect(inspectionPolicy.read(people.tayhoHead, tree, 'tayho')).toBe(true)
    expect(inspectionPolicy.read(people.tayhoHead, tree, 'hoankiem')).toBe(false)
  })
  it('heads manage their own unit pages; the directory is open to every member', () => {
    expect(unitPolicy.manage(people.tayhoHead, tree, 'quangan')).toBe(true)
    expect(unitPolicy.manage(people.tayhoHead, tree, 'hoankiem')).toBe(false)
    expect(unitPolicy.manage(people.tayhoStaff, tree, 'tayho')).toBe(false)
    expect(unitPolicy.read(people.viewer)).toBe(true)
    expect(unitPolicy.read(people.nobody)).toBe(false)
  })
})
