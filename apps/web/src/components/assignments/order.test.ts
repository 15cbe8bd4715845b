/** Moving rows up and down on a real Yjs document: the order everyone reads follows, ends stay ends. */
import { addRow, moveRow, readRows } from '@hub/domain'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { neighboursOf } from './order'

const titles = (doc: Y.Doc) => readRows(doc).map((r) => r.title)

function up(doc: Y.Doc, title: string) {
  const rows = readRows(doc)
  const i = rows.findIndex((r) => r.title === title)
  const n = neighboursOf(rows, i).up
  if (!n) throw new Error(`${title} cannot move up`)
  moveRow(doc, rows[i]!.id, ...n)
}

function down(doc: Y.Doc, title: string) {
  const rows = readRows(doc)
  const i = rows.findIndex((r) => r.title === title)
  const n = neighboursOf(rows, i).down
  if (!n) throw new Error(`${title} cannot move down`)
  moveRow(doc, rows[i]!.id, ...n)
}

describe('row order', () => {
  it('moves a row up and down one place at a time, to either end', () => {
    const doc = new Y.Doc()
    for (const title of ['a', 'b', 'c', 'd']) addRow(doc, { title })
    up(doc, 'c')
    expect(titles(doc)).toEqual(['a', 'c', 'b', 'd'])
    up(doc, 'c')
    expect(titles(doc)).toEqual(['c', 'a', 'b', 'd'])
    down(doc, 'a')
    expect(titles(doc)).toEqual(['c', 'b', 'a', 'd'])
    down(doc, 'a')
    expect(titles(doc)).toEqual(['c', 'b', 'd', 'a'])
    const rows = readRows(doc)
    expect(neighboursOf(rows, 0).up).toBeNull()
    expect(neighboursOf(rows, rows.length - 1).down).toBeNull()
  })

  it('two people moving rows at once end with one order for both', () => {
    const a = new Y.Doc()
    for (const title of ['a', 'b', 'c']) addRow(a, { title })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    up(a, 'c')
    down(b, 'a')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(titles(a)).toEqual(titles(b))
    expect(new Set(titles(a))).toEqual(new Set(['a', 'b', 'c']))
  })
})
