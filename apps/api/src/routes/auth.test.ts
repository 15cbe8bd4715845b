// Signing in and out on a real in-process hub (PGlite): hardened session cookies holding only a hashed
// secret, login throttling that stops guessers without locking the owner out, logout here and
// everywhere, a password change ending the other sessions, and the client address behind a proxy.

import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestHub, useTestHub } from '../testing/harness'

const { hub } = useTestHub({ accounts: [] })

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

  it('lets a typo pass, then after repeated failures makes the same account and address wait (429 with Retry-After)', async () => {
    const headers = { 'x-forwarded-for': '198.18.0.1' }
    const wrong = await hub.request('POST', '/api/auth/login', {
      headers,
      body: { email: 'kiemtra@demo.local', password: 'nope' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.json.error.code).toBe('invalid_credentials')
    // A typo, then the right password at once: in.
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          headers,
          body: { email: 'kiemtra@demo.local', password: 'demo1234' },
        })
      ).status,
    ).toBe(200)
    for (let i = 0; i < 4; i++)
      expect(
        (
          await hub.request('POST', '/api/auth/login', {
            headers,
            body: { email: 'kiemtra@demo.local', password: 'nope' },
          })
        ).status,
      ).toBe(401)
    const blocked = await hub.request('POST', '/api/auth/login', {
      headers,
      body: { email: 'kiemtra@demo.local', password: 'demo1234' },
    })
    expect(blocked.status).toBe(429)
    expect(blocked.json.error.code).toBe('too_many_attempts')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // The owner at another address is not affected.
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          body: { email: 'kiemtra@demo.local', password: 'demo1234' },
          headers: { 'x-forwarded-for': '10.9.9.9' },
        })
      ).status,
    ).toBe(200)
  })

  it('counts parallel wrong passwords atomically: of 100 sent at once, at most 4 are checked', async () => {
    const headers = { 'x-forwarded-for': '198.18.0.2' }
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        hub.request('POST', '/api/auth/login', { headers, body: { email: 'vanphong@demo.local', password: 'wrong' } }),
      ),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(96)
  })

  it('cannot be used to lock the owner out: failures from many addresses stop strangers, not his known browser', async () => {
    // The owner logs in once from his office and keeps the known-device cookie.
    const first = await hub.app.request('http://hub.test/api/auth/login', {
      method: 'POST',
      headers: {
        host: 'hub.test',
        origin: 'http://hub.test',
        'content-type': 'application/json',
        'x-forwarded-for': '192.0.2.10',
      },
      body: JSON.stringify({ email: 'hoankiem@demo.local', password: 'demo1234' }),
    })
    expect(first.status).toBe(200)
    const device = first.headers
      .getSetCookie()
      .find((c) => c.startsWith('hub_device='))!
      .split(';')[0]!
    expect(device).toMatch(/^hub_device=[a-z2-7]+\.[a-z2-7]+$/)
    // An attacker sends 60 wrong passwords for his account from 60 addresses.
    for (let i = 0; i < 60; i++)
      await hub.request('POST', '/api/auth/login', {
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        body: { email: 'hoankiem@demo.local', password: `guess-${i}` },
      })
    // A stranger's browser, even with the right password, now waits…
    const stranger = await hub.request('POST', '/api/auth/login', {
      headers: { 'x-forwarded-for': '198.18.0.3' },
      body: { email: 'hoankiem@demo.local', password: 'demo1234' },
    })
    expect(stranger.status).toBe(429)
    // …but the owner's known browser logs in at once.
    const owner = await hub.request('POST', '/api/auth/login', {
      cookie: device,
      headers: { 'x-forwarded-for': '192.0.2.10' },
      body: { email: 'hoankiem@demo.local', password: 'demo1234' },
    })
    expect(owner.status).toBe(200)
    // A device cookie of another account does not help.
    const other = await hub.request('POST', '/api/auth/login', {
      cookie: device,
      headers: { 'x-forwarded-for': '198.18.0.4' },
      body: { email: 'quangan@demo.local', password: 'x' },
    })
    expect(other.status).toBe(401)
    // An administrator unlocks the account for new browsers (audited); others may not.
    const bithu = await hub.login('bithu@demo.local')
    expect(
      (await hub.request('POST', '/api/auth/unlock', { cookie: bithu, body: { email: 'hoankiem@demo.local' } })).status,
    ).toBe(403)
    const admin = await hub.login('quantri@demo.local')
    const unlock = await hub.request('POST', '/api/auth/unlock', {
      cookie: admin,
      body: { email: 'hoankiem@demo.local' },
    })
    expect(unlock.status).toBe(200)
    const [audit] = await hub.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'user.unlock'))
    expect(audit?.after).toEqual({ email: 'hoankiem@demo.local' })
    expect(
      (
        await hub.request('POST', '/api/auth/login', {
          headers: { 'x-forwarded-for': '198.18.0.3' },
          body: { email: 'hoankiem@demo.local', password: 'demo1234' },
        })
      ).status,
    ).toBe(200)
  })

  it('throttles an address that tries many accounts, except for browsers known to the account', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.200' }
    const known = await hub.app.request('http://hub.test/api/auth/login', {
      method: 'POST',
      headers: { host: 'hub.test', origin: 'http://hub.test', 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'tayho@demo.local', password: 'demo1234' }),
    })
    const device = known.headers
      .getSetCookie()
      .find((c) => c.startsWith('hub_device='))!
      .split(';')[0]!
    for (let i = 0; i < 100; i++)
      await hub.request('POST', '/api/auth/login', { headers, body: { email: `nobody${i}@demo.local`, password: 'x' } })
    const res = await hub.request('POST', '/api/auth/login', {
      headers,
      body: { email: 'bithu@demo.local', password: 'demo1234' },
    })
    expect(res.status).toBe(429)
    // A colleague behind the same office NAT whose browser is known still gets in.
    const colleague = await hub.request('POST', '/api/auth/login', {
      headers,
      cookie: device,
      body: { email: 'tayho@demo.local', password: 'demo1234' },
    })
    expect(colleague.status).toBe(200)
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
    const change = async (currentPassword: string, newPassword: string) =>
      (await hub.request('POST', '/api/auth/password', { cookie: current, body: { currentPassword, newPassword } }))
        .status
    expect(await change('demo1234', 'short')).toBe(400)
    expect(await change('bad', 'a-long-new-password')).toBe(401)
    expect(await change('demo1234', 'a-long-new-password')).toBe(200)
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
      for (let i = 0; i < 100; i++)
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
    for (let i = 0; i < 100; i++)
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
