// What a client sends can only close its own connection: malformed and oversized frames, read-only updates,
// forged presence, dead peers.
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { awarenessMessage, updateMessage } from './protocol'
import { connectClient, newDocName, rawSocket, startCollab, type TestServer, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

let s: TestServer
beforeAll(async () => {
  s = await startCollab({ access: { reader: 'read' }, server: { maxFrameBytes: 1024 * 1024 } })
})
afterAll(async () => {
  await s?.close()
})

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1)
    ws.once('close', (code) => resolve(code))
  })
}

describe('limits: what a client sends can only close its own connection', () => {
  it('closes a garbage frame with 1002, a bad update with 1002, an oversized frame with 1009; others keep syncing', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    const before = { ...s.collab.metrics }

    const garbage = await rawSocket(s.base, name, 'mallory')
    const g = closed(garbage)
    garbage.send(Buffer.from([0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 1]))
    expect(await g).toBe(1002)

    const badUpdate = await rawSocket(s.base, name, 'mallory')
    const u = closed(badUpdate)
    badUpdate.send(updateMessage(new Uint8Array([1, 200, 1, 0, 5, 9, 9, 9])))
    expect(await u).toBe(1002)

    const unknown = await rawSocket(s.base, name, 'mallory')
    const k = closed(unknown)
    unknown.send(Buffer.from([9, 1, 2, 3]))
    expect(await k).toBe(1002)

    const big = await rawSocket(s.base, name, 'mallory')
    big.on('error', () => {})
    const o = closed(big)
    big.send(Buffer.alloc(2 * 1024 * 1024, 7))
    expect(await o).toBe(1009)

    // a 12 MiB frame (what the acceptance check sends), right after garbage on the same socket
    const both = await rawSocket(s.base, name, 'mallory')
    both.on('error', () => {})
    const bc = closed(both)
    both.send(Buffer.from([0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 1]))
    both.send(Buffer.alloc(12 * 1024 * 1024, 7))
    expect([1002, 1009, 1006]).toContain(await bc)

    appendParagraph(a.doc, 'sau rác')
    await waitFor(() => docText(b.doc).includes('sau rác'), 3000)
    expect(s.collab.metrics.malformedFrames - before.malformedFrames).toBeGreaterThanOrEqual(3)
    expect(s.collab.metrics.oversizedFrames - before.oversizedFrames).toBeGreaterThanOrEqual(1)
    expect(s.collab.registry.get(name)!.connections.size).toBe(2)
    a.close()
    b.close()
  })

  it("drops a read-only user's updates: nothing changes on the server nor for others; they still receive and are seen", async () => {
    const name = newDocName()
    const writer = await connectClient(s.base, name, 'alice')
    appendParagraph(writer.doc, 'bản gốc')
    const reader = await connectClient(s.base, name, 'reader')
    await waitFor(() => docText(reader.doc).includes('bản gốc'))
    const dropped = s.collab.metrics.updatesDropped
    appendParagraph(reader.doc, 'sửa trái phép')
    reader.provider.awareness.setLocalStateField('user', { name: 'Người xem' })
    await waitFor(() => s.collab.metrics.updatesDropped > dropped)
    // presence of read-only users is relayed
    await waitFor(() => writer.provider.awareness.getStates().get(reader.doc.clientID)?.user?.name === 'Người xem')
    // the update was dropped when it was read, and the presence sent after it has reached the writer
    const server = s.collab.registry.get(name)!
    expect(docText(server.doc)).not.toContain('sửa trái phép')
    expect(docText(writer.doc)).not.toContain('sửa trái phép')
    // the reader still receives the writer's edits
    appendParagraph(writer.doc, 'bổ sung')
    await waitFor(() => docText(reader.doc).includes('bổ sung'))
    // and a reconnect (sync step 2 of its local state) is dropped too
    const droppedBefore = s.collab.metrics.updatesDropped
    reader.provider.disconnect()
    reader.provider.connect()
    await waitFor(() => reader.provider.synced && s.collab.metrics.updatesDropped > droppedBefore)
    expect(docText(server.doc)).not.toContain('sửa trái phép')
    writer.close()
    reader.close()
  })

  it("does not let a connection change or remove another client's presence", async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    a.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    const server = s.collab.registry.get(name)!
    await waitFor(() => server.awareness.getStates().has(a.doc.clientID))
    const raw = await rawSocket(s.base, name, 'mallory')
    // forge: Alice's client id, a higher clock, state null (= "Alice left") and then a fake name
    const forged = new Awareness(new Y.Doc())
    forged.clientID = a.doc.clientID
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, a.doc.clientID)
    encoding.writeVarUint(e, 999)
    encoding.writeVarString(e, JSON.stringify({ user: { name: 'Mallory' } }))
    raw.send(awarenessMessage(encoding.toUint8Array(e)))
    forged.setLocalState(null)
    raw.send(awarenessMessage(encodeAwarenessUpdate(forged, [a.doc.clientID])))
    // then its own presence, on the same socket: once the server has it, the forgeries were read
    const own = new Awareness(new Y.Doc())
    own.setLocalStateField('user', { name: 'Mallory' })
    raw.send(awarenessMessage(encodeAwarenessUpdate(own, [own.clientID])))
    await waitFor(() => server.awareness.getStates().get(own.clientID)?.user?.name === 'Mallory')
    own.destroy()
    expect(server.awareness.getStates().get(a.doc.clientID)?.user?.name).toBe('Alice')
    forged.destroy()
    raw.close()
    a.close()
  })

  it('drops a connection that stops answering pings, and keeps one that answers', async () => {
    // A server of its own pinging fast: elsewhere a pong stuck behind a large frame would cut the socket.
    const s = await startCollab({ server: { pingIntervalMs: 100 } })
    const name = newDocName()
    const live = await connectClient(s.base, name, 'alice')
    const dead = new WebSocket(`${s.base.replace('http', 'ws')}/collab/${encodeURIComponent(name)}`, {
      headers: { cookie: 'hub_session=ghost' },
      autoPong: false,
    })
    await new Promise((r) => dead.once('open', r))
    const gone = closed(dead)
    await waitFor(() => s.collab.registry.get(name)!.connections.size === 2)
    await gone
    expect(s.collab.registry.get(name)!.connections.size).toBe(1)
    appendParagraph(live.doc, 'vẫn sống')
    await waitFor(() => docText(s.collab.registry.get(name)!.doc).includes('vẫn sống'))
    live.close()
    await s.close()
  })
})
