// Durability with real processes and data folders: restarts, kill -9, the update log and compaction.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '@hub/db'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentStore } from './document-store'
import { silentLogger } from './logger'
import { createMetrics, shareWithin } from './metrics'
import { connectClient, newDocName, startCollab, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const dirs: string[] = []
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'collab-durability-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function startChild(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/collab/src/testing/child-server.ts', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (c) => {
      err += c
    })
    child.stdout!.on('data', (c) => {
      out += c
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve({ child, base: JSON.parse(line).base })
    })
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${err}`)))
  })
}

// Real data folders and child processes are slow on a loaded machine: generous bounds, no speed asserted.
describe('durability', { timeout: 240_000 }, () => {
  it('keeps the content across a clean restart on the same data folder', async () => {
    const dataDir = tempDir()
    const name = newDocName()
    let s = await startCollab({ dataDir })
    const a = await connectClient(s.base, name, 'alice', 60_000)
    for (let i = 0; i < 30; i++) appendParagraph(a.doc, `trước khởi động lại ${i}`)
    const expected = docText(a.doc)
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === expected, 60_000)
    // the server goes down with the client still connected
    await s.close()
    a.close()
    s = await startCollab({ dataDir })
    const b = await connectClient(s.base, name, 'bob', 60_000)
    expect(docText(b.doc)).toBe(expected)
    b.close()
    await s.close()
  })

  it('keeps every edit another client had received when the server process is killed (kill -9)', async () => {
    const dataDir = tempDir()
    const name = newDocName()
    const { child, base } = await startChild(dataDir)
    const exited = new Promise((r) => child.once('exit', r))
    const seen: string[] = []
    try {
      const a = await connectClient(base, name, 'alice', 60_000)
      const b = await connectClient(base, name, 'bob', 60_000)
      for (let i = 0; i < 20; i++) appendParagraph(a.doc, `gõ trước khi sập ${i}`)
      // relay after durable: what bob has received is in the database
      await waitFor(() => docText(b.doc).includes('gõ trước khi sập 19'), 60_000)
      seen.push(
        ...b.doc
          .getXmlFragment('default')
          .toArray()
          .map((p) => (p as Y.XmlElement).toString()),
      )
      child.kill('SIGKILL')
      await exited
      a.close()
      b.close()
    } finally {
      child.kill('SIGKILL')
    }
    expect(seen).toHaveLength(20)
    // reopen the same folder in this process (the dead process's lock is taken over)
    const dbh = await createDb({ dataDir })
    const store = new DocumentStore(dbh.db, {
      flushIntervalMs: 50,
      compactAfterUpdates: 200,
      plainTextDebounceMs: 1000,
      log: silentLogger,
      metrics: createMetrics(),
    })
    const doc = new Y.Doc()
    for (const u of (await store.read(name)) ?? []) Y.applyUpdate(doc, u)
    for (const p of seen) expect(docText(doc)).toContain(p)
    await store.close()
    await dbh.close()
  })

  it('writes every edit that reached the server to the log (and reports how long it took)', async () => {
    const s = await startCollab({ dataDir: tempDir() })
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice', 60_000)
    for (let i = 0; i < 200; i++) {
      appendParagraph(a.doc, `gõ ${i}`)
      await new Promise((r) => setTimeout(r, 3))
    }
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === docText(a.doc), 60_000)
    await s.collab.store.flush()
    const stored = new Y.Doc()
    for (const u of (await s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(docText(stored)).toBe(docText(a.doc))
    const h = s.collab.metrics.durableLatency
    expect(h.count).toBeGreaterThanOrEqual(200)
    console.info(
      `durable latency over ${h.count} updates: mean ${(h.sumMs / h.count).toFixed(1)} ms, max ${h.maxMs.toFixed(1)} ms, ` +
        `${(shareWithin(h, 200) * 100).toFixed(1)}% within 200 ms; ` +
        `log write mean ${(s.collab.metrics.flushLatency.sumMs / s.collab.metrics.flushLatency.count).toFixed(1)} ms`,
    )
    a.close()
    await s.close()
  })

  it('compacts the log as it grows and on unload, the content identical before and after', async () => {
    const s = await startCollab({ server: { flushIntervalMs: 5, compactAfterUpdates: 10, unloadAfterMs: 60_000 } })
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice', 60_000)
    for (let i = 0; i < 120; i++) {
      appendParagraph(a.doc, `đoạn ${i}`)
      if (i % 3 === 0) a.doc.getXmlFragment('default').delete(0, 1)
      await new Promise((r) => setTimeout(r, 2))
    }
    const expected = docText(a.doc)
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === expected, 60_000)
    await s.collab.store.flush()
    expect(s.collab.metrics.compactions).toBeGreaterThanOrEqual(1)
    const stored = new Y.Doc()
    for (const u of (await s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(docText(stored)).toBe(expected)
    a.close()
    await waitFor(() => s.collab.connectionCount() === 0, 60_000)
    await s.collab.registry.unloadIdle()
    const parts = await s.collab.store.read(name)
    // one snapshot, no log left
    expect(parts).toHaveLength(1)
    const compacted = new Y.Doc()
    Y.applyUpdate(compacted, parts![0]!)
    expect(docText(compacted)).toBe(expected)
    await s.close()
  })
})
