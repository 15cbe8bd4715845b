// The assignment table's document: per-cell merging, remove-while-edit, proposals added once, row checks.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addProposals, addRow, readRows, rowsOfState, setCell, setRemoved } from './assignment-doc'
import { assignmentProblems, emptyAssignmentFields, proposalKey, rowChanges } from './assignments'

const U1 = '11111111-1111-4111-8111-111111111111'
const U2 = '22222222-2222-4222-8222-222222222222'

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('assignment document', () => {
  it('keeps both edits when two people change different cells of one row', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = addRow(a, { title: 'Lập chốt kiểm soát' })
    sync(a, b)
    setCell(a, id, 'dueAt', '2026-12-20')
    setCell(b, id, 'leadUnitIds', [U1])
    sync(a, b)
    for (const d of [a, b]) {
      const [row] = readRows(d)
      expect(row).toMatchObject({ id, title: 'Lập chốt kiểm soát', dueAt: '2026-12-20', leadUnitIds: [U1] })
    }
  })

  it('a row removed while another edits it stays removed and keeps the edit, restorable', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = addRow(a, { title: 'Cũ' })
    sync(a, b)
    setRemoved(a, id, true)
    setCell(b, id, 'title', 'Mới')
    sync(a, b)
    expect(readRows(a)[0]).toMatchObject({ removed: true, title: 'Mới' })
    setRemoved(b, id, false)
    sync(a, b)
    expect(readRows(a)[0]).toMatchObject({ removed: false, title: 'Mới' })
  })

  it('adds a proposal once, even when two people propose at the same time, and never over an edit', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const key = proposalKey(2, 'Sở Y tế chủ trì  xét nghiệm')
    expect(key).toBe(proposalKey(2, 'Sở Y tế chủ trì xét nghiệm'))
    const p = { id: `p-${key}`, sourceKey: key, fields: { ...emptyAssignmentFields, title: 'Xét nghiệm' } }
    expect(addProposals(a, [p])).toBe(1)
    expect(addProposals(b, [p])).toBe(1)
    sync(a, b)
    expect(readRows(a)).toHaveLength(1)
    setCell(a, p.id, 'title', 'Xét nghiệm toàn dân')
    expect(addProposals(a, [p])).toBe(0)
    expect(readRows(a)[0]!.title).toBe('Xét nghiệm toàn dân')
    expect(rowsOfState(Y.encodeStateAsUpdate(a))).toHaveLength(1)
  })

  it('reads hostile cells as empty', () => {
    const a = new Y.Doc()
    const id = addRow(a, {})
    const m = a.getMap<Y.Map<unknown>>('rows').get(id)!
    m.set('leadUnitIds', ['not-a-uuid'])
    m.set('dueAt', '<script>')
    m.set('title', 42)
    expect(readRows(a)[0]).toMatchObject({ leadUnitIds: [], dueAt: null, title: '' })
    // Text PostgreSQL cannot store never reaches a task: NUL dropped, a lone surrogate replaced.
    m.set('title', 'Chốt\u0000 kiểm soát \ud800')
    m.set('note', '\udc00ghi chú')
    expect(readRows(a)[0]).toMatchObject({ title: 'Chốt kiểm soát \ufffd', note: '\ufffdghi chú' })
  })
})

describe('assignment row checks', () => {
  const units = new Map([
    [U1, { validFrom: '2021-01-01', validTo: null }],
    [U2, { validFrom: '2021-01-01', validTo: '2025-06-30' }],
  ])
  const unitOf = (id: string) => units.get(id)
  it('names each problem on its cell', () => {
    const problems = assignmentProblems(
      {
        ...emptyAssignmentFields,
        title: ' ',
        supportUnitIds: [U2, '33333333-3333-4333-8333-333333333333'],
        dueAt: '2026-11-30',
      },
      unitOf,
      '2026-12-02',
    )
    expect(problems.map((p) => `${p.field}:${p.code}:${p.severity}`)).toEqual([
      'title:noTitle:error',
      'leadUnitIds:noLead:error',
      'supportUnitIds:unitNotInForce:error',
      'supportUnitIds:unknownUnit:error',
      'dueAt:duePast:error',
    ])
    expect(
      assignmentProblems(
        { ...emptyAssignmentFields, title: 'x', leadUnitIds: [U1], freq: 'daily' },
        unitOf,
        '2026-12-02',
      ),
    ).toEqual([])
  })
  it('lists what a settled row says that its task does not', () => {
    const task = { ...emptyAssignmentFields, title: 'A', leadUnitIds: [U1], dueAt: '2026-12-10' }
    expect(rowChanges({ ...task, dueAt: '2026-12-12', note: 'ghi chú' }, task)).toEqual([
      { field: 'dueAt', task: '2026-12-10', row: '2026-12-12' },
    ])
  })
})
