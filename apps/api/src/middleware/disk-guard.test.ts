// The disk guard: writes refused after a disk-full error while space stays low, accepted again when it
// is back; other failures and reads are never held back.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { DiskGuard, diskLowWrites } from './disk-guard'

const enospc = () => Object.assign(new Error('could not extend file: No space left on device'), { code: 'ENOSPC' })

function appWith(guard: DiskGuard) {
  const app = new Hono()
  app.onError((err, c) => {
    guard.failed(err)
    return c.text(err.message, err.message === 'full' ? 503 : 500)
  })
  app.use(
    '*',
    diskLowWrites(guard, () => new Error('full')),
  )
  let failNext = false
  app.post('/write', (c) => {
    if (failNext) {
      failNext = false
      throw new Error('wrapped', { cause: enospc() })
    }
    return c.text('written', 201)
  })
  app.get('/read', (c) => c.text('read'))
  return { app, failOnce: () => (failNext = true) }
}

describe('DiskGuard', () => {
  it('refuses writes from the first disk-full error until free space is above the margin', async () => {
    let free = 0
    const guard = new DiskGuard('/data', { marginBytes: 1000, freeBytes: async () => free })
    const { app, failOnce } = appWith(guard)
    expect((await app.request('/write', { method: 'POST' })).status).toBe(201)
    failOnce()
    expect((await app.request('/write', { method: 'POST' })).status).toBe(500)
    expect(guard.state).toBe('low')
    // Still full: refused, now and after the next look at the disk.
    expect((await app.request('/write', { method: 'POST' })).status).toBe(503)
    expect((await app.request('/read')).status).toBe(200)
    // Some space, still under the margin: refused.
    free = 999
    expect((await app.request('/write', { method: 'POST' })).status).toBe(503)
    // Space is back: the next write is accepted.
    free = 1000
    expect((await app.request('/write', { method: 'POST' })).status).toBe(201)
    expect(guard.state).toBe('ok')
  })

  it('looks at the disk once for the writes that arrive together', async () => {
    let looks = 0
    const guard = new DiskGuard('/data', {
      freeBytes: async () => {
        looks++
        return 0
      },
    })
    guard.failed(enospc())
    expect(await Promise.all([guard.refusing(), guard.refusing(), guard.refusing()])).toEqual([true, true, true])
    expect(looks).toBe(1)
  })

  it('is not set off by other failures, nor by a disk error of something else than the database', async () => {
    const guard = new DiskGuard('/data', { freeBytes: async () => 0 })
    guard.failed(new Error('boom'))
    guard.failed(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
    guard.failed({ code: 'EIO' })
    expect(guard.state).toBe('ok')
    expect(await guard.refusing()).toBe(false)
    guard.failed(Object.assign(new Error('disk full'), { code: '53100' }))
    expect(await guard.refusing()).toBe(true)
  })

  it('stays careful when the folder cannot be measured', async () => {
    const guard = new DiskGuard('/gone', {
      freeBytes: async () => {
        throw new Error('ENOENT')
      },
    })
    guard.failed(enospc())
    expect(await guard.refusing()).toBe(true)
    expect(await guard.refusing()).toBe(true)
  })
})
