// The document registry: shared loads, initial content once, unload and its races.
import { createDb, type DbHandle, schema } from '@hub/db'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentStore } from './document-store'
import { silentLogger } from './logger'
import { createMetrics } from './metrics'
import { DocumentRegistry, type RegistryOptions } from './registry'
import { connectClient, newDocName, startCollab, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

let dbh: DbHandle
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
})
afterAll(async () => {
  await dbh?.close()
})

function make(over: Partial<RegistryOptions> = {}) {
  const metrics = createMetrics()
  const store = new DocumentStore(dbh.db, {
    flushIntervalMs: 5,
    compactAfterUpdates: 200,
    plainTextDebounceMs: 1000,
    log: silentLogger,
    metrics,
  })
  const registry = new DocumentRegistry({
    store,
    unloadAfterMs: 20,
    fanoutIntervalMs: 0,
    metrics,
    log: silentLogger,
    ...over,
  })
  return { registry, store, metrics }
}

function skeleton(text: string): Uint8Array {
  const d = new Y.Doc()
  appendParagraph(d, text)
  return Y.encodeStateAsUpdate(d)
}

describe('DocumentRegistry', () => {
  it('loads a document once for concurrent opens and hands out the same Y.Doc', async () => {
    const { registry, metrics } = make()
    const name = newDocName()
    const leases = await Promise.all(Array.from({ length: 20 }, () => registry.acquire(name)))
    expect(metrics.loads).toBe(1)
    expect(new Set(leases.map((l) => l.document)).size).toBe(1)
    expect(registry.holds(name)).toBe(20)
    for (const l of leases) l.release()
    await registry.closeAll()
  })

  it('applies the initial content of a new document once, on the server', async () => {
    let calls = 0
    const { registry, metrics } = make({
      initialContent: async () => {
        calls++
        await new Promise((r) => setTimeout(r, 20))
        return skeleton('Khung: mở đầu, điều khoản, kết thúc')
      },
    })
    const name = newDocName()
    const [a, b] = await Promise.all([registry.acquire(name), registry.acquire(name)])
    expect(calls).toBe(1)
    expect(metrics.created).toBe(1)
    expect(a.document.doc.getXmlFragment('default').length).toBe(1)
    a.release()
    b.release()
    await registry.unloadIdle()
    expect(registry.size).toBe(0)
    // opened again: the stored content, not a second skeleton
    const c = await registry.acquire(name)
    expect(calls).toBe(1)
    expect(c.document.doc.getXmlFragment('default').length).toBe(1)
    c.release()
    await registry.closeAll()
  })

  it('unloads an idle document after flushing and compacting it, and a new hold cancels the unload', async () => {
    const { registry, metrics } = make({ unloadAfterMs: 50 })
    const name = newDocName()
    const l1 = await registry.acquire(name)
    appendParagraph(l1.document.doc, 'giữ lại')
    l1.release()
    // re-acquired before the timer fires: same document, nothing unloaded
    const l2 = await registry.acquire(name)
    expect(l2.document).toBe(l1.document)
    await new Promise((r) => setTimeout(r, 100))
    expect(registry.size).toBe(1)
    l2.release()
    await waitFor(() => registry.size === 0, 2000)
    expect(metrics.unloads).toBe(1)
    const [log] = await dbh.db.select({ n: count() }).from(schema.yUpdates).where(eq(schema.yUpdates.docName, name))
    expect(log?.n).toBe(0)
    const l3 = await registry.acquire(name)
    expect(docText(l3.document.doc)).toContain('giữ lại')
    l3.release()
    await registry.closeAll()
  })

  it('loses nothing when opens race unloads', async () => {
    const { registry, metrics } = make({ unloadAfterMs: 0 })
    const name = newDocName()
    const written: string[] = []
    for (let i = 0; i < 60; i++) {
      const lease = await registry.acquire(name)
      appendParagraph(lease.document.doc, `lượt ${i}`)
      written.push(`lượt ${i}`)
      lease.release()
      // wait a varying time so the next open lands before, during and after the unload
      await new Promise((r) => setTimeout(r, i % 7))
    }
    await registry.unloadIdle()
    expect(metrics.unloads).toBeGreaterThan(1)
    const last = await registry.acquire(name)
    const text = docText(last.document.doc)
    for (const w of written) expect(text).toContain(w)
    last.release()
    await registry.closeAll()
  })

  it('keeps the document when it is opened while being written out, and writes the new edits later', async () => {
    const { registry, store, metrics } = make({ unloadAfterMs: 0 })
    let compactionStarted: () => void = () => {}
    const compact = store.compact.bind(store)
    store.compact = async (n: string) => {
      compactionStarted()
      await new Promise((r) => setTimeout(r, 30))
      return compact(n)
    }
    const name = newDocName()
    const first = await registry.acquire(name)
    appendParagraph(first.document.doc, 'trước')
    const started = new Promise<void>((r) => {
      compactionStarted = r
    })
    first.release()
    await started
    // the unload is writing the document out now
    const second = await registry.acquire(name)
    expect(second.document).toBe(first.document)
    appendParagraph(second.document.doc, 'trong lúc dỡ')
    await new Promise((r) => setTimeout(r, 60))
    expect(metrics.unloadsCancelled).toBe(1)
    expect(registry.size).toBe(1)
    second.release()
    await waitFor(() => registry.size === 0, 2000)
    const third = await registry.acquire(name)
    expect(third.document).not.toBe(first.document)
    expect(docText(third.document.doc)).toContain('trước')
    expect(docText(third.document.doc)).toContain('trong lúc dỡ')
    third.release()
    await registry.closeAll()
  })

  it('does not hand out a document whose load failed, and loads again on the next open', async () => {
    let fail = true
    const { registry } = make({
      initialContent: async () => {
        if (fail) throw new Error('skeleton service down')
        return null
      },
    })
    const name = newDocName()
    await expect(registry.acquire(name)).rejects.toThrow('skeleton service down')
    expect(registry.size).toBe(0)
    fail = false
    const l = await registry.acquire(name)
    l.release()
    await registry.closeAll()
  })
})

describe('DocumentRegistry behind the server', () => {
  it('serves the stored state in the first sync, and initial content once to two clients opening a new document together', async () => {
    const s = await startCollab({
      dbh,
      server: { initialContent: async () => skeleton('CHỈ THỊ\nVề việc ...'), unloadAfterMs: 10 },
    })
    const name = newDocName()
    const [a, b] = await Promise.all([connectClient(s.base, name, 'alice'), connectClient(s.base, name, 'bob')])
    // synced means the first sync step 2 arrived: the skeleton is in it
    expect(a.doc.getXmlFragment('default').length).toBe(1)
    expect(b.doc.getXmlFragment('default').length).toBe(1)
    expect(s.collab.metrics.loads).toBe(1)
    appendParagraph(a.doc, 'đoạn hai')
    await waitFor(() => docText(b.doc).includes('đoạn hai'))
    a.close()
    b.close()
    await waitFor(() => s.collab.registry.size === 0, 3000)
    const c = await connectClient(s.base, name, 'carol')
    expect(c.doc.getXmlFragment('default').length).toBe(2)
    expect(docText(c.doc)).toContain('đoạn hai')
    c.close()
    await s.close()
  })
})
