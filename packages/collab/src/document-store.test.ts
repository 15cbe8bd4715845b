// The document store against a real (embedded) database: create and load, the update log's group
// commit and retries, compaction, the text projection and snapshots.
import { createDb, type DbHandle, schema } from '@hub/db'
import { plainTextOf } from '@hub/documents'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentStore, type DocumentStoreOptions } from './document-store'
import { silentLogger } from './logger'
import { createMetrics } from './metrics'
import { gatedDb, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

let dbh: DbHandle
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
})
afterAll(async () => {
  await dbh?.close()
})

/** A store on the test database (or `db`), ticking fast unless `over` says otherwise. */
function make(over: Partial<DocumentStoreOptions> = {}, db: DbHandle['db'] = dbh.db) {
  const metrics = createMetrics()
  const p = new DocumentStore(db, {
    flushIntervalMs: 20,
    compactAfterUpdates: 1000,
    plainTextDebounceMs: 20,
    log: silentLogger,
    metrics,
    ...over,
  })
  return { p, metrics }
}

let n = 0
const newName = () => `directive:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`

async function logRows(name: string) {
  const [r] = await dbh.db.select({ n: count() }).from(schema.yUpdates).where(eq(schema.yUpdates.docName, name))
  return r?.n ?? 0
}

async function row(name: string) {
  const [r] = await dbh.db.select().from(schema.yDocuments).where(eq(schema.yDocuments.name, name))
  return r
}

/** Applies stored parts to a fresh doc and returns its text. */
function textOf(parts: Uint8Array[] | null) {
  const doc = new Y.Doc()
  for (const u of parts ?? []) Y.applyUpdate(doc, u)
  return docText(doc)
}

/** Collects a doc's updates as the server receives them. */
function recorder() {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return { doc, updates }
}

/** A new document opened in the store, and a client's doc whose updates are recorded. */
async function openNew(p: DocumentStore) {
  const name = newName()
  await p.open(name)
  return { name, ...recorder() }
}

