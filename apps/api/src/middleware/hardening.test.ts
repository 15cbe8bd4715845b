// The API's edge against hostile clients, on real hubs (in-process and on a loopback port with raw
// sockets): hostile input refused and nothing written, bounded bodies, no parameter values in logs, the
// origin rule, and keep-alive connections that stay sound after an answer given before the body was read.

import { connect } from 'node:net'
import { isOwnOrigin } from '@hub/auth'
import { schema } from '@hub/db'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loggableError } from '../log-safety'
import { useTestHub } from '../testing/harness'
import { startTestHub } from '../testing/live-hub'

const { hub, as } = useTestHub({ accounts: ['bithu'] })
let tayhoId: string
beforeAll(async () => {
  tayhoId = (await hub.request('GET', '/api/units?kind=district', { cookie: as.bithu })).json.units.find(
    (u: { name: string }) => u.name === 'Quận Tây Hồ',
  ).id
})

const taskCount = async () => (await hub.dbh.db.select({ n: sql<number>`count(*)::int` }).from(schema.tasks))[0]!.n

describe('hostile input is refused at the edge', () => {
  it('answers NUL and unpaired surrogates in any JSON string or key with 400 naming the field, and writes nothing', async () => {
    const before = await taskCount()
    for (const [body, field] of [
      [{ title: 'a\u0000b', leadUnitId: tayhoId }, 'title'],
      [{ title: 'ok', description: 'x\ud800y', leadUnitId: tayhoId }, 'description'],
      [{ title: 'ok', leadUnitId: tayhoId, supportUnitIds: ['\udc00'] }, 'supportUnitIds.0'],
      [{ title: 'ok', leadUnitId: tayhoId, 'k\u0000': 1 }, '(key)'],
    ] as const) {
      const res = await hub.request('POST', '/api/tasks', { cookie: as.bithu, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error.details.fields[0].path).toBe(field)
    }
    const login = await hub.request('POST', '/api/auth/login', {
      body: { email: 'bithu\u0000@demo.local', password: 'x' },
    })
    expect(login.status).toBe(400)
    expect(login.json.error.details.fields[0].path).toBe('email')
    expect(await taskCount()).toBe(before)
  })

  it('answers NUL in the query, bad percent-encoding in the path, deep nesting and malformed JSON with 400', async () => {
    const q = await hub.request('GET', '/api/tasks?q=%00', { cookie: as.bithu })
    expect(q.status).toBe(400)
    expect(q.json.error.details.fields[0].path).toBe('q')
    expect((await hub.request('GET', '/api/tasks/%E0%A4%A', { cookie: as.bithu })).status).toBe(400)
    expect((await hub.request('GET', '/api/documents/directive%3A%00', { cookie: as.bithu })).status).toBe(400)
    let deep: unknown = 'x'
    for (let i = 0; i < 200; i++) deep = { a: deep }
    const nested = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 't', leadUnitId: tayhoId, deep },
    })
    expect(nested.status).toBe(400)
    const broken = await hub.request('POST', '/api/tasks', { cookie: as.bithu, raw: '{"title": "x",' })
    expect(broken.status).toBe(400)
    expect(broken.json.error.code).toBe('malformed_json')
  })

  it('bounds every body, the attachment upload path too, before anything reads it', async () => {
    const path = `/api/models/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/attachments`
    const huge = `{"x":"${'a'.repeat(11 * 1024 * 1024)}"}`
    const res = await hub.request('POST', path, { raw: huge })
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('payload_too_large')
  })

  it('a forged session cookie with hostile bytes is simply no session', async () => {
    for (const cookie of ['hub_session=abc%00.def', 'hub_session=%F0%9F%98%80.x', `hub_session=${'a'.repeat(5000)}.b`])
      expect((await hub.request('GET', '/api/auth/me', { cookie })).status).toBe(401)
  })
})

describe('logs', () => {
  it('never carry the parameter values of a failed statement', async () => {
    const err = await hub.dbh.db.execute(sql`select ${'mat-khau-bi-mat'}::int`).catch((e: unknown) => e)
    expect(String((err as Error).message)).toContain('mat-khau-bi-mat')
    const logged = JSON.stringify(loggableError(err))
    expect(logged).not.toContain('mat-khau-bi-mat')
    expect(logged).toContain('Failed query')
  })
})

describe('origin rule', () => {
  it('compares the scheme, and without PUBLIC_URL refuses host names that DNS could rebind', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', null)).toBe(true)
    expect(isOwnOrigin('http://localhost:3000', 'localhost:3000', null)).toBe(true)
    expect(isOwnOrigin('https://127.0.0.1:3000', '127.0.0.1:3000', null)).toBe(false)
    expect(isOwnOrigin('http://evil.example:3000', 'evil.example:3000', null)).toBe(false)
    expect(isOwnOrigin('http://[::1]:3000', '[::1]:3000', null)).toBe(true)
    expect(isOwnOrigin('https://hub.hanoi.gov.vn', 'anything', 'https://hub.hanoi.gov.vn')).toBe(true)
    expect(isOwnOrigin('http://hub.hanoi.gov.vn', 'hub.hanoi.gov.vn', 'https://hub.hanoi.gov.vn')).toBe(false)
  })
})

/** Writes raw bytes to the hub and collects everything it answers until it closes the connection. */
function exchange(port: number, chunks: (string | Buffer)[], ms = 10_000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1')
    let text = ''
    const timer = setTimeout(() => {
      s.destroy()
      resolve({ text, closed: false })
    }, ms)
    s.on('data', (d) => {
      text += d.toString('latin1')
    })
    s.on('close', () => {
      clearTimeout(timer)
      resolve({ text, closed: true })
    })
    s.on('error', () => {})
    for (const c of chunks) s.write(c)
  })
}

describe('keep-alive with bodies the hub does not read', () => {
  let live: Awaited<ReturnType<typeof startTestHub>>
  let port: number
  beforeAll(async () => {
    live = await startTestHub()
    port = Number(new URL(live.base).port)
  })
  afterAll(() => live.close())

  const post = (length: number, extra = '') =>
    `POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${live.base}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: keep-alive\r\n${extra}\r\n`

  it('a 413 says Connection: close instead of promising a connection it then drops', async () => {
    const size = 3 * 1024 * 1024
    const r = await exchange(port, [post(size), Buffer.alloc(64 * 1024, 32)])
    expect(r.text).toMatch(/^HTTP\/1\.1 413/)
    expect(r.text.toLowerCase()).toContain('connection: close')
    expect(r.closed).toBe(true)
  })

  it('a 401 to a 1 MB anonymous body either says Connection: close or answers the next request on the connection', async () => {
    const size = 1024 * 1024
    const next = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`
    const r = await exchange(port, [post(size), Buffer.alloc(size, 32), next])
    expect(r.text).toMatch(/^HTTP\/1\.1 401/)
    const first = r.text.split(/\r\n\r\n/)[0]!.toLowerCase()
    if (!first.includes('connection: close')) expect(r.text).toMatch(/HTTP\/1\.1 200/)
    expect(r.closed).toBe(true)
  })

  it('small requests keep the connection alive and the next request on it is answered', async () => {
    const get = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`
    const last = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`
    const r = await exchange(port, [get, get, last])
    expect(r.text.match(/HTTP\/1\.1 200/g)).toHaveLength(3)
  })
})
