// Issuing freezes the editors' text through the collab store, with a real hub and real y-websocket
// editors: version 1 holds every edit another editor had received, and nothing lands after it.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, issueDirective, submitDirective, useLiveHub } from '../testing/live-hub'
import { openDoc, until } from '../testing/ydoc'

const pasted = `THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 77 -CT/TU\t\tHà Nội, ngày 02 tháng 8 năm 2021

CHỈ THỊ
CỦA BAN THƯỜNG VỤ THÀNH ỦY
về phòng, chống thiên tai

Ban Thường vụ Thành ủy yêu cầu:

1. Các quận ủy, huyện ủy, thị ủy chỉ đạo rà soát phương án phòng, chống thiên tai.

Chỉ thị này phổ biến đến chi bộ.`

const { hub, as } = useLiveHub(['vanphong', 'bithu'])

/** Inserts a paragraph before the closing line, as an editor typing a new clause would. */
function addClause(doc: Y.Doc, text: string) {
  const f = doc.getXmlFragment('default')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  f.insert(f.length - 1, [p])
}

describe('issuing freezes what the editors saw', () => {
  it('version 1 holds every edit another editor had received; a later edit is refused', async () => {
    const { directive } = (await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text: pasted })).json
    const name = `directive:${directive.id}`
    const a = await openDoc(hub.base, name, as.vanphong)
    const b = await openDoc(hub.base, name, as.vanphong)
    const submitted = await submitDirective(hub.base, as.vanphong, directive.id, directive.version)
    expect(submitted.status).toBe(200)
    for (let i = 2; i <= 9; i++) addClause(a.doc, `${i}. Điểm bổ sung số ${i}.`)
    // the other editor has received the last one: issue at once
    await until(() => b.text().includes('9. Điểm bổ sung số 9.'), 30_000)
    const seen = b.text()
    const issued = await issueDirective(
      hub.base,
      as.bithu,
      directive.id,
      submitted.json.directive.version,
      '2026-11-20',
    )
    expect(issued.status).toBe(200)
    const v1 = (await api(hub.base, as.bithu, 'GET', `/api/directives/${directive.id}/versions/1`)).json.version
    for (let i = 2; i <= 9; i++) expect(v1.plainText).toContain(`${i}. Điểm bổ sung số ${i}.`)
    expect(seen).toContain('9. Điểm bổ sung số 9.')

    // after the issue, an edit is refused (frozen, then read-only once reconnected) and never stored
    const dropped = hub.collab!.metrics.updatesDropped
    addClause(a.doc, '10. Sửa sau khi ban hành.')
    await until(() => hub.collab!.metrics.updatesDropped > dropped, 30_000)
    const live = hub.collab!.registry.get(name)
    if (live) expect(live.doc.getXmlFragment('default').toString()).not.toContain('Sửa sau khi ban hành')
    const stored = await hub.collab!.store.snapshot(name)
    expect(stored.plainText).not.toContain('Sửa sau khi ban hành')
    a.close()
    b.close()
  })
})
