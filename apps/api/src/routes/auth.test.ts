import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHub, type TestHub } from '../testing/harness'

let hub: TestHub
beforeAll(async () => {
  hub = await createTestHub()
})
afterAll(() => hub.close())

describe('auth', () => {
  it('logs in the four demo accounts with a hardened session cookie', async () => {
    for (const who of ['bithu', 'vanphong', 'tayho', 'kiemtra']) {
      const res = await hub.app.request('http://hub.test/api/auth/login', {
        method: 'POST',
        headers: { host: 'hub.test', origin: 'http://hub.test', 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@demo.local`, password: 'demo1234' }),
      })
      expect(res.status).toBe(200)
      const cookie = res.headers.get('set-cookie')!
      expect(cookie).toMatch(/^hub_session=[a-z2-7]+\.[a-z2-7]+;/)
      expect(cookie).toContain('HttpOnly')
      expect(cookie).toContain('SameSite=Lax')
      expect(cookie).toContain('Path=/')
      const me = await hub.request('GET', '/api/auth/me', { cookie: cookie.split(';')[0] })
      expect(me.json.user.email).toBe(`${who}@demo.local`)
    }
  })

  it('stores only a hash of the secret', async () => {
    const cookie = await hub.login('tayho@demo.local')
    const [id, secret] = cookie.split('=')[1]!.split('.')
    const [row] = await hub.dbh.db.select().from(schema.sessions).where(eq(schema.sessions.id, id!))
    expect(row).toBeTruthy()
    expect(Buffer.from(row!.secretHash).toString('utf8')).not.toContain(secret!)
    expect(row!.secretHash.length).toBe(32)
    // A forged secret for a real id is refused.
    expect(
      (await hub.request('GET', '/api/auth/me', { cookie: `hub_session=${id}.${'a'.repeat(secret!.length)}` })).status,
    ).toBe(401)
  })

  it('answers a wrong password with 401 and throttles an account after repeated failures (429)', async () => {
    const wrong = await hub.request('POST', '/api/auth/login', {
      body: { email: 'kiemtra@demo.local', password: 'nope' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.json.error.code).toBe('invalid_credentials')
    for (let i = 0; i < 4; i++)
      await hub.request('POST', '/api/auth/login', { body: { email: 'kiemtra@demo.local', password: 'nope' } })
    const blocked = await hub.request('POST', '/api/auth/login', {
      body: { email: 'kiemtra@demo.local', password: 'demo1234' },
    })
    expect(blocked.status).toBe(429)
    expect(blocked.json.error.code).toBe('too_many_attempts')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another account from elsewhere is not affected.
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          body: { email: 'vanphong@demo.local', password: 'demo1234' },
          headers: { 'x-forwarded-for': '10.9.9.9' },
        })
      ).status,
    ).toBe(200)
  })

  it('throttles an address that tries many accounts', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' }
    for (let i = 0; i < 30; i++)
      await hub.request('POST', '/api/auth/login', { headers, body: { email: `nobody${i}@demo.local`, password: 'x' } })
    const res = await hub.request('POST', '/api/auth/login', {
      headers,
      body: { email: 'bithu@demo.local', password: 'demo1234' },
    })
    expect(res.status).toBe(429)
  })

  it('logs out one session, and everywhere', async () => {
    const a = await hub.login('hoankiem@demo.local')
    const b = await hub.login('hoankiem@demo.local')
    expect((await hub.request('POST', '/api/auth/logout', { cookie: a })).status).toBe(200)
    expect((await hub.request('GET', '/api/auth/me', { cookie: a })).status).toBe(401)
    expect((await hub.request('GET', '/api/auth/me', { cookie: b })).status).toBe(200)
    const c = await hub.login('hoankiem@demo.local')
    expect((await hub.request('POST', '/api/auth/logout-all', { cookie: c })).status).toBe(200)
    expect((await hub.request('GET', '/api/auth/me', { cookie: b })).status).toBe(401)
    expect((await hub.request('GET', '/api/auth/me', { cookie: c })).status).toBe(401)
  })

  it('a password change ends the other sessions, keeps this one, and the new password works', async () => {
    const other = await hub.login('quangan@demo.local')
    const current = await hub.login('quangan@demo.local')
    const short = await hub.request('POST', '/api/auth/password', {
      cookie: current,
      body: { currentPassword: 'demo1234', newPassword: 'short' },
    })
    expect(short.status).toBe(400)
    const wrong = await hub.request('POST', '/api/auth/password', {
      cookie: current,
      body: { currentPassword: 'bad', newPassword: 'a-long-new-password' },
    })
    expect(wrong.status).toBe(401)
    const ok = await hub.request('POST', '/api/auth/password', {
      cookie: current,
      body: { currentPassword: 'demo1234', newPassword: 'a-long-new-password' },
    })
    expect(ok.status).toBe(200)
    expect((await hub.request('GET', '/api/auth/me', { cookie: other })).status).toBe(401)
    expect((await hub.request('GET', '/api/auth/me', { cookie: current })).status).toBe(200)
    await expect(hub.login('quangan@demo.local', 'a-long-new-password')).resolves.toContain('hub_session=')
  })
})

describe('client address', () => {
  it('ignores X-Forwarded-For unless the hub sits behind its own proxy, and then reads the entry the proxy appended', async () => {
    const direct = await createTestHub({ trustProxy: false })
    try {
      // Spoofed addresses do not help an attacker dodge the per-address limit when not behind a proxy.
      for (let i = 0; i < 30; i++)
        await direct.request('POST', '/api/auth/login', {
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          body: { email: `x${i}@demo.local`, password: 'x' },
        })
      expect(
        (
          await direct.request('POST', '/api/auth/login', {
            headers: { 'x-forwarded-for': '198.51.100.250' },
            body: { email: 'bithu@demo.local', password: 'demo1234' },
          })
        ).status,
      ).toBe(429)
    } finally {
      await direct.close()
    }
    // Behind the proxy, a client-sent first entry is not the address; the last one is.
    for (let i = 0; i < 30; i++)
      await hub.request('POST', '/api/auth/login', {
        headers: { 'x-forwarded-for': `1.2.3.${i}, 192.0.2.99` },
        body: { email: `y${i}@demo.local`, password: 'x' },
      })
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          headers: { 'x-forwarded-for': '1.2.3.200, 192.0.2.99' },
          body: { email: 'bithu@demo.local', password: 'demo1234' },
        })
      ).status,
    ).toBe(429)
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          headers: { 'x-forwarded-for': '192.0.2.100' },
          body: { email: 'bithu@demo.local', password: 'demo1234' },
        })
      ).status,
    ).toBe(200)
  })
})
