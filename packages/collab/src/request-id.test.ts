// Request ids of upgrades carried into the log lines of a connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { requestIdOf } from './logger'
import { newDocName, startCollab, type TestServer } from './testing/harness'

const lines: { obj: Record<string, unknown>; msg?: string }[] = []
const capture = (obj: object, msg?: string) => {
  lines.push({ obj: obj as Record<string, unknown>, msg })
}
let s: TestServer
beforeAll(async () => {
  s = await startCollab({ server: { log: { info: capture, warn: capture, error: capture, debug: capture } } })
})
afterAll(async () => {
  await s?.close()
})

describe('request ids in collab logs', () => {
  it("keeps the proxy's plain X-Request-Id and replaces anything else", () => {
    expect(requestIdOf('f3a9c2e1b7d04d55')).toBe('f3a9c2e1b7d04d55')
    expect(requestIdOf('evil\nline')).not.toBe('evil\nline')
    expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('logs a connection with the request id of its upgrade', async () => {
    const ws = new WebSocket(`${s.base.replace('http', 'ws')}/collab/${encodeURIComponent(newDocName())}`, {
      headers: { cookie: 'hub_session=alice', 'x-request-id': 'nginx-req-42' },
    })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    ws.close()
    const line = lines.find((l) => l.msg === 'collab: connected')
    expect(line?.obj).toMatchObject({ requestId: 'nginx-req-42', userId: 'alice' })
  })
})
