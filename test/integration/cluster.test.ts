// The scale-out deployment for real: PostgreSQL, Redis, nginx and two hub processes started by the project's
// own cluster script, as an operator would. Proved through it: health and metrics per process, live events
// and collab across processes, one scheduler, no seeding, and the proxy surviving kill -9 of a process.

import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDoc, until } from '../../apps/api/src/testing/ydoc'

const root = resolve(import.meta.dirname, '..', '..')
const metricsToken = 'cluster-metrics-token-0123456789'
const cluster = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'infra/cluster.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SCHEDULER_INTERVAL_MS: '1500', METRICS_TOKEN: metricsToken },
    timeout: 600_000,
  })
let ep: { proxy: string; processes: { url: string; pid: number }[]; databaseUrl: string; redisUrl: string }

async function login(base: string, email: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  })
  expect(r.status).toBe(200)
  return r.headers.getSetCookie()[0]!.split(';')[0]!
}
async function call(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(base + path, {
    method,
    headers: { cookie, origin: base, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: r.status, json: (await r.json()) as any }
}

beforeAll(() => {
  cluster('up', '2')
  ep = JSON.parse(readFileSync(resolve(root, 'infra/.cluster/endpoints.json'), 'utf8'))
}, 600_000)
afterAll(() => {
  cluster('down')
}, 120_000)

describe('a cluster of two processes on PostgreSQL and Redis behind nginx', () => {
  it('answers health through the proxy and on each process, naming PostgreSQL and Redis', async () => {
    for (const url of [ep.proxy, ...ep.processes.map((p) => p.url)]) {
      const h = await (await fetch(`${url}/api/health`)).json()
      expect(h).toMatchObject({ status: 'ok', checks: { database: 'ok', databaseEngine: 'postgresql', redis: 'ok' } })
    }
  })

  it('is ready behind the proxy; Prometheus scrapes each process, never the proxy', async () => {
    const ready = await (await fetch(`${ep.proxy}/api/ready`)).json()
    expect(ready).toEqual({
      status: 'ready',
      checks: expect.objectContaining({ database: 'ok', redis: 'ok', migrations: 'ok' }),
    })
    expect((await fetch(`${ep.proxy}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(
      404,
    )
    const value = (text: string, name: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
        .map((l) => Number(l.split(' ').pop()))
    const scrape = async (url: string) => {
      const r = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
      expect(r.status).toBe(200)
      return r.text()
    }
    // The scheduler leads on exactly one process (a lease in the database), and says so.
    expect(
      await until(async () => {
        const leaders = await Promise.all(
          ep.processes.map(async (p) => value(await scrape(p.url), 'hub_scheduler_leader')[0]),
        )
        return leaders.filter((l) => l === 1).length === 1 && leaders.every((l) => l === 0 || l === 1)
      }, 10_000),
    ).toBe(true)
    for (const p of ep.processes) {
      const text = await scrape(p.url)
      // PostgreSQL: the pool's connections by state.
      expect(text).toMatch(/^hub_db_pool_connections\{state="total"\} [1-9]/m)
      expect(text).toMatch(/^hub_db_pool_connections\{state="waiting"\} 0$/m)
      expect(value(text, 'hub_outbox_backlog')[0]).toBeGreaterThanOrEqual(0)
    }
  })

  it('carries a task created on one process to a socket on the other', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const bithu = await login(ep.proxy, 'bithu@demo.local')
    const tayho = await login(ep.proxy, 'tayho@demo.local')
    const tayhoId = (await call(p1, tayho, 'GET', '/api/units?kind=district')).json.units.find(
      (u: any) => u.name === 'Quận Tây Hồ',
    ).id
    const s = io(p1, { transports: ['websocket'], extraHeaders: { cookie: tayho }, reconnection: false })
    await new Promise<void>((r) => s.once('connect', () => r()))
    expect(await s.timeout(5000).emitWithAck('subscribe', `unit:${tayhoId}`)).toEqual({ ok: true })
    const title = `Liên tiến trình ${Date.now()}`
    const got = new Promise((r) => {
      s.on('task:created', (p: any) => p.task.title === title && r(p.task))
      setTimeout(() => r(null), 8000)
    })
    expect((await call(p0, bithu, 'POST', '/api/tasks', { title, leadUnitId: tayhoId })).status).toBe(201)
    expect(await got).toMatchObject({ title, leadUnitId: tayhoId })
    s.close()
  })

  it('a board answer kept by one process changes at the next request once the other process writes', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const tayho = await login(ep.proxy, 'tayho@demo.local')
    const tayhoId = (await call(p1, tayho, 'GET', '/api/units?kind=district')).json.units.find(
      (u: any) => u.name === 'Quận Tây Hồ',
    ).id
    const board = `/api/tasks?unitId=${tayhoId}&includeSubunits=true&limit=200`
    const before = (await call(p1, tayho, 'GET', board)).json
    expect((await call(p1, tayho, 'GET', board)).json).toEqual(before) // kept, and the same
    // Written on the other process: the very next answer here has it (no waiting, no retry).
    const title = `Bảng giao ban liên tiến trình ${Date.now()}`
    const created = await call(p0, tayho, 'POST', '/api/tasks', { title, leadUnitId: tayhoId })
    expect(created.status).toBe(201)
    const after = (await call(p1, tayho, 'GET', board)).json
    expect(after.total).toBe(before.total + 1)
    expect(after.tasks.map((t: any) => t.title)).toContain(title)
    const patched = await call(p0, tayho, 'PATCH', `/api/tasks/${created.json.task.id}`, {
      version: created.json.task.version,
      progress: 37,
    })
    expect(patched.status).toBe(200)
    const again = (await call(p1, tayho, 'GET', board)).json
    expect(again.tasks.find((t: any) => t.id === created.json.task.id).progress).toBe(37)
    // Many writers on both processes at once: the shared clock's row never deadlocks them.
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 ? p1 : p0, tayho, 'POST', '/api/tasks', { title: `${title} ${i}`, leadUnitId: tayhoId }),
      ),
    )
    expect(made.map((w) => w.status)).toEqual(made.map(() => 201))
    const ids = made.map((m) => m.json.task as { id: string; version: number })
    const writes = await Promise.all(
      ids.map((t, i) =>
        call(i % 2 ? p0 : p1, tayho, 'PATCH', `/api/tasks/${t.id}`, { version: t.version, progress: 10 + i }),
      ),
    )
    expect(writes.map((w) => w.status)).toEqual(ids.map(() => 200))
    const last = (await call(p1, tayho, 'GET', board)).json
    expect(last.total).toBe(before.total + 21)
    for (const [i, t] of ids.entries()) expect(last.tasks.find((x: any) => x.id === t.id).progress).toBe(10 + i)
  })

  it('a logout on one process ends the session on the other at the next request', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const cookie = await login(ep.proxy, 'tayho@demo.local')
    expect((await call(p1, cookie, 'GET', '/api/auth/me')).status).toBe(200)
    expect((await call(p1, cookie, 'GET', '/api/auth/me')).status).toBe(200) // believed from memory now
    expect((await call(p0, cookie, 'POST', '/api/auth/logout')).status).toBe(200)
    expect((await call(p1, cookie, 'GET', '/api/auth/me')).status).toBe(401)
  })

  it('marks an overdue task and notifies once although both processes run a scheduler', async () => {
    const bithu = await login(ep.proxy, 'bithu@demo.local')
    const me = (await call(ep.proxy, bithu, 'GET', '/api/auth/me')).json.user
    const hk = (await call(ep.proxy, bithu, 'GET', '/api/units?kind=district')).json.units.find(
      (u: any) => u.name === 'Quận Hoàn Kiếm',
    ).id
    const task = (
      await call(ep.proxy, bithu, 'POST', '/api/tasks', {
        title: 'Quá hạn trong cụm',
        leadUnitId: hk,
        accountableUserId: me.id,
        dueAt: '2021-08-01',
      })
    ).json.task
    const db = new pg.Client({ connectionString: ep.databaseUrl })
    await db.connect()
    try {
      let marked = 0
      for (let i = 0; i < 60 && !marked; i++) {
        await new Promise((r) => setTimeout(r, 250))
        marked = (
          await db.query(`select count(*)::int n from tasks where id = $1 and overdue_marked_at is not null`, [task.id])
        ).rows[0].n
      }
      expect(marked).toBe(1)
      // Several more ticks on both processes: still one event.
      await new Promise((r) => setTimeout(r, 4000))
      const events = await db.query(
        `select count(*)::int n from domain_events where type = 'task.overdue' and payload->'task'->>'id' = $1`,
        [task.id],
      )
      expect(events.rows[0].n).toBe(1)
      const leases = await db.query(`select count(*)::int n from leases where name = 'scheduler'`)
      expect(leases.rows[0].n).toBe(1)
    } finally {
      await db.end()
    }
  })

  it('never seeds a PostgreSQL database by itself', async () => {
    const admin = new pg.Client({ connectionString: ep.databaseUrl })
    await admin.connect()
    await admin.query('create database empty_hub')
    await admin.end()
    const url = ep.databaseUrl.replace(/\/hub$/, '/empty_hub')
    const port = 20000 + Math.floor(Math.random() * 20000)
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    })
    try {
      const base = `http://127.0.0.1:${port}`
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) break
        } catch {}
        await new Promise((r) => setTimeout(r, 200))
      }
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bithu@demo.local', password: 'demo1234' }),
      })
      expect(r.status).toBe(401)
      const db = new pg.Client({ connectionString: url })
      await db.connect()
      expect((await db.query('select count(*)::int n from units')).rows[0].n).toBe(0)
      expect((await db.query('select count(*)::int n from users')).rows[0].n).toBe(0)
      await db.end()
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('splits services: a collab-only process and an API process edit one document together', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000)
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: ep.databaseUrl,
        REDIS_URL: ep.redisUrl,
        SERVICES: 'collab',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    })
    try {
      const collabBase = `http://127.0.0.1:${port}`
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`${collabBase}/api/health`)).ok) break
        } catch {}
        await new Promise((r) => setTimeout(r, 200))
      }
      expect((await fetch(`${collabBase}/api/tasks`)).status).toBe(404)
      const cookie = await login(ep.proxy, 'vanphong@demo.local')
      const d = (
        await call(ep.processes[1]!.url, cookie, 'POST', '/api/directives', {
          kind: 'KH',
          title: 'Kế hoạch liên tiến trình',
        })
      ).json.directive
      const a = await openDoc(collabBase, d.docName, cookie)
      const b = await openDoc(ep.processes[1]!.url, d.docName, cookie)
      a.setParagraphs(['Từ tiến trình chỉ phục vụ văn bản'])
      expect(await until(() => b.text().includes('Từ tiến trình chỉ phục vụ văn bản'), 8000)).toBe(true)
      a.close()
      b.close()
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('keeps answering through the proxy after kill -9 of one process', async () => {
    process.kill(ep.processes[0]!.pid, 'SIGKILL')
    await new Promise((r) => setTimeout(r, 500))
    for (let i = 0; i < 5; i++) expect((await fetch(`${ep.proxy}/api/health`)).status).toBe(200)
  })
})