describe('DocumentStore', () => {
  it('creates a document once and loads what it created; its text is projected from the live document', async () => {
    const { p, metrics } = make()
    const name = newName()
    expect(await p.read(name)).toBeNull()
    const init = new Y.Doc()
    appendParagraph(init, 'Khung chỉ thị')
    const first = await p.open(name, async () => Y.encodeStateAsUpdate(init))
    expect(first.created).toBe(true)
    expect((await p.open(name, async () => null)).created).toBe(false)
    const parts = await p.read(name)
    expect(parts).toHaveLength(1)
    expect(textOf(parts)).toBe(docText(init))
    p.attach(name, init)
    await waitFor(() => metrics.plainTextRefreshes > 0)
    expect((await row(name))?.plainText).toBe('Khung chỉ thị')
    p.forget(name)
    await p.close()
  })

  it("writes one tick's updates as one log row, durable when flush resolves", async () => {
    const { p, metrics } = make({ flushIntervalMs: 10_000 })
    const { name, doc, updates } = await openNew(p)
    for (let i = 0; i < 50; i++) appendParagraph(doc, `dòng ${i}`)
    for (const u of updates) p.append(name, u)
    expect(p.hasPending(name)).toBe(true)
    await p.flush()
    expect(p.hasPending(name)).toBe(false)
    expect(await logRows(name)).toBe(1)
    expect(metrics.flushes).toBe(1)
    expect((await row(name))?.pendingUpdates).toBe(1)
    expect(textOf(await p.read(name))).toBe(docText(doc))
    await p.close()
  })

  it('flushes on its own within the tick; the promise of an update resolves once it is committed', async () => {
    const { p, metrics } = make({ flushIntervalMs: 20 })
    const { name, doc, updates } = await openNew(p)
    appendParagraph(doc, 'tự ghi')
    const durable = p.append(name, updates[0]!)
    expect(await logRows(name)).toBe(0)
    await durable
    expect(metrics.flushes).toBe(1)
    expect(await logRows(name)).toBe(1)
    expect(p.hasPending(name)).toBe(false)
    await p.close()
  })

  it('compacts snapshot and log into one snapshot with identical content, log emptied', async () => {
    const { p, metrics } = make({ flushIntervalMs: 10_000, compactAfterUpdates: 5 })
    const name = newName()
    const init = new Y.Doc()
    appendParagraph(init, 'mở đầu')
    await p.open(name, async () => Y.encodeStateAsUpdate(init))
    const { doc, updates } = recorder()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(init))
    updates.length = 0
    for (let i = 0; i < 5; i++) {
      appendParagraph(doc, `đoạn ${i}`)
      // a deletion too, so compaction has garbage to collect
      if (i === 2) doc.getXmlFragment('default').delete(1, 1)
      for (const u of updates.splice(0)) p.append(name, u)
      await p.flush()
    }
    expect(await logRows(name)).toBe(5)
    const before = textOf(await p.read(name))
    expect(before).toBe(docText(doc))
    // the sixth write crosses the threshold and triggers a compaction
    appendParagraph(doc, 'đoạn cuối')
    for (const u of updates.splice(0)) p.append(name, u)
    await p.flush()
    await p.compact(name)
    expect(metrics.compactions).toBeGreaterThanOrEqual(1)
    expect(await logRows(name)).toBe(0)
    const r = await row(name)
    expect(r?.pendingUpdates).toBe(0)
    const parts = await p.read(name)
    expect(parts).toHaveLength(1)
    expect(textOf(parts)).toBe(docText(doc))
    // the text projection follows the document (from the live copy)
    p.attach(name, doc)
    await p.settle(name)
    expect((await row(name))?.plainText).toBe(plainTextOf(doc.getXmlFragment('default')))
    p.forget(name)
    await p.close()
  })

  it('keeps updates queued when a write fails and writes them on retry', async () => {
    let fail = 1
    const flaky = new Proxy(dbh.db, {
      get(target, prop, recv) {
        if (prop === 'transaction' && fail > 0) {
          fail--
          return () => Promise.reject(new Error('database went away'))
        }
        const v = Reflect.get(target, prop, recv)
        return typeof v === 'function' ? v.bind(target) : v
      },
    })
    const { p, metrics } = make({ flushIntervalMs: 10, plainTextDebounceMs: 10 }, flaky)
    const { name, doc, updates } = await openNew(p)
    appendParagraph(doc, 'không mất')
    let committed = false
    const durable = p.append(name, updates[0]!).then(() => {
      committed = true
    })
    await waitFor(() => metrics.flushErrors === 1)
    expect(committed).toBe(false)
    await durable
    expect(metrics.flushErrors).toBe(1)
    expect(metrics.flushes).toBe(1)
    expect(textOf(await p.read(name))).toBe(docText(doc))
    await p.close()
  })

  it('refreshes the plain-text projection after a flush', async () => {
    const { p, metrics } = make()
    const { name, doc, updates } = await openNew(p)
    p.attach(name, doc)
    appendParagraph(doc, 'Về tăng cường kiểm tra')
    for (const u of updates.splice(0)) p.append(name, u)
    await waitFor(() => metrics.plainTextRefreshes > 0)
    expect((await row(name))?.plainText).toBe('Về tăng cường kiểm tra')
    p.forget(name)
    expect(p.tracked).toBe(0)
    await p.close()
  })

  it('snapshots a live document with every update received written first; a freeze refuses until thawed', async () => {
    const { p } = make({ flushIntervalMs: 60_000 })
    const { name, doc, updates } = await openNew(p)
    p.attach(name, doc)
    appendParagraph(doc, 'Điều 1')
    appendParagraph(doc, 'Điều 2')
    for (const u of updates.splice(0)) p.append(name, u)
    expect(p.hasPending(name)).toBe(true)
    const snap = await p.snapshot(name, { freeze: true })
    expect(snap.plainText).toBe('Điều 1\nĐiều 2')
    expect(snap.content.content).toHaveLength(2)
    // written by the snapshot itself, not by the (minute-long) tick
    expect(p.hasPending(name)).toBe(false)
    expect(textOf(await p.read(name))).toBe(docText(doc))
    expect(p.isFrozen(name)).toBe(true)
    snap.thaw()
    expect(p.isFrozen(name)).toBe(false)
    p.forget(name)
    await p.close()
  })

  it('a snapshot waits for a write already under way, not only for what is still queued', async () => {
    const gate = gatedDb(dbh.db)
    const { p } = make({ flushIntervalMs: 60_000, plainTextDebounceMs: 60_000 }, gate.db)
    const { name, doc, updates } = await openNew(p)
    p.attach(name, doc)
    appendParagraph(doc, 'đang ghi')
    for (const u of updates.splice(0)) p.append(name, u)
    gate.hold()
    void p.flush()
    // the write has taken the queued update and waits on the database
    await waitFor(() => gate.waiting > 0)
    expect(p.hasPending(name)).toBe(false)
    let rowsWhenResolved = -1
    const snap = p.snapshot(name).then(async (s) => {
      rowsWhenResolved = await logRows(name)
      return s
    })
    await new Promise((r) => setImmediate(r))
    gate.release()
    expect((await snap).plainText).toBe('đang ghi')
    expect(rowsWhenResolved).toBe(1)
    p.forget(name)
    await p.close()
  })

  it('snapshots a document not in memory from the database; one never opened is empty', async () => {
    const { p } = make()
    const name = newName()
    const init = new Y.Doc()
    appendParagraph(init, 'Đã lưu')
    await p.open(name, async () => Y.encodeStateAsUpdate(init))
    const snap = await p.snapshot(name)
    expect(snap.plainText).toBe('Đã lưu')
    const none = await p.snapshot(newName())
    expect(none.state).toBeNull()
    expect(none.plainText).toBe('')
    await p.close()
  })
})
