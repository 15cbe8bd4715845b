// Tests of the reorganisation check: a file that would leave a unit without successor, reuse a
// code or name a unit that is not there is refused with every problem; a sound one is planned.
import { describe, expect, it } from 'vitest'
import { type DatedUnit, planReorganisation } from './reorganisation'

const d = (id: string, name: string, kind: string, parentId: string | null): DatedUnit => ({
  id,
  code: id.toUpperCase(),
  name,
  kind,
  parentId,
  validFrom: '2020-01-01',
  validTo: null,
})
const tree = [
  d('c', 'Thành phố Hà Nội', 'city', null),
  d('d1', 'Quận Tây Hồ', 'district', 'c'),
  d('a', 'Phường Bưởi', 'commune', 'd1'),
  d('b', 'Phường Thụy Khuê', 'commune', 'd1'),
]
const file = (units: unknown[]) => ({ source: 'Nghị quyết thử', validFrom: '2027-01-01', units })
/** A new ward of the file, from its predecessors as [code, name, whole or part]. */
const ward = (code: string, name: string, ...predecessors: [string, string, 'whole' | 'part'][]) => ({
  code,
  name,
  kind: 'ward',
  predecessors: predecessors.map(([code, name, part]) => ({ code, name, part })),
})

describe('planReorganisation', () => {
  it('plans a sound file: new units from its day, the emptied district closes too', () => {
    const { plan, problems } = planReorganisation(
      file([
        ward('N1', 'Phường Tây Hồ', ['A', 'Phường Bưởi', 'whole'], ['B', 'Phường Thụy Khuê', 'part']),
        ward('N2', 'Phường Ba Đình', ['B', 'Phường Thụy Khuê', 'part']),
      ]),
      tree,
    )
    expect(problems).toEqual([])
    expect(plan!.closesOn).toBe('2026-12-31')
    expect(plan!.closingIds.sort()).toEqual(['a', 'b', 'd1'])
    expect(plan!.newUnits.map((u) => [u.shortName, u.typeLabel])).toEqual([
      ['Tây Hồ', 'Phường'],
      ['Ba Đình', 'Phường'],
    ])
    expect(plan!.links.filter((l) => l.predecessorId === 'd1').map((l) => [l.successorCode, l.share])).toEqual([
      ['N1', 'part'],
      ['N2', 'part'],
    ])
  })

  it('refuses a file with duplicate codes, an unknown predecessor and a closing district unit left without successor', () => {
    const { plan, problems } = planReorganisation(
      file([
        ward('N1', 'Phường Tây Hồ', ['A', 'Phường Bưởi', 'whole']),
        ward('N1', 'Phường Khác', ['ZZ', 'Phường Ma', 'whole']),
      ]),
      tree,
    )
    expect(plan).toBeNull()
    expect(problems.join('\n')).toMatch(/N1 trùng/)
    expect(problems.join('\n')).toMatch(/ZZ/)
    expect(problems.join('\n')).toMatch(/Phường Thụy Khuê \(Quận Tây Hồ\) không có đơn vị kế thừa/)
  })

  it('refuses a split with one successor, a code taken by a unit in force and a malformed file', () => {
    const r = planReorganisation(file([ward('D1', 'Phường X', ['A', 'Phường Bưởi', 'part'])]), [
      ...tree,
      { ...d('n', 'Phường Y', 'commune', 'c'), code: 'D1', validFrom: '2026-01-01' },
    ])
    expect(r.problems.join('\n')).toMatch(/chỉ chuyển một phần/)
    expect(r.problems.join('\n')).toMatch(/Mã D1 đã thuộc Phường Y/)
    expect(planReorganisation({ units: [] }, tree).problems[0]).toMatch(/Tệp không đúng mẫu/)
  })
})
