// Relay after durable and the issuing freeze, with real y-websocket clients: nobody receives an edit
// before its write has committed, and a frozen snapshot is exactly what the editors saw.
import { plainTextOf } from '@hub/documents'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { useGatedCollab } from './testing/gated-collab'
import { connectClient, newDocName, waitFor, wsWithHeaders } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

const t = useGatedCollab()

const textOf = (doc: Y.Doc) => plainTextOf(doc.getXmlFragment('default'))

afterEach(() => {
  t.gate.release()
})

describe('relay after durable', () => {
  it('sends an update to the other clients only once it is in the database', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    const b = await connectClient(t.s.base, name, 'bob')
    t.gate.hold()
    appendParagraph(a.doc, 'chờ ghi xong')
    // the server has it, and its write waits on the database
    await waitFor(() => docText(t.s.collab.registry.get(name)!.doc).includes('chờ ghi xong'))
    await waitFor(() => t.gate.waiting > 0)
    // presence goes out at once and after the edit: once bob sees it, the edit would have reached him too
    a.provider.awareness.setLocalStateField('user', { name: 'An' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'An')
    expect(docText(b.doc)).not.toContain('chờ ghi xong')
    t.gate.release()
    await waitFor(() => docText(b.doc).includes('chờ ghi xong'))
    // and what bob has is stored
    const stored = new Y.Doc()
    for (const u of (await t.s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(docText(stored)).toContain('chờ ghi xong')
    a.close()
    b.close()
  })

  it('serves a client joining meanwhile the written state only, then the rest once written', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    appendParagraph(a.doc, 'đã ghi')
    await waitFor(() => docText(t.s.collab.registry.get(name)!.doc).includes('đã ghi'))
    await t.s.collab.store.flush()
    t.gate.hold()
    appendParagraph(a.doc, 'chưa ghi')
    await waitFor(() => t.gate.waiting > 0)
    const c = new Y.Doc()
    const carol = new WebsocketProvider(`${t.s.base.replace(/^http/, 'ws')}/collab`, name, c, {
      WebSocketPolyfill: wsWithHeaders({ cookie: 'hub_session=carol' }) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    carol.awareness.setLocalStateField('user', { name: 'Chi' })
    // carol's presence (sent after her sync request) reaches alice, then alice's reaches carol: by
    // then a sync answer sent at once would have arrived
    await waitFor(() => a.provider.awareness.getStates().get(c.clientID)?.user?.name === 'Chi')
    a.provider.awareness.setLocalStateField('user', { name: 'An' })
    await waitFor(() => carol.awareness.getStates().get(a.doc.clientID)?.user?.name === 'An')
    expect(carol.synced).toBe(false)
    expect(docText(c)).toBe('')
    t.gate.release()
    await waitFor(() => carol.synced)
    expect(docText(c)).toContain('chưa ghi')
    carol.destroy()
    c.destroy()
    a.close()
  })
})

describe('snapshot with a freeze (issuing a text)', () => {
  it('holds every edit the editors saw, writes them first, and refuses later writes until thawed', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    const b = await connectClient(t.s.base, name, 'bob')
    for (let i = 1; i <= 30; i++) appendParagraph(a.doc, `Điều ${i}`)
    const server = t.s.collab.registry.get(name)!
    await waitFor(() => docText(server.doc).includes('Điều 30'))
    const snap = await t.s.collab.store.snapshot(name, { freeze: true })
    // every edit that reached the server is in it, and in the database already
    expect(snap.plainText).toBe(textOf(a.doc))
    const stored = new Y.Doc()
    for (const u of (await t.s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(textOf(stored)).toBe(snap.plainText)
    // bob sees exactly the snapshot
    await waitFor(() => textOf(b.doc) === snap.plainText)

    // a later edit is refused: not applied, not relayed, not stored
    const dropped = t.s.collab.metrics.updatesDropped
    appendParagraph(a.doc, 'sửa sau khi ban hành')
    await waitFor(() => t.s.collab.metrics.updatesDropped > dropped)
    a.provider.awareness.setLocalStateField('user', { name: 'An' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'An')
    expect(textOf(server.doc)).toBe(snap.plainText)
    expect(textOf(b.doc)).toBe(snap.plainText)
    await t.s.collab.store.flush()
    const after = new Y.Doc()
    for (const u of (await t.s.collab.store.read(name)) ?? []) Y.applyUpdate(after, u)
    expect(textOf(after)).toBe(snap.plainText)

    // thawed, editors write again; reconnected to be judged again, alice's refused edit comes back with
    // it (the two paragraphs are concurrent at the end: their order is the clients' ids', not the test's)
    snap.thaw()
    appendParagraph(b.doc, 'mở lại')
    await waitFor(() => textOf(server.doc).includes('mở lại') && textOf(server.doc).includes('sửa sau khi ban hành'))
    expect(textOf(server.doc).startsWith(snap.plainText)).toBe(true)
    a.close()
    b.close()
  })

  it('ends a freeze when the editors are reconnected to be judged again', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    await t.s.collab.store.snapshot(name, { freeze: true })
    expect(t.s.collab.store.isFrozen(name)).toBe(true)
    expect(t.s.collab.reauthorize(name)).toBe(1)
    expect(t.s.collab.store.isFrozen(name)).toBe(false)
    a.close()
  })
})
