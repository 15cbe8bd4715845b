// A collaborator that stops reading (its socket full) while others keep editing a document, against a
// real hub process: the others are not held up, and the server drops the stalled one once it owes it
// more than its bound (64 MiB), instead of buffering for it without end.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { api, loginCookie } from '../../apps/api/src/testing/live-hub'
import { openDoc, until } from '../../apps/api/src/testing/ydoc'
import { type HubProcess, reportFaults, startHubProcess, stopHub } from './processes'

const dataDir = mkdtempSync(join(tmpdir(), 'hub-slow-'))
let hub: HubProcess | undefined
afterAll(async () => {
  await stopHub(hub)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a client that stops reading', () => {
  it('does not stall the others and is disconnected after a bound', async () => {
    hub = await startHubProcess({ HUB_DATA_DIR: dataDir })
    const base = hub.base
    const drafter = await loginCookie(base, 'vanphong@demo.local')
    const admin = await loginCookie(base, 'quantri@demo.local')
    const collab = async () => (await api(base, admin, 'GET', '/api/metrics')).json.collab
    const d = (await api(base, drafter, 'POST', '/api/directives', { kind: 'KH', title: 'người đọc chậm' })).json
      .directive

    // The stalled client: a plain websocket that, once open, never reads again.
    const stalled = new WebSocket(`${base.replace(/^http/, 'ws')}/collab/${d.docName}`, {
      headers: { cookie: drafter, origin: base },
    })
    await new Promise<void>((res, rej) => {
      stalled.once('open', () => res())
      stalled.once('error', rej)
    })
    ;(stalled as unknown as { _socket: Socket })._socket.pause()

    const typist = await openDoc(base, d.docName, drafter)
    const reader = await openDoc(base, d.docName, drafter)
    const flooders = await Promise.all([1, 2].map(() => openDoc(base, d.docName, drafter)))
    const before = (await collab()).slowConsumers as number
    // Presence changes of half a MiB, as fast as the server takes them, from two editors: the server
    // owes the stalled client more and more.
    let n = 0
    const flood = setInterval(() => {
      for (const f of flooders) f.provider.awareness.setLocalStateField('note', `${n++}`.padEnd(512 * 1024, '.'))
    }, 40)
    const edits: string[] = []
    try {
      // Meanwhile the others are served: each edit reaches the reader.
      for (let i = 0; i < 5; i++) {
        const line = `vẫn soạn được ${i}`
        typist.setParagraphs([...edits, line])
        edits.push(line)
        await until(() => reader.text().includes(line), 15_000, `the reader to get "${line}"`)
      }
      // The stalled client is dropped once it owes more than the bound.
      await until(async () => (await collab()).slowConsumers > before, 120_000, 'the stalled client to be dropped')
    } finally {
      clearInterval(flood)
    }
    // And the others go on.
    typist.setParagraphs([...edits, 'sau khi bỏ người đọc chậm'])
    await until(() => reader.text().includes('sau khi bỏ người đọc chậm'), 15_000, 'the reader after the drop')
    expect(reader.provider.wsconnected).toBe(true)
    expect(typist.provider.wsconnected).toBe(true)
    stalled.terminate()
    for (const c of [typist, reader, ...flooders]) c.close()
    reportFaults('a client that stops reading', {
      faults: ['one websocket stopped reading', `${n} presence changes of 512 KiB sent past it`],
      checked: { 'edits delivered to the others meanwhile and after': edits.length + 1, 'stalled clients dropped': 1 },
      lost: 0,
    })
  }, 600_000)
})
