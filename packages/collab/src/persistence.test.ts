import { createDb, type DbHandle, schema } from '@hub/db'
import { plainTextOf } from '@hub/documents'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from './logger'
import { createMetrics } from './metrics'
import { Persistence, type PersistenceOptions } from './persistence'
import { appendParagraph, docText } from './testing/ydoc'

let dbh: DbHandle
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
})
afterAll(async () => {
  await dbh?.close()
})

function make(over: Partial<PersistenceOptions> = {}) {
  const metrics = createMetrics()
  const p = new Persistence(dbh.db, {
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

describe('Persistence', () => {
  it('creates a document once and loads what it created', async () => {
    const { p } = make()
    const name = newName()
    expect(await p.load(name)).toBeNull()
    const init = new Y.Doc()
    appendParagraph(init, 'Khung chỉ thị')
    expect(await p.create(name, Y.encodeStateAsUpdate(init), 'Khung chỉ thị')).toBe(true)
    expect(await p.create(name, null, '')).toBe(false)
    const parts = await p.load(name)
    expect(parts).toHaveLength(1)
    expect(textOf(parts)).toBe(docText(init))
    expect((await row(name))?.plainText).toBe('Khung chỉ thị')
    await p.close()
  })

  it("writes one tick's updates as one log row, durable when flush resolves", async () => {
    const { p, metrics } = make({ flushIntervalMs: 10_000 })
    const name = newName()
    await p.create(name, null, '')
    const { doc, updates } = recorder()
    for (let i = 0; i < 50; i++) appendParagraph(doc, `dòng ${i}`)
    for (const u of updates) p.append(name, u)
    expect(p.hasPending(name)).toBe(true)
    await p.flush()
    expect(p.hasPending(name)).toBe(false)
    expect(await logRows(name)).toBe(1)
    expect(metrics.flushes).toBe(1)
    expect((await row(name))?.pendingUpdates).toBe(1)
    expect(textOf(await p.load(name))).toBe(docText(doc))
    await p.close()
  })

  it('flushes on its own within the tick', async () => {
    const { p, metrics } = make({ flushIntervalMs: 20 })
    const name = newName()
    await p.create(name, null, '')
    const { doc, updates } = recorder()
    appendParagraph(doc, 'tự ghi')
    p.append(name, updates[0]!)
    const t = Date.now()
    while (metrics.flushes === 0 && Date.now() - t < 2000) await new Promise((r) => setTimeout(r, 5))
    expect(metrics.flushes).toBe(1)
    expect(Date.now() - t).toBeLessThan(200)
    expect(metrics.durableLatency.maxMs).toBeLessThan(200)
    await p.close()
  })

  it('compacts snapshot and log into one snapshot with identical content, log emptied', async () => {
    const { p, metrics } = make({ flushIntervalMs: 10_000, compactAfterUpdates: 5 })
    const name = newName()
    const init = new Y.Doc()
    appendParagraph(init, 'mở đầu')
    await p.create(name, Y.encodeStateAsUpdate(init), 'mở đầu')
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
    const before = textOf(await p.load(name))
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
    expect(r?.plainText).toBe(plainTextOf(doc.getXmlFragment('default')))
    const parts = await p.load(name)
    expect(parts).toHaveLength(1)
    expect(textOf(parts)).toBe(docText(doc))
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
    const metrics = createMetrics()
    const p = new Persistence(flaky, {
      flushIntervalMs: 10,
      compactAfterUpdates: 1000,
      plainTextDebounceMs: 10,
      log: silentLogger,
      metrics,
    })
    const name = newName()
    await p.create(name, null, '')
    const { doc, updates } = recorder()
    appendParagraph(doc, 'không mất')
    p.append(name, updates[0]!)
    const t = Date.now()
    while (metrics.flushes === 0 && Date.now() - t < 3000) await new Promise((r) => setTimeout(r, 10))
    expect(metrics.flushErrors).toBe(1)
    expect(metrics.flushes).toBe(1)
    expect(textOf(await p.load(name))).toBe(docText(doc))
    await p.close()
  })

  it('refreshes the plain-text projection after a flush', async () => {
    const { doc, updates } = recorder()
    const name = newName()
    const { p, metrics } = make({ plainText: (n) => (n === name ? plainTextOf(doc.getXmlFragment('default')) : null) })
    await p.create(name, null, '')
    appendParagraph(doc, 'Về tăng cường kiểm tra')
    for (const u of updates.splice(0)) p.append(name, u)
    const t = Date.now()
    while (metrics.plainTextRefreshes === 0 && Date.now() - t < 2000) await new Promise((r) => setTimeout(r, 10))
    expect((await row(name))?.plainText).toBe('Về tăng cường kiểm tra')
    p.forget(name)
    expect(p.tracked).toBe(0)
    await p.close()
  })
})
