// Named versions: save, list, view, diff and restore as a new edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, newDocName, startCollab, type TestServer, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'
import { diffVersions, getVersion, listVersions, restoreVersion, saveVersion, VersionError } from './versions'

let s: TestServer
beforeAll(async () => {
  s = await startCollab()
})
afterAll(async () => {
  await s?.close()
})

function setParagraph(doc: Y.Doc, index: number, text: string) {
  const frag = doc.getXmlFragment('default')
  doc.transact(() => {
    frag.delete(index, 1)
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(text)])
    frag.insert(index, [p])
  })
}

describe('named versions', () => {
  it('saves, lists, shows and diffs versions of a live document', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    appendParagraph(a.doc, 'CHỈ THỊ')
    appendParagraph(a.doc, '1. Tăng cường kiểm tra')
    appendParagraph(a.doc, 'Nơi nhận')
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === docText(a.doc))
    const v1 = await saveVersion(s.collab, name, 'Bản trình Thường trực ngày 01/8', null)
    setParagraph(a.doc, 1, '1. Tăng cường kiểm tra, giám sát')
    appendParagraph(a.doc, 'Lưu ý')
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === docText(a.doc))
    const v2 = await saveVersion(s.collab, name, 'Bản sau góp ý', null)

    const list = await listVersions(s.collab, name)
    expect(list.map((v) => v.label).sort()).toEqual(['Bản sau góp ý', 'Bản trình Thường trực ngày 01/8'])

    const shown = await getVersion(s.collab, v1.id)
    expect(shown?.plainText).toBe('CHỈ THỊ\n1. Tăng cường kiểm tra\nNơi nhận')
    expect(shown?.content.content?.[1]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '1. Tăng cường kiểm tra' }],
    })
    expect(await getVersion(s.collab, 'not-a-uuid')).toBeNull()

    const diff = await diffVersions(s.collab, v1.id, v2.id)
    expect(diff?.parts).toEqual([
      { op: 'equal', text: 'CHỈ THỊ' },
      { op: 'delete', text: '1. Tăng cường kiểm tra' },
      {
        op: 'insert',
        text: '1. Tăng cường kiểm tra, giám sát',
        // Within the changed paragraph, only the added words are marked.
        words: [
          { op: 'equal', text: '1. Tăng cường kiểm tra' },
          { op: 'insert', text: ', giám sát' },
        ],
      },
      { op: 'equal', text: 'Nơi nhận' },
      { op: 'insert', text: 'Lưu ý' },
    ])
    a.close()
  })

  it('restores a version as a new edit that connected clients receive, keeping the history', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    appendParagraph(a.doc, 'Bản gốc')
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === docText(a.doc))
    const v1 = await saveVersion(s.collab, name, 'gốc', null)
    const original = docText(a.doc)
    appendParagraph(b.doc, 'Sửa của Bình')
    setParagraph(a.doc, 0, 'Bản gốc đã sửa')
    await waitFor(() => docText(a.doc) === docText(b.doc) && docText(a.doc).includes('Sửa của Bình'))
    const updatesBefore = s.collab.metrics.updatesOut

    const { backup } = await restoreVersion(s.collab, name, v1.id, null, { backupLabel: 'Trước khi khôi phục' })
    // both clients receive the restore as an edit; the content equals the old version
    await waitFor(() => docText(a.doc) === original && docText(b.doc) === original)
    expect(s.collab.metrics.updatesOut).toBeGreaterThan(updatesBefore)
    // nothing was destroyed: the state just before is a version of its own
    const saved = await getVersion(s.collab, backup!.id)
    // (the two concurrent edits may interleave either way)
    expect(saved?.plainText.split('\n').sort()).toEqual(['Bản gốc đã sửa', 'Sửa của Bình'])
    // the clients keep editing on top of the restore
    appendParagraph(b.doc, 'tiếp tục')
    await waitFor(() => docText(a.doc).includes('tiếp tục'))
    // and the restore is stored like any edit
    await s.collab.store.flush()
    a.close()
    b.close()
    await waitFor(() => (s.collab.registry.get(name)?.connections.size ?? 0) === 0)
    await s.collab.registry.unloadIdle()
    const c = await connectClient(s.base, name, 'carol')
    expect(docText(c.doc)).toContain('Bản gốc</paragraph>')
    expect(docText(c.doc)).toContain('tiếp tục')
    expect(docText(c.doc)).not.toContain('Sửa của Bình')
    c.close()
  })

  it('refuses a version of another document and bad names', async () => {
    const name = newDocName()
    const v = await saveVersion(s.collab, name, 'x', null)
    await expect(restoreVersion(s.collab, newDocName(), v.id, null)).rejects.toBeInstanceOf(VersionError)
    await expect(saveVersion(s.collab, 'directive:1', 'x', null)).rejects.toBeInstanceOf(VersionError)
  })
})
