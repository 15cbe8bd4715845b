// Upgrade authentication and authorization with real sessions: 401, 403, 404 and read-only access.
import { createDb, type DbHandle } from '@hub/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { documentAccess } from './access'
import { sameOrigin, sessionAuthenticator } from './auth'
import { startCollab, type TestServer, tryUpgrade, waitFor, wsWithHeaders } from './testing/harness'
import { seedCollabFixture } from './testing/seed'
import { appendParagraph } from './testing/ydoc'

let dbh: DbHandle
let s: TestServer
let f: Awaited<ReturnType<typeof seedCollabFixture>>
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
  f = await seedCollabFixture(dbh.db)
  s = await startCollab({
    dbh,
    server: {
      authenticate: sessionAuthenticator(dbh.db),
      authorize: (user, docName) => documentAccess(dbh.db, f.tree, user, docName),
    },
  })
})
afterAll(async () => {
  await s?.close()
  await dbh?.close()
})

const path = (n: string) => `/collab/${encodeURIComponent(n)}`

describe('upgrade authenticated by the session cookie and decided by the document policy', () => {
  it('401 without a cookie or with a dead token; 403 without the right; 404 for no such record', async () => {
    expect(await tryUpgrade(s.base, path(`directive:${f.draft}`))).toBe(401)
    expect(await tryUpgrade(s.base, path(`directive:${f.draft}`), { cookie: 'hub_session=abc.def' })).toBe(401)
    expect(await tryUpgrade(s.base, path(`directive:${f.draft}`), { cookie: f.users.tayho.cookie })).toBe(403)
    expect(
      await tryUpgrade(s.base, path('directive:00000000-0000-0000-0000-000000000000'), {
        cookie: f.users.drafter.cookie,
      }),
    ).toBe(404)
    expect(await tryUpgrade(s.base, path(`directive:${f.draft}`), { cookie: f.users.drafter.cookie })).toBe(true)
  })

  it('a stock client with the cookie syncs; on an issued directive it is read-only', async () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${s.base.replace('http', 'ws')}/collab`, `directive:${f.issued}`, doc, {
      WebSocketPolyfill: wsWithHeaders({ cookie: f.users.tayho.cookie }) as unknown as typeof WebSocket,
      disableBc: true,
    })
    await waitFor(() => provider.synced)
    const dropped = s.collab.metrics.updatesDropped
    appendParagraph(doc, 'không được sửa')
    await waitFor(() => s.collab.metrics.updatesDropped > dropped)
    expect(s.collab.registry.get(`directive:${f.issued}`)!.doc.getXmlFragment('default').length).toBe(0)
    provider.destroy()
    doc.destroy()
  })
})

describe('sameOrigin', () => {
  it('compares with the public origin when configured, else with a loopback or IP Host header', () => {
    expect(sameOrigin()('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true)
    expect(sameOrigin()('http://localhost:3000', 'localhost:3000')).toBe(true)
    // A host name could be an attacker's, rebound to this machine (DNS rebinding): PUBLIC_URL is needed.
    expect(sameOrigin()('http://hub.local:3000', 'hub.local:3000')).toBe(false)
    expect(sameOrigin()('https://127.0.0.1:3000', '127.0.0.1:3000')).toBe(false)
    expect(sameOrigin()('http://evil.example', 'hub.local:3000')).toBe(false)
    expect(sameOrigin()('not a url', 'hub.local:3000')).toBe(false)
    expect(sameOrigin('https://hub.example.vn')('https://hub.example.vn', 'internal:3000')).toBe(true)
    expect(sameOrigin('https://hub.example.vn')('http://internal:3000', 'internal:3000')).toBe(false)
  })
})
