// Large documents, with real y-websocket clients: a client joining a document over 1 MiB is served
// from the worker thread (state-encoder.ts) with everything the document holds, and still only once
// it is committed; a log left longer than compaction allows is compacted at open, off the event loop.
import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useGatedCollab } from './testing/gated-collab'
import { connectClient, newDocName, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

const t = useGatedCollab({ unloadAfterMs: 60_000 })

/** 1.5 MB of paragraphs, in one update under the frame limit. */
function bigText(doc: Y.Doc): string {
  const line = 'Nghị quyết về phòng chống dịch, các phường triển khai ngay. '.repeat(40)
  doc.transact(() => {
    for (let i = 0; i < 600; i++) appendParagraph(doc, `${i} ${line}`)
  })
  return docText(doc)
}

describe('large documents', () => {
  it('serves a joining client everything, from the worker, once it is committed; later edits too', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    const text = bigText(a.doc)
    expect(Y.encodeStateAsUpdate(a.doc).byteLength).toBeGreaterThan(1024 * 1024)
    const b = await connectClient(t.s.base, name, 'bob', 20_000)
    await waitFor(() => docText(b.doc) === text, 20_000)
    // An edit not yet committed is not in what a client joining now receives, and arrives once written.
    t.gate.hold()
    appendParagraph(a.doc, 'đoạn cuối chờ ghi')
    await waitFor(() => docText(t.s.collab.registry.get(name)!.doc).includes('đoạn cuối chờ ghi'))
    let joined = false
    const joining = connectClient(t.s.base, name, 'carol', 20_000).then((c) => {
      joined = true
      return c
    })
    await waitFor(() => t.gate.waiting > 0)
    await new Promise((r) => setTimeout(r, 500))
    expect(joined).toBe(false)
    t.gate.release()
    const c = await joining
    await waitFor(() => docText(c.doc).includes('đoạn cuối chờ ghi') && docText(b.doc).includes('đoạn cuối chờ ghi'))
    expect(docText(c.doc)).toBe(docText(a.doc))
    for (const x of [a, b, c]) x.close()
  }, 60_000)

  it('compacts at open a log longer than compaction allows, and the next open reads one snapshot', async () => {
    const name = newDocName()
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 1500; i++) appendParagraph(writer, `dòng ${i}`)
    const { yDocuments, yUpdates } = schema
    await t.dbh.db.insert(yDocuments).values({ name, pendingUpdates: updates.length })
    for (let i = 0; i < updates.length; i += 500)
      await t.dbh.db.insert(yUpdates).values(updates.slice(i, i + 500).map((update) => ({ docName: name, update })))
    const a = await connectClient(t.s.base, name, 'alice', 20_000)
    expect(docText(a.doc)).toBe(docText(writer))
    await waitFor(async () => (await t.dbh.db.select().from(yUpdates).where(eq(yUpdates.docName, name))).length === 0)
    const stored = await t.s.collab.store.read(name)
    expect(stored).toHaveLength(1)
    const again = new Y.Doc()
    Y.applyUpdate(again, stored![0]!)
    expect(docText(again)).toBe(docText(writer))
    a.close()
  }, 60_000)

  it('writes thousands of updates queued while the database waited, merged into rows of at most 64', async () => {
    const name = newDocName()
    const a = await connectClient(t.s.base, name, 'alice')
    await waitFor(async () => !t.s.collab.store.hasPending(name))
    t.gate.hold()
    for (let i = 0; i < 900; i++) appendParagraph(a.doc, `đoạn ${i}`)
    await waitFor(() => docText(t.s.collab.registry.get(name)!.doc).includes('đoạn 899'))
    t.gate.release()
    await waitFor(async () => !t.s.collab.store.hasPending(name))
    await t.s.collab.store.flush()
    const { yDocuments, yUpdates } = schema
    const logged = await t.dbh.db.select().from(yUpdates).where(eq(yUpdates.docName, name))
    const [row] = await t.dbh.db.select().from(yDocuments).where(eq(yDocuments.name, name))
    expect(logged.length).toBeGreaterThanOrEqual(Math.ceil(900 / 64))
    expect(logged.length).toBeLessThan(900)
    expect(row!.pendingUpdates).toBe(logged.length)
    const stored = new Y.Doc()
    for (const u of (await t.s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(docText(stored)).toBe(docText(a.doc))
    a.close()
  }, 60_000)
})
