// A real hub process at the most talkative log level, a scripted session against it, then its whole output
// searched for what must never be written down: passwords (right and wrong), session tokens, the metrics
// token, and the values of request parameters.

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDoc } from '../../apps/api/src/testing/ydoc'
import { type Hub, startHub } from '../helpers/hub'

const secret = (tag: string) => `${tag}-${randomBytes(9).toString('hex')}`
const demoPassword = secret('demo-pw')
const wrongPassword = secret('wrong-pw')
const metricsToken = secret('metrics-token')
const queryValue = secret('query')
const bodyValue = secret('title')

let hub: Hub
beforeAll(async () => {
  hub = await startHub({ env: { HUB_DEMO_PASSWORD: demoPassword, LOG_LEVEL: 'trace', METRICS_TOKEN: metricsToken } })
}, 200_000)
afterAll(() => hub?.stop())

async function login(email: string, password: string) {
  const r = await fetch(`${hub.base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: hub.base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('hub_session='))
  return { status: r.status, cookie: cookie?.split(';')[0] ?? '' }
}

const call = async (cookie: string, method: string, path: string, body?: unknown, headers = {}) => {
  const r = await fetch(hub.base + path, {
    method,
    headers: { cookie, origin: hub.base, 'content-type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: r.status, json: (await r.json()) as any }
}

describe('the logs of a scripted session', () => {
  it('hold one JSON line per request and none of the secrets or parameter values', async () => {
    const bithu = await login('bithu@demo.local', demoPassword)
    expect(bithu.status).toBe(200)
    expect((await login('tayho@demo.local', wrongPassword)).status).toBe(401)
    const vanphong = await login('vanphong@demo.local', demoPassword)
    expect(vanphong.status).toBe(200)
    const units = (await call(vanphong.cookie, 'GET', '/api/units?kind=district')).json.units
    const created = await call(
      vanphong.cookie,
      'POST',
      '/api/tasks',
      { title: bodyValue, leadUnitId: units[0].id },
      { 'x-request-id': 'trace-me-123' },
    )
    expect(created.status).toBe(201)
    const taskId = created.json.task.id as string
    expect((await call(vanphong.cookie, 'GET', `/api/tasks/${taskId}`)).status).toBe(200)
    expect((await call(bithu.cookie, 'GET', `/api/search?q=${queryValue}`)).status).toBe(200)
    const d = (await call(vanphong.cookie, 'POST', '/api/directives', { kind: 'CT', title: 'nhật ký' })).json.directive
    const editor = await openDoc(hub.base, d.docName, vanphong.cookie)
    editor.provider.destroy()
    expect((await fetch(`${hub.base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(
      200,
    )
    expect((await call(bithu.cookie, 'POST', '/api/auth/logout')).status).toBe(200)
    await hub.stop()

    const out = hub.output()
    expect(out.length).toBeLessThan(200_000) // the helper keeps everything below this size
    const lines = out.split('\n').filter((l) => l.startsWith('{'))
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const requests = records.filter((r) => r.msg === 'request')

    // One line per request, with request id, user, route pattern, status and duration.
    const create = requests.find((r) => r.requestId === 'trace-me-123')
    expect(create).toMatchObject({ method: 'POST', route: '/api/tasks', status: 201, userId: expect.any(String) })
    expect(typeof create!.ms).toBe('number')
    expect(requests.find((r) => r.route === '/api/tasks/:id')).toMatchObject({ status: 200 })
    expect(requests.filter((r) => r.route === '/api/auth/login').map((r) => r.status)).toEqual([200, 401, 200])
    for (const r of requests) expect(r.requestId).toMatch(/^[\w.-]{1,64}$/)

    // Nothing secret, and no parameter value, anywhere in the output.
    const tokens = [bithu.cookie, vanphong.cookie].map((c) => c.slice('hub_session='.length))
    const forbidden = [
      demoPassword,
      wrongPassword,
      metricsToken,
      queryValue,
      bodyValue,
      taskId,
      ...tokens,
      ...tokens.map((t) => t.split('.')[1]!),
    ]
    for (const s of forbidden) expect(out.includes(s), `the log contains ${s}`).toBe(false)
  })
})
