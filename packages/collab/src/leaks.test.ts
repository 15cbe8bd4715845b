// Thousands of connections coming and going leave no listeners, presence clocks, documents or store state
// behind.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { awarenessMessage, MESSAGE_SYNC, SYNC_STEP2, syncStep1Message, updateMessage } from './protocol'
import { connectClient, newDocName, startCollab, type TestServer, waitFor } from './testing/harness'
import { appendParagraph } from './testing/ydoc'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

let s: TestServer
beforeAll(async () => {
  s = await startCollab({
    server: { unloadAfterMs: 20, pingIntervalMs: 60_000, awarenessGraceMs: Number(process.env.GRACE ?? 200) },
  })
})
afterAll(async () => {
  await s?.close()
})

function presence(clientId: number, name: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clientId)
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, JSON.stringify({ user: { name } }))
  return awarenessMessage(encoding.toUint8Array(e))
}

const emptyStep1 = syncStep1Message(new Y.Doc())

/** One connection doing what a browser tab does: sync, announce itself, sometimes edit, then leave. */
async function cycle(base: string, name: string, i: number): Promise<void> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/collab/${encodeURIComponent(name)}`, {
    headers: { cookie: `hub_session=user${i % 7}` },
  })
  const synced = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) resolve()
    })
    ws.once('error', reject)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.send(emptyStep1)
  ws.send(presence(1_000_000 + i, `u${i}`))
  if (i % 25 === 0) {
    const d = new Y.Doc()
    const updates: Uint8Array[] = []
    d.on('update', (u: Uint8Array) => updates.push(u))
    appendParagraph(d, `c${i}`)
    ws.send(updateMessage(updates[0]!))
    d.destroy()
  }
  await synced
  const closed = new Promise((r) => ws.once('close', r))
  ws.close()
  await closed
}

describe('no memory kept per closed connection', () => {
  it('10,000 open/close cycles leave no connections, presence, listeners or documents behind', async () => {
    const { collab } = s
    const names = Array.from({ length: 5 }, () => newDocName())
    // one long-lived real client keeps the first document open throughout
    const keeper = await connectClient(s.base, names[0]!, 'keeper')
    keeper.provider.awareness.setLocalStateField('user', { name: 'keeper' })
    const kept = collab.registry.get(names[0]!)!
    await waitFor(() => kept.awareness.getStates().size === 1)
    const listenersBefore = kept.listenerCount()

    const total = Number(process.env.CYCLES ?? 10_000)
    const batch = 25
    let heapAfterWarmup = 0
    const started = Date.now()
    for (let done = 0; done < total; done += batch) {
      await Promise.all(
        Array.from({ length: batch }, (_, j) => cycle(s.base, names[(done + j) % names.length]!, done + j)),
      )
      if (done + batch === 1000) {
        gc()
        heapAfterWarmup = process.memoryUsage().heapUsed
      }
    }
    const elapsed = Date.now() - started
    // a few hundred more with the stock y-websocket client
    for (let i = 0; i < 300; i += 8) {
      const clients = await Promise.all(
        Array.from({ length: 8 }, (_, j) => connectClient(s.base, names[(i + j) % names.length]!, `p${j}`)),
      )
      for (const c of clients) c.provider.awareness.setLocalStateField('user', { name: 'p' })
      await new Promise((r) => setTimeout(r, 5))
      for (const c of clients) c.close()
    }

    // structural counts: this is the real assertion
    await waitFor(() => collab.connectionCount() === 1 && collab.metrics.connections === 1, 5000)
    expect(kept.connections.size).toBe(1)
    await waitFor(() => kept.awareness.getStates().size === 1, 3000)
    expect(kept.awarenessOwners.size).toBe(1)
    // the server's own client id keeps its meta; every departed client's is forgotten
    await waitFor(() => kept.awareness.meta.size <= 2, 3000)
    expect(kept.listenerCount()).toBe(listenersBefore)
    expect(collab.metrics.connectionsTotal).toBeGreaterThanOrEqual(total + 300)
    expect(kept.awarenessOwners.get(keeper.doc.clientID)).toBeDefined()
    // the other documents were unloaded once idle
    await waitFor(() => collab.registry.size === 1, 5000)
    expect(collab.metrics.unloads).toBeGreaterThanOrEqual(4)

    keeper.close()
    await waitFor(() => collab.registry.size === 0 && collab.metrics.connections === 0, 5000)
    expect(collab.metrics.openDocuments).toBe(0)
    await collab.store.flush()
    expect(collab.store.tracked).toBe(0)

    // and the heap, generously: 10,000 connections kept would be tens of MB
    gc()
    const growth = process.memoryUsage().heapUsed - heapAfterWarmup
    console.info(
      `${total} cycles in ${elapsed} ms (${((total / elapsed) * 1000).toFixed(0)}/s); heap growth after warm-up ${(growth / 1e6).toFixed(1)} MB`,
    )
    expect(growth).toBeLessThan(20e6)
    // A generous bound: 10,000 cycles take minutes on a loaded 2-core machine; nothing here is timed.
  }, 600_000)
})
