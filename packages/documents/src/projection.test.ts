// Projections of a real Yjs document: its plain text (one line per block, list items and table rows
// included) and its ProseMirror JSON (types, attributes, text and marks kept).

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plainTextOf, plainTextOfState, proseMirrorJsonOf } from './projection'

function sample() {
  const doc = new Y.Doc()
  const frag = doc.getXmlFragment('default')
  const h = new Y.XmlElement('heading')
  h.setAttribute('level', 1 as unknown as string)
  h.insert(0, [new Y.XmlText('CHỈ THỊ')])
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  p.insert(0, [t])
  const empty = new Y.XmlElement('paragraph')
  const list = new Y.XmlElement('orderedList')
  const item = new Y.XmlElement('listItem')
  const ip = new Y.XmlElement('paragraph')
  ip.insert(0, [new Y.XmlText('Điều 1')])
  item.insert(0, [ip])
  list.insert(0, [item])
  const table = new Y.XmlElement('table')
  const row = new Y.XmlElement('tableRow')
  const cells = ['A', 'B'].map((s) => {
    const cell = new Y.XmlElement('tableCell')
    const cp = new Y.XmlElement('paragraph')
    cp.insert(0, [new Y.XmlText(s)])
    cell.insert(0, [cp])
    return cell
  })
  row.insert(0, cells)
  table.insert(0, [row])
  frag.insert(0, [h, p, empty, list, table])
  t.insert(0, 'Về tăng cường ')
  t.insert(t.length, 'kiểm tra', { bold: {} })
  return doc
}

describe('plainTextOf', () => {
  it('gives one line per block, list items and table rows included', () => {
    const doc = sample()
    expect(plainTextOf(doc.getXmlFragment('default'))).toBe('CHỈ THỊ\nVề tăng cường kiểm tra\n\nĐiều 1\nA\tB')
    expect(plainTextOfState(Y.encodeStateAsUpdate(doc))).toBe(plainTextOf(doc.getXmlFragment('default')))
  })

  it('is empty for an empty document', () => {
    expect(plainTextOf(new Y.Doc().getXmlFragment('default'))).toBe('')
  })
})

describe('proseMirrorJsonOf', () => {
  it('keeps node types, attributes, text and marks', () => {
    const json = proseMirrorJsonOf(sample().getXmlFragment('default'))
    expect(json.type).toBe('doc')
    expect(json.content?.[0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'CHỈ THỊ' }],
    })
    expect(json.content?.[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Về tăng cường ' },
        { type: 'text', text: 'kiểm tra', marks: [{ type: 'bold' }] },
      ],
    })
    expect(json.content?.[2]).toEqual({ type: 'paragraph' })
  })
})
