// Per-connection rate limits: presence floods dropped, update floods closed with 4429, others unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, TokenBucket } from './limits'
import { awarenessMessage, updateMessage } from './protocol'
import { connectClient, newDocName, rawSocket, startCollab, type TestServer } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

let s: TestServer
beforeAll(async () => {
  s = await startCollab({
    access: { reader: 'read' },
    server: {
      maxDocumentBytes: 256 * 1024,
      rates: { awarenessPerSecond: 20, awarenessBurst: 20, updatesPerSecond: 50, updatesBurst: 50 },
    },
  })
})
afterAll(async () => {
  await s?.close()
})

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))

/** One presence message of a client id, as a browser sends on every cursor move. */
function presence(clientId: number, clock: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const a = new Awareness(doc)
  for (let i = 0; i < clock; i++) a.setLocalState({ user: { name: 'x' }, n: i })
  return awarenessMessage(encodeAwarenessUpdate(a, [clientId]))
}

describe('collab rate and size limits', () => {
  it('refills a token bucket at its rate and refuses beyond its burst', () => {
    const b = new TokenBucket(1000, 3)
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false])
  })

  it('closes a read-only connection that floods presence with 4429; the editors are unharmed', async () => {
    const name = newDocName()
    const editor = await connectClient(s.base, name, 'alice')
    const flood = await rawSocket(s.base, name, 'reader')
    flood.on('error', () => {})
    const done = closed(flood)
    const before = s.collab.metrics.rateLimited
    const message = presence(4242, 1)
    for (let i = 0; i < 2000 && flood.readyState === flood.OPEN; i++) flood.send(message)
    expect(await done).toBe(CloseCode.rateLimited)
    expect(s.collab.metrics.rateLimited).toBeGreaterThan(before)
    // The editor still edits and is stored.
    appendParagraph(editor.doc, 'Vẫn soạn thảo bình thường')
    const other = await connectClient(s.base, name, 'bob')
    await expect.poll(() => docText(other.doc)).toContain('Vẫn soạn thảo bình thường')
    editor.close()
    other.close()
  })

  it('closes a connection that sends updates faster than its rate with 4429, keeping what it sent before', async () => {
    const name = newDocName()
    const ws = await rawSocket(s.base, name, 'mallory')
    ws.on('error', () => {})
    const done = closed(ws)
    const doc = new Y.Doc()
    const text = doc.getText('t')
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 400; i++) text.insert(text.length, 'a')
    for (const u of updates) if (ws.readyState === ws.OPEN) ws.send(updateMessage(u))
    expect(await done).toBe(CloseCode.rateLimited)
    const reader = await connectClient(s.base, name, 'bob')
    const got = reader.doc.getText('t').toString()
    expect(got.length).toBeGreaterThan(0)
    expect(got.length).toBeLessThan(400)
    reader.close()
  })

  it('refuses an update that would grow a document past its size limit with 4413, and applies none of it', async () => {
    const name = newDocName()
    const ws = await rawSocket(s.base, name, 'mallory')
    ws.on('error', () => {})
    const done = closed(ws)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(300 * 1024))
    ws.send(updateMessage(Y.encodeStateAsUpdate(doc)))
    expect(await done).toBe(CloseCode.documentTooLarge)
    expect(s.collab.metrics.documentsTooLarge).toBeGreaterThan(0)
    const reader = await connectClient(s.base, name, 'bob')
    expect(reader.doc.getText('t').toString()).toBe('')
    reader.close()
  })
})
