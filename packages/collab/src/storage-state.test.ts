// The storage-state message with real y-websocket clients: while the database refuses writes, every
// editor of the document is told its edits are held in memory (and how many, since when); a client
// joining meanwhile is told at once; once the database is back the edits are written and all hear `saved`.
import { createDb, type Db, type DbHandle } from '@hub/db'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_STORAGE_STATE, type StorageState } from './protocol'
import { connectClient, newDocName, startCollab, type TestServer, waitFor, wsWithHeaders } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

/** A database whose transactions fail while it is down (as when PostgreSQL is stopped). */
function failingDb(db: Db) {
  let down = false
  const proxy = new Proxy(db, {
    get(target, prop, recv) {
      if (prop === 'transaction') {
        return (...args: Parameters<Db['transaction']>) =>
          down ? Promise.reject(new Error('connection refused')) : target.transaction(...args)
      }
      const v = Reflect.get(target, prop, recv)
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
  return {
    db: proxy,
    down: () => {
      down = true
    },
    up: () => {
      down = false
    },
  }
}

/** Records the storage-state messages a provider receives (registered as the web editor does). */
function listen(provider: WebsocketProvider): StorageState[] {
  const got: StorageState[] = []
  provider.messageHandlers[MESSAGE_STORAGE_STATE] = (_encoder, decoder) => {
    got.push(JSON.parse(new TextDecoder().decode(decoder.arr.subarray(decoder.pos))) as StorageState)
  }
  return got
}

let dbh: DbHandle
let fdb: ReturnType<typeof failingDb>
let s: TestServer
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
  fdb = failingDb(dbh.db)
  s = await startCollab({ dbh, server: { db: fdb.db, flushIntervalMs: 10 } })
})
afterAll(async () => {
  fdb?.up()
  await s?.close()
  await dbh?.close()
})

describe('storage state sent to editors', () => {
  it('tells every editor their edits are held while the database fails, then saved once written', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    const gotA = listen(a.provider)
    const gotB = listen(b.provider)
    const before = Date.now()

    fdb.down()
    appendParagraph(a.doc, 'giữ trong bộ nhớ 1')
    appendParagraph(a.doc, 'giữ trong bộ nhớ 2')
    await waitFor(() => gotA.length > 0 && gotB.length > 0)
    for (const got of [gotA, gotB]) {
      const first = got[0]!
      expect(first.state).toBe('pending')
      if (first.state !== 'pending') return
      expect(first.held).toBeGreaterThanOrEqual(1)
      expect(first.since).toBeGreaterThanOrEqual(before)
    }
    // nothing was written and, relay after durable, bob has not seen the edits
    expect((await s.collab.store.read(name))?.length ?? 0).toBe(0)
    expect(docText(b.doc)).not.toContain('giữ trong bộ nhớ')
    // more edits while down: the count told grows, the since-when stays
    appendParagraph(a.doc, 'giữ trong bộ nhớ 3')
    await waitFor(() => {
      const last = gotA[gotA.length - 1]
      return last?.state === 'pending' && last.held >= 2
    })
    const since = (gotA[0] as { since: number }).since
    expect(gotA.every((m) => m.state === 'pending' && m.since === since)).toBe(true)

    // a client joining meanwhile hears it at once, before it can sync
    const c = new Y.Doc()
    const carol = new WebsocketProvider(`${s.base.replace(/^http/, 'ws')}/collab`, name, c, {
      WebSocketPolyfill: wsWithHeaders({ cookie: 'hub_session=carol' }) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: false,
    })
    const gotC = listen(carol)
    carol.connect()
    await waitFor(() => gotC.length > 0)
    expect(gotC[0]).toMatchObject({ state: 'pending', since })
    expect(carol.synced).toBe(false)

    // the database returns: everything is written, everyone hears `saved` and sees the edits
    fdb.up()
    await waitFor(() => [gotA, gotB, gotC].every((g) => g[g.length - 1]?.state === 'saved'), 10_000)
    for (const text of ['giữ trong bộ nhớ 1', 'giữ trong bộ nhớ 2', 'giữ trong bộ nhớ 3']) {
      await waitFor(() => docText(b.doc).includes(text) && docText(c).includes(text))
    }
    const stored = new Y.Doc()
    for (const u of (await s.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
    expect(docText(stored)).toBe(docText(a.doc))
    expect(s.collab.store.storageState(name)).toEqual({ state: 'saved' })
    carol.destroy()
    c.destroy()
    a.close()
    b.close()
  })

  it('leaves a stock y-websocket client without a handler working (it logs the unknown type)', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      fdb.down()
      appendParagraph(a.doc, 'khách cũ')
      await waitFor(() => logged.mock.calls.some((c) => c[0] === 'Unable to compute message'))
      fdb.up()
      await waitFor(() => docText(b.doc).includes('khách cũ'), 10_000)
      expect(b.provider.wsconnected).toBe(true)
      appendParagraph(b.doc, 'vẫn sửa được')
      await waitFor(() => docText(a.doc).includes('vẫn sửa được'))
    } finally {
      logged.mockRestore()
      fdb.up()
    }
    a.close()
    b.close()
  })

  it('sends nothing while the database writes', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    const gotB = listen(b.provider)
    appendParagraph(a.doc, 'bình thường')
    await waitFor(() => docText(b.doc).includes('bình thường'))
    expect(gotB).toEqual([])
    a.close()
    b.close()
  })
})
