// Operating the hub, on a real hub on a loopback port: Prometheus metrics after a scripted session and
// while the database is down, JSON metrics for administrators only, liveness and readiness, and the
// request ids kept from a proxy.

import { schema } from '@hub/db'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createApp } from '../app'
import { type RunningHub, startHub } from '../hub'
import { HubMetrics, outboxBacklog } from '../services/prometheus'
import { api, liveSocket, loginCookie } from '../testing/live-hub'
import { openDoc, until } from '../testing/ydoc'

const TOKEN = 'scrape-token-0123456789abcdef'

/** Samples of a Prometheus text exposition: `name{labels}` → value. */
function parse(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = []
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m) throw new Error(`not an exposition line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!
    samples.push({ name: m[1]!, labels, value: Number(m[3]) })
  }
  const find = (name: string, where: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
  const one = (name: string, where: Record<string, string> = {}) => {
    const found = find(name, where)
    if (found.length !== 1) throw new Error(`${name} ${JSON.stringify(where)}: ${found.length} samples`)
    return found[0]!.value
  }
  return { samples, find, one }
}

let hub: RunningHub & { base: string }
beforeAll(async () => {
  const h = await startHub({
    dataDir: 'memory://',
    port: 0,
    host: '127.0.0.1',
    services: new Set(['api', 'collab']),
    seed: 'auto',
    demoPassword: 'demo1234',
    log: pino({ level: 'silent' }),
    scheduler: { intervalMs: 3_600_000 },
    metricsToken: TOKEN,
  })
  hub = Object.assign(h, { base: `http://127.0.0.1:${(h.server.address() as { port: number }).port}` })
})
afterAll(() => hub.close())

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${hub.base}/metrics`, { headers })

describe('Prometheus metrics after a scripted session', () => {
  it('exposes every family with plausible values, behind the bearer token', async () => {
    // The session: logins (one refused by the throttle), a task, a live socket, a collaborative edit.
    const vanphong = await loginCookie(hub.base, 'vanphong@demo.local')
    const wrong = () =>
      fetch(`${hub.base}/api/auth/login`, {
        method: 'POST',
        headers: { origin: hub.base, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'hoankiem@demo.local', password: 'not-the-password' }),
      })
    // Sent together: after a few free attempts the throttle admits one at a time per account and address.
    const statuses = (await Promise.all(Array.from({ length: 8 }, wrong))).map((r) => r.status).sort()
    const refused = statuses.filter((s) => s === 429).length
    expect(statuses[0]).toBe(401)
    expect(refused).toBeGreaterThanOrEqual(1)
    const units = (await api(hub.base, vanphong, 'GET', '/api/units?kind=district')).json.units
    const task = await api(hub.base, vanphong, 'POST', '/api/tasks', {
      title: 'Giám sát số liệu',
      leadUnitId: units[0].id,
    })
    expect(task.status).toBe(201)
    expect((await api(hub.base, vanphong, 'GET', `/api/tasks/${task.json.task.id}`)).status).toBe(200)
    const socket = await liveSocket(hub.base, vanphong, hub.base)
    const d = (await api(hub.base, vanphong, 'POST', '/api/directives', { kind: 'CT', title: 'về số liệu vận hành' }))
      .json.directive
    const editor = await openDoc(hub.base, d.docName, vanphong)
    try {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('Một dòng mới.')])
      editor.doc.getXmlFragment('default').push([p])
      const collab = hub.collab!.metrics
      expect(await until(() => collab.durableLatency.count > 0 && hub.scheduler!.stats.runs > 0)).toBe(true)
      expect(
        await until(async () => parse(await (await scrape()).text()).one('hub_outbox_delivery_lag_seconds_count') > 0),
      ).toBe(true)

      expect((await scrape({})).status).toBe(401)
      expect((await scrape({ authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401)
      const res = await scrape()
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
      const m = parse(await res.text())

      // HTTP requests by route pattern and status, with latency histograms.
      expect(m.one('hub_http_requests_total', { method: 'POST', route: '/api/auth/login', status: '200' })).toBe(1)
      expect(m.one('hub_http_requests_total', { method: 'POST', route: '/api/auth/login', status: '429' })).toBe(
        refused,
      )
      expect(m.one('hub_http_requests_total', { method: 'GET', route: '/api/tasks/:id', status: '200' })).toBe(1)
      const taskLatency = m.one('hub_http_request_duration_seconds_sum', {
        method: 'POST',
        route: '/api/tasks',
        status: '201',
      })
      expect(taskLatency).toBeGreaterThan(0)
      expect(taskLatency).toBeLessThan(30)
      expect(
        m.one('hub_http_request_duration_seconds_bucket', { route: '/api/tasks', method: 'POST', le: '+Inf' }),
      ).toBe(1)
      // Labels carry patterns, never ids or query values.
      const routes = new Set(m.find('hub_http_requests_total').map((s) => s.labels.route))
      for (const r of routes) expect(r).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|\?|district/)

      expect(m.one('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
      expect(m.one('nodejs_eventloop_lag_p99_seconds')).toBeLessThan(5)
      expect(m.one('hub_db_queries_in_flight')).toBeGreaterThanOrEqual(0)
      expect(m.find('hub_db_pool_connections')).toHaveLength(0) // PGlite has no pool

      expect(m.one('hub_collab_documents_open')).toBe(1)
      expect(m.one('hub_collab_connections_total')).toBeGreaterThanOrEqual(1)
      expect(m.samples.filter((s) => /_total_total$/.test(s.name))).toEqual([])
      expect(m.one('hub_collab_connections')).toBe(1)
      expect(m.one('hub_collab_updates_in_total')).toBeGreaterThanOrEqual(1)
      const durable = m.one('hub_collab_durability_lag_seconds_count')
      expect(durable).toBe(collab.durableLatency.count)
      expect(m.one('hub_collab_durability_lag_seconds_bucket', { le: '+Inf' })).toBe(durable)
      expect(m.one('hub_collab_durability_lag_seconds_sum')).toBeCloseTo(collab.durableLatency.sumMs / 1000, 6)
      const buckets = m.find('hub_collab_durability_lag_seconds_bucket').map((s) => s.value)
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b)) // cumulative

      expect(m.one('hub_outbox_backlog')).toBeGreaterThanOrEqual(0)
      expect(m.one('hub_outbox_oldest_undelivered_seconds')).toBeGreaterThanOrEqual(0)
      expect(m.one('hub_outbox_delivery_lag_seconds_count')).toBeGreaterThanOrEqual(1)
      expect(m.one('hub_live_connections')).toBe(1)
      expect(m.one('hub_scheduler_runs_total')).toBeGreaterThanOrEqual(1)
      expect(m.one('hub_scheduler_leader')).toBe(1)
      expect(m.one('hub_login_throttle_refusals_total')).toBe(refused)
    } finally {
      editor.provider.destroy()
      socket.close()
    }
    expect(await until(async () => parse(await (await scrape()).text()).one('hub_collab_connections') === 0)).toBe(true)
  })

  it('tells how long the oldest undelivered event has waited', async () => {
    const rollback = new Error('rollback')
    await expect(
      hub.deps.dbh.db.transaction(async (tx) => {
        // Written inside a transaction, so the outbox cannot deliver it; rolled back afterwards.
        await tx
          .insert(schema.domainEvents)
          .values({ type: 'test.stuck', payload: {}, createdAt: new Date(Date.now() - 3_600_000) })
        const b = await outboxBacklog(tx)
        expect(b.pending).toBeGreaterThanOrEqual(1)
        expect(b.oldestSeconds).toBeGreaterThanOrEqual(3599)
        expect(b.oldestSeconds).toBeLessThan(3700)
        throw rollback
      }),
    ).rejects.toBe(rollback)
  })

  it('still answers a scrape while the database is down', async () => {
    const m = new HubMetrics(TOKEN)
    m.bind({
      outboxBacklog: () => Promise.reject(new Error('database down')),
      throttle: { refusals: 3 },
    })
    const text = parse(await m.text())
    expect(text.one('hub_login_throttle_refusals_total')).toBe(3)
    expect(text.one('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
  })

  it('is off without a configured token', async () => {
    const app = createApp({ ...hub.deps, metrics: new HubMetrics(null) })
    const res = await app.request('/metrics')
    expect(res.status).toBe(404)
    expect(((await res.json()) as any).error.code).toBe('not_found')
  })
})

describe('JSON metrics for administrators', () => {
  it('answers the administrator with the same numbers, and nobody else', async () => {
    const admin = await loginCookie(hub.base, 'quantri@demo.local')
    const m = await api(hub.base, admin, 'GET', '/api/metrics')
    expect(m.status).toBe(200)
    const prom = parse(await (await scrape()).text())
    expect(m.json.throttle.refusals).toBe(prom.one('hub_login_throttle_refusals_total'))
    expect(m.json.scheduler).toEqual({ runs: prom.one('hub_scheduler_runs_total'), leader: true })
    expect(m.json.collab.updatesIn).toBe(prom.one('hub_collab_updates_in_total'))
    expect(m.json.database.kind).toBe('pglite')
    // Committee members and district heads are not administrators.
    for (const who of ['bithu@demo.local', 'tayho@demo.local']) {
      const r = await api(hub.base, await loginCookie(hub.base, who), 'GET', '/api/metrics')
      expect(r.status).toBe(403)
      expect(r.json.error.code).toBe('forbidden')
    }
    expect((await fetch(`${hub.base}/api/metrics`)).status).toBe(401)
  })
})

describe('liveness and readiness', () => {
  it('is alive and ready with the database up and every migration applied', async () => {
    const health = await (await fetch(`${hub.base}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', checks: { database: 'ok', redis: 'disabled' } })
    const ready = await fetch(`${hub.base}/api/ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: expect.objectContaining({ database: 'ok', redis: 'disabled', migrations: 'ok' }),
    })
  })

  it('is alive but not ready when the database or Redis is down, in the error shape', async () => {
    for (const checks of [
      { database: 'down', redis: 'disabled' },
      { database: 'ok', redis: 'down' },
    ]) {
      const app = createApp({ ...hub.deps, health: async () => ({ ...checks }) })
      expect((await app.request('/api/health')).status).toBe(200)
      const res = await app.request('/api/ready')
      expect(res.status).toBe(503)
      const body = (await res.json()) as any
      expect(body.error.code).toBe('not_ready')
      expect(body.error.details.checks).toMatchObject(checks)
    }
  })
})

describe('request ids', () => {
  it('keeps a plain id from the proxy and replaces anything else', async () => {
    const app = createApp(hub.deps)
    const kept = await app.request('/api/health', { headers: { 'x-request-id': 'f3a9c0d2e4b6a8c0f3a9c0d2e4b6a8c0' } })
    expect(kept.headers.get('x-request-id')).toBe('f3a9c0d2e4b6a8c0f3a9c0d2e4b6a8c0')
    for (const bad of ['x'.repeat(65), 'a b', '"},"userId":"admin']) {
      const res = await app.request('/api/health', { headers: { 'x-request-id': bad } })
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})
