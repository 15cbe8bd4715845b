import { execFileSync, spawn } from 'node:child_process'
import { createDb } from '@hub/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from './logger'
import { createMetrics } from './metrics'
import { createMemoryPubSub, DocumentRelay } from './redis-fanout'
import { connectClient, newDocName, startCollab, type TestServer, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

/** Two collab servers ("processes") on one database, relayed through an in-memory stand-in for Redis. */
describe('relay between processes (in-memory pub/sub)', () => {
  let one: TestServer
  let two: TestServer
  beforeAll(async () => {
    const hub = createMemoryPubSub()
    one = await startCollab({
      server: {
        remote: new DocumentRelay(hub.connect(), { processId: 'one', log: silentLogger, metrics: createMetrics() }),
      },
    })
    two = await startCollab({
      dbh: one.dbh,
      server: {
        remote: new DocumentRelay(hub.connect(), { processId: 'two', log: silentLogger, metrics: createMetrics() }),
      },
    })
  })
  afterAll(async () => {
    await two?.close()
    await one?.close()
  })

  it('clients on different processes converge and see each other', async () => {
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    const b = await connectClient(two.base, name, 'bob')
    appendParagraph(a.doc, 'từ tiến trình một')
    appendParagraph(b.doc, 'từ tiến trình hai')
    expect(
      await waitFor(
        () => docText(a.doc) === docText(b.doc) && docText(a.doc).includes('hai') && docText(a.doc).includes('một'),
      ),
    ).toBe(true)
    b.provider.awareness.setLocalStateField('user', { name: 'Bình' })
    expect(await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bình')).toBe(true)
    // each update is stored once, by the process that received it
    await one.collab.persistence.flush()
    await two.collab.persistence.flush()
    a.close()
    b.close()
  })

  it('a process opening a document another holds catches up with what is not yet written', async () => {
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    // hold back process one's writes so the database lags behind
    const flush = one.collab.persistence.flush.bind(one.collab.persistence)
    one.collab.persistence.flush = async () => {}
    const append = one.collab.persistence.append.bind(one.collab.persistence)
    const held: [string, Uint8Array][] = []
    one.collab.persistence.append = (n, u) => {
      held.push([n, u])
    }
    appendParagraph(a.doc, 'chưa ghi xuống đĩa')
    await waitFor(() => held.length > 0)
    const b = await connectClient(two.base, name, 'bob')
    expect(await waitFor(() => docText(b.doc).includes('chưa ghi xuống đĩa'), 3000)).toBe(true)
    one.collab.persistence.flush = flush
    one.collab.persistence.append = append
    for (const [n, u] of held) append(n, u)
    a.close()
    b.close()
  })
})

function redisAvailable(): boolean {
  try {
    execFileSync('which', ['redis-server'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const hasRedis = redisAvailable()
if (!hasRedis) console.warn('redis-fanout.test: redis-server is not installed; skipping the test against a real Redis')

describe.skipIf(!hasRedis)('relay between processes (real Redis)', () => {
  const port = 6390 + Math.floor(Math.random() * 100)
  let redis: ReturnType<typeof spawn>
  beforeAll(async () => {
    redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    await new Promise((r) => setTimeout(r, 300))
  })
  afterAll(() => {
    redis?.kill()
  })

  it('converges across two servers through Redis', async () => {
    const dbh = await createDb({ dataDir: 'memory://' })
    const url = `redis://127.0.0.1:${port}`
    const one = await startCollab({ dbh, server: { redis: { url } } })
    const two = await startCollab({ dbh, server: { redis: { url } } })
    const name = newDocName()
    const a = await connectClient(one.base, name, 'alice')
    const b = await connectClient(two.base, name, 'bob')
    appendParagraph(a.doc, 'qua Redis')
    expect(await waitFor(() => docText(b.doc).includes('qua Redis'), 3000)).toBe(true)
    a.close()
    b.close()
    await two.close()
    await one.close()
    await dbh.close()
  })
})
