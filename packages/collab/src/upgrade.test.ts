// Parsing upgrade paths and refusing upgrades with a plain HTTP status.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { refuseUpgrade, upgradeTarget } from './upgrade'

const id = '0b5c2f4e-6a1d-4c3b-9e8f-1a2b3c4d5e6f'

describe('upgradeTarget', () => {
  it('reads encoded and plain document names under the base path', () => {
    expect(upgradeTarget(`/collab/directive%3A${id}`, '/collab')).toEqual({ kind: 'document', name: `directive:${id}` })
    expect(upgradeTarget(`/collab/plan:${id}?x=1`, '/collab')).toEqual({ kind: 'document', name: `plan:${id}` })
  })

  it('tells bad names from other paths', () => {
    expect(upgradeTarget('/collab/directive:1', '/collab')).toEqual({ kind: 'bad-name' })
    expect(upgradeTarget('/collab/%E0%A4%A', '/collab')).toEqual({ kind: 'bad-name' })
    expect(upgradeTarget(`/collab/directive:${id}/x`, '/collab')).toEqual({ kind: 'bad-name' })
    expect(upgradeTarget('/socket.io/?EIO=4', '/collab')).toEqual({ kind: 'elsewhere' })
    expect(upgradeTarget('/collab', '/collab')).toEqual({ kind: 'elsewhere' })
  })
})

describe('refuseUpgrade', () => {
  it('writes an HTTP error in the API shape and ends the socket', async () => {
    const s = new PassThrough()
    const chunks: Buffer[] = []
    s.on('data', (c) => chunks.push(c))
    refuseUpgrade(s, 401)
    await new Promise((r) => setImmediate(r))
    const text = Buffer.concat(chunks).toString()
    expect(text.startsWith('HTTP/1.1 401 Unauthorized\r\n')).toBe(true)
    expect(JSON.parse(text.split('\r\n\r\n')[1]!).error.code).toBe('unauthenticated')
  })
})
