// Issuing a text in a cluster: two collab servers on one database relayed through a real Redis. A
// freeze asked on one process reaches the editors of the other: what they had written is in the
// snapshot, their later writes are refused, and a freeze that is not confirmed fails and thaws all.
import { createDb, type DbHandle } from '@hub/db'
import { plainTextOf } from '@hub/documents'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from './limits'
import { FreezeNotConfirmedError } from './redis-fanout'
import { createRemoteDocuments } from './remote-documents'
import type { GatedDb, TestServer } from './testing/harness'
import { connectClient, gatedDb, hasRedisServer, newDocName, startCollab, startRedis, waitFor } from './testing/harness'
import { appendParagraph } from './testing/ydoc'

if (!hasRedisServer) console.warn('cluster-freeze.test: redis-server is not installed; skipping')

/** The typed lines of a document ("dòng N" paragraphs). */
const typed = (doc: Y.Doc) =>
  plainTextOf(doc.getXmlFragment('default'))
    .split('\n')
    .filter((l) => l.startsWith('dòng '))
const textOfState = (state: Uint8Array) => {
  const d = new Y.Doc()
  Y.applyUpdate(d, state)
  const t = typed(d)
  d.destroy()
  return t
}

describe.skipIf(!hasRedisServer)('freezing a document across processes (real Redis)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let dbh: DbHandle
  /** Process two writes through a database the test can hold. */
  let gate: GatedDb
  let one: TestServer
  let two: TestServer
  beforeAll(async () => {
    redis = await startRedis()
    const url = redis.url
    dbh = await createDb({ dataDir: 'memory://' })
    gate = gatedDb(dbh.db)
    one = await startCollab({ dbh, server: { redis: { url } } })
    two = await startCollab({ dbh, server: { db: gate.db, redis: { url } } })
  })
  afterAll(async () => {
    gate?.release()
    await two?.close()
    await one?.close()
    await dbh?.close()
    redis?.stop()
  })

  it('an editor on the other process types up to the freeze: the snapshot holds all it had, later writes are refused', async () => {
    const name = newDocName()
    const typist = await connectClient(two.base, name, 'alice')
    const watcher = await connectClient(two.base, name, 'bob')
    const reader = await connectClient(one.base, name, 'carol')
    let i = 0
    const typing = setInterval(() => appendParagraph(typist.doc, `dòng ${i++}`), 5)
    let closedWith: number | null = null
    try {
      await waitFor(() => typed(watcher.doc).length >= 40, 10_000)
      const seen = typed(watcher.doc)
      // The issue, on process one, while the typist on process two keeps typing.
      const snap = await one.collab.store.snapshot(name, { freeze: true })
      const atTwo = typed(two.collab.registry.get(name)!.doc)
      const frozenAt = textOfState(snap.state!)
      // Every edit process two had accepted is in the snapshot, and nothing else was typed anywhere.
      expect(frozenAt).toEqual(atTwo)
      expect(frozenAt).toEqual(expect.arrayContaining(seen))
      // The typist goes on; process two refuses it, and nothing lands after the freeze.
      const dropped = two.collab.metrics.updatesDropped
      const typedThen = i
      await waitFor(() => i >= typedThen + 20 && two.collab.metrics.updatesDropped >= dropped + 10, 10_000)
      expect(typed(two.collab.registry.get(name)!.doc)).toEqual(frozenAt)
      const stored = new Y.Doc()
      for (const u of (await one.collab.store.read(name)) ?? []) Y.applyUpdate(stored, u)
      expect(typed(stored)).toEqual(frozenAt)
      stored.destroy()
      // The issue commits and the editors are judged again: the typist on process two is closed too.
      typist.provider.once('connection-close', (e: { code: number } | null) => {
        closedWith = e?.code ?? 0
      })
      one.collab.reauthorize(name)
      await waitFor(() => closedWith !== null && !two.collab.store.isFrozen(name), 5000)
      expect(closedWith).toBe(CloseCode.accessChanged)
      expect(one.collab.store.isFrozen(name)).toBe(false)
    } finally {
      clearInterval(typing)
      for (const c of [typist, watcher, reader]) c.close()
    }
  })

  it('a process that cannot write what it accepted fails the freeze, and every process takes edits again', async () => {
    const name = newDocName()
    const typist = await connectClient(two.base, name, 'alice')
    const reader = await connectClient(one.base, name, 'carol')
    try {
      appendParagraph(typist.doc, 'dòng trước')
      await waitFor(() => typed(reader.doc).includes('dòng trước'))
      gate.hold()
      appendParagraph(typist.doc, 'dòng chưa ghi')
      await waitFor(() => gate.waiting > 0)
      const failure = await one.collab.store.snapshot(name, { freeze: true, timeoutMs: 1500 }).catch((e) => e)
      expect(failure).toBeInstanceOf(FreezeNotConfirmedError)
      expect(failure.code).toBe('ETIMEDOUT')
      await waitFor(() => !two.collab.store.isFrozen(name) && !one.collab.store.isFrozen(name))
      gate.release()
      appendParagraph(typist.doc, 'dòng sau khi thôi')
      await waitFor(() => typed(reader.doc).includes('dòng sau khi thôi'), 5000)
      expect(typed(reader.doc)).toContain('dòng chưa ghi')
    } finally {
      gate.release()
      typist.close()
      reader.close()
    }
  })

  it('a process opening the document while it is frozen refuses its editors too', async () => {
    const name = newDocName()
    const reader = await connectClient(one.base, name, 'carol')
    appendParagraph(reader.doc, 'dòng 0')
    await waitFor(() => typed(one.collab.registry.get(name)!.doc).length === 1)
    const snap = await one.collab.store.snapshot(name, { freeze: true })
    const late = await connectClient(two.base, name, 'dave')
    try {
      expect(two.collab.store.isFrozen(name)).toBe(true)
      const dropped = two.collab.metrics.updatesDropped
      appendParagraph(late.doc, 'dòng 1')
      await waitFor(() => two.collab.metrics.updatesDropped > dropped)
      expect(typed(two.collab.registry.get(name)!.doc)).toEqual(['dòng 0'])
      // The issue is refused: the freeze ends everywhere, and the editors are reconnected, so that
      // the edit refused meanwhile is taken now.
      snap.thaw()
      await waitFor(() => !two.collab.store.isFrozen(name))
      appendParagraph(late.doc, 'dòng 2')
      await waitFor(() => typed(reader.doc).includes('dòng 2'))
      expect(typed(reader.doc)).toEqual(['dòng 0', 'dòng 1', 'dòng 2'])
    } finally {
      late.close()
      reader.close()
    }
  })

  it('an API-only process (no collab) freezes the collab processes, then has their editors reconnected', async () => {
    const api = createRemoteDocuments({ db: dbh.db, redisUrl: redis.url })
    const name = newDocName()
    const typist = await connectClient(two.base, name, 'alice')
    let i = 0
    const typing = setInterval(() => appendParagraph(typist.doc, `dòng ${i++}`), 5)
    let closedWith: number | null = null
    try {
      await waitFor(() => typed(typist.doc).length >= 20, 10_000)
      const snap = await api.store.snapshot(name, { freeze: true })
      const frozenAt = textOfState(snap.state!)
      expect(frozenAt).toEqual(typed(two.collab.registry.get(name)!.doc))
      const typedThen = i
      await waitFor(() => i >= typedThen + 20, 10_000)
      expect(typed(two.collab.registry.get(name)!.doc)).toEqual(frozenAt)
      typist.provider.once('connection-close', (e: { code: number } | null) => {
        closedWith = e?.code ?? 0
      })
      api.reauthorize(name)
      await waitFor(() => closedWith !== null && !two.collab.store.isFrozen(name), 5000)
      expect(closedWith).toBe(CloseCode.accessChanged)
    } finally {
      clearInterval(typing)
      typist.close()
      await api.close()
    }
  })
})
