// The collab server end to end with stock y-websocket clients: sync, merge per tick, origin rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, newDocName, startCollab, type TestServer, tryUpgrade, waitFor } from './testing/harness'
import { appendParagraph, docText } from './testing/ydoc'

let s: TestServer
const missing = newDocName()
beforeAll(async () => {
  s = await startCollab({ access: { outsider: 'none', reader: 'read' }, missing: new Set([missing]) })
})
afterAll(async () => {
  await s?.close()
})

describe('collab server: the y-websocket protocol', () => {
  it('two stock clients converge, also after 300 interleaved edits', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    appendParagraph(a.doc, 'Về tăng cường kiểm tra')
    await waitFor(() => docText(b.doc).includes('Về tăng cường kiểm tra'), 3000)
    for (let i = 0; i < 150; i++) {
      appendParagraph(a.doc, `a${i}`)
      appendParagraph(b.doc, `b${i}`)
    }
    await waitFor(
      () => docText(a.doc) === docText(b.doc) && docText(a.doc).includes('b149') && docText(b.doc).includes('a149'),
      8000,
    )
    // the server's copy is the same document
    await waitFor(() => docText(s.collab.registry.get(name)!.doc) === docText(a.doc))
    // merged per tick: far fewer messages went out than updates came in, times the one other reader
    expect(s.collab.metrics.updatesOut).toBeLessThan(s.collab.metrics.updatesIn * 2)
    a.close()
    b.close()
  })

  it('relays presence (awareness) between clients and removes it when a client leaves', async () => {
    const name = newDocName()
    const a = await connectClient(s.base, name, 'alice')
    const b = await connectClient(s.base, name, 'bob')
    a.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#f00' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Alice')
    const aId = a.doc.clientID
    a.close()
    await waitFor(() => !b.provider.awareness.getStates().has(aId))
    expect(s.collab.registry.get(name)!.awareness.getStates().has(aId)).toBe(false)
    b.close()
  })
})

describe('collab server: who may open a document', () => {
  const path = (n: string) => `/collab/${encodeURIComponent(n)}`

  it('refuses an upgrade without a session with 401', async () => {
    expect(await tryUpgrade(s.base, path(newDocName()))).toBe(401)
  })

  it('refuses a user without access with 403 and a missing document with 404', async () => {
    expect(await tryUpgrade(s.base, path(newDocName()), { cookie: 'hub_session=outsider' })).toBe(403)
    expect(await tryUpgrade(s.base, path(missing), { cookie: 'hub_session=alice' })).toBe(404)
  })

  it('refuses a bad document name with 400', async () => {
    expect(await tryUpgrade(s.base, '/collab/directive:42', { cookie: 'hub_session=alice' })).toBe(400)
    expect(
      await tryUpgrade(s.base, '/collab/task:00000000-0000-0000-0000-000000000000', { cookie: 'hub_session=alice' }),
    ).toBe(400)
  })

  it('refuses a cross-site Origin with 403 (websocket hijacking), accepts its own or none', async () => {
    const host = new URL(s.base).host
    const name = path(newDocName())
    expect(await tryUpgrade(s.base, name, { cookie: 'hub_session=alice', origin: 'https://evil.example' })).toBe(403)
    expect(await tryUpgrade(s.base, name, { cookie: 'hub_session=alice', origin: `http://${host}` })).toBe(true)
    expect(await tryUpgrade(s.base, name, { cookie: 'hub_session=alice' })).toBe(true)
    expect(s.collab.metrics.refused['403']).toBeGreaterThanOrEqual(1)
  })

  it('accepts the plain (unencoded) name the y-websocket client sends, and tells its paths from others', async () => {
    expect(await tryUpgrade(s.base, `/collab/${newDocName()}`, { cookie: 'hub_session=alice' })).toBe(true)
    expect(s.collab.path).toBe('/collab/')
    expect(s.collab.handles({ url: '/collab/x' } as never)).toBe(true)
    expect(s.collab.handles({ url: '/socket.io/?EIO=4&transport=websocket' } as never)).toBe(false)
  })
})
