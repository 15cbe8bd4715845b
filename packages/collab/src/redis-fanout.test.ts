// Relay between processes through pub/sub (in memory and real Redis): convergence, presence, relay after
// durable.
import { createDb, type DbHandle } from '@hub/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from './logger'
import { createMetrics } from './metrics'
import { createMemoryPubSub, DocumentRelay } from './redis-fanout'
import type { GatedDb, TestServer } from './testing/harness'
import { connectClient, gatedDb, hasRedisServer, newDocName, startCollab, startRedis, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

/** Two collab servers ("processes") on one database, relayed through an in-memory stand-in for Redis. */
describe('relay between processes (in-memory pub/sub)', () => {
  let dbh: DbHandle
  let gate: GatedDb
  let one: TestServer
  let two: TestServer
  beforeAll(async () => {
    const hub = createMemoryPubSub()
    dbh = await createDb({ dataDir: 'memory://' })
    // process one writes through a database that the test can hold
    gate = gatedDb(dbh.db)
    one = await startCollab({
      dbh,
      server: {
        db: gate.db,
        remote: new DocumentRelay(hub.connect(), { processId: 'one', log: silentLogger, metrics: createMetrics() }),
      },
    })
    two = await startCollab({
      dbh,
      server: {
        remote: new DocumentRelay(hub.connect(), { processId: 'two', log: silentLogger, metrics: createMetrics() }),
      },
    })
  })
  afterAll(async () => {
    gate?.release()
    await two?.close()
    await one?.close()
    await dbh?.close()
  })

  it('clients on different processes converge and see each other', async () => {
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    const b = await connectClient(two.base, name, 'bob')
    appendParagraph(a.doc, 'từ tiến trình một')
    appendParagraph(b.doc, 'từ tiến trình hai')
    await waitFor(
      () => docText(a.doc) === docText(b.doc) && docText(a.doc).includes('hai') && docText(a.doc).includes('một'),
    )
    b.provider.awareness.setLocalStateField('user', { name: 'Bình' })
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bình')
    a.close()
    b.close()
  })

  it('a process opening a document another holds receives its edits once they are written, not before', async () => {
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    gate.hold()
    appendParagraph(a.doc, 'chưa ghi xuống đĩa')
    // process one's write of it has started and waits on the database
    await waitFor(() => gate.waiting > 0)
    const b = await connectClient(two.base, name, 'bob')
    // presence is relayed at once, and after the edit: once bob sees it, the edit had its chance
    a.provider.awareness.setLocalStateField('user', { name: 'An' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'An')
    expect(docText(b.doc)).not.toContain('chưa ghi xuống đĩa')
    gate.release()
    await waitFor(() => docText(b.doc).includes('chưa ghi xuống đĩa'))
    a.close()
    b.close()
  })
})

if (!hasRedisServer)
  console.warn('redis-fanout.test: redis-server is not installed; skipping the test against a real Redis')

describe.skipIf(!hasRedisServer)('relay between processes (real Redis)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(() => {
    redis?.stop()
  })

  it('converges across two servers through Redis', async () => {
    const dbh = await createDb({ dataDir: 'memory://' })
    const url = redis.url
    const one = await startCollab({ dbh, server: { redis: { url } } })
    const two = await startCollab({ dbh, server: { redis: { url } } })
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    const b = await connectClient(two.base, name, 'bob')
    appendParagraph(a.doc, 'qua Redis')
    await waitFor(() => docText(b.doc).includes('qua Redis'), 3000)
    a.close()
    b.close()
    await two.close()
    await one.close()
    await dbh.close()
  })
})
