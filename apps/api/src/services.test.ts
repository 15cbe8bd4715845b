// SERVICES splits the hub across processes: `api` serves the HTTP API, live events and the scheduler;
// `collab` serves the document socket. Proves on real hubs (HTTP, socket.io, collab websocket) that each
// runs alone, and that a split document socket admits only sessions of the database it is given.

import { afterAll, describe, expect, it } from 'vitest'
import { api, liveSocket, loginCookie, startTestHub, upgradeStatus } from './testing/live-hub'
import { openDoc } from './testing/ydoc'

const hubs: Awaited<ReturnType<typeof startTestHub>>[] = []
afterAll(async () => {
  for (const h of hubs.reverse()) await h.close()
})

describe('SERVICES', () => {
  it('runs the API alone, without the document socket', async () => {
    const hub = await startTestHub({ services: ['api'] })
    hubs.push(hub)
    const cookie = await loginCookie(hub.base, 'vanphong@demo.local')
    const d = (await api(hub.base, cookie, 'POST', '/api/directives', { kind: 'CT', title: 'thử' })).json.directive
    expect(await upgradeStatus(hub.base, `/collab/${encodeURIComponent(d.docName)}`, { cookie })).toBe(404)
    const s = await liveSocket(hub.base, cookie)
    expect(s.connected).toBe(true)
    s.close()
    expect(hub.collab).toBeNull()
  })

  it('runs the document socket alone, without the API', async () => {
    const both = await startTestHub()
    hubs.push(both)
    const cookie = await loginCookie(both.base, 'vanphong@demo.local')
    const d = (await api(both.base, cookie, 'POST', '/api/directives', { kind: 'CT', title: 'thử' })).json.directive
    const collabOnly = await startTestHub({ services: ['collab'], dataDir: 'memory://' })
    hubs.push(collabOnly)
    expect((await fetch(`${collabOnly.base}/api/health`)).status).toBe(200)
    expect((await fetch(`${collabOnly.base}/api/tasks`)).status).toBe(404)
    expect(collabOnly.live).toBeNull()
    expect(collabOnly.scheduler).toBeNull()
    // Its own (separate, in-memory) database knows no session: refused. With the shared one it serves.
    expect(await upgradeStatus(collabOnly.base, `/collab/${encodeURIComponent(d.docName)}`, { cookie })).toBe(401)
    const doc = await openDoc(both.base, d.docName, cookie)
    expect(doc.text()).toContain('1. ...')
    doc.close()
  })
})
