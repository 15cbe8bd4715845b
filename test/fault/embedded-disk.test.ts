// The embedded database (PGlite) on a disk that fills up, then on a folder that is read-only: writes
// are refused with 503 and the error shape (never a 500 or a hang), reads go on, nothing accepted is
// lost or corrupted, and the hub recovers once space is back; a read-only folder stops the start with
// a clear message. Needs a small tmpfs, so it runs as root (as CI does).
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { api, loginCookie } from '../../apps/api/src/testing/live-hub'
import { exited, type HubProcess, reportFaults, startHubProcess, stopHub } from './processes'

const isRoot = process.getuid?.() === 0
const mountPoint = mkdtempSync(join(tmpdir(), 'hub-disk-'))
const dataDir = join(mountPoint, 'data')
const filler = join(mountPoint, 'filler')
let mounted = false
let hub: HubProcess | undefined
afterAll(async () => {
  await stopHub(hub)
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

/**
 * Writes zeros until the disk refuses (ENOSPC): in 1 MiB chunks, then (`topUp`) appending 4 KiB
 * chunks to take what a refused write of the database gave back, so the disk is full at that moment.
 */
function fillDisk(topUp = false) {
  const fd = openSync(filler, topUp ? 'a' : 'w')
  const chunk = Buffer.alloc(topUp ? 4096 : 1 << 20)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    closeSync(fd)
  }
}

describe('the embedded database when its disk fails', () => {
  it.runIf(isRoot)(
    'a full disk refuses writes with 503; a read-only folder refuses to start; nothing is lost',
    async () => {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mountPoint])
      mounted = true
      hub = await startHubProcess({ HUB_DATA_DIR: dataDir })
      const cookie = await loginCookie(hub.base, 'bithu@demo.local')
      const unitId = (await api(hub.base, cookie, 'GET', '/api/units?kind=district')).json.units[0].id
      const accepted: string[] = []
      let refused = 0
      const write = async (i: number) => {
        const r = await fetch(`${hub!.base}/api/tasks`, {
          method: 'POST',
          headers: { cookie, origin: hub!.base, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Ghi khi đĩa đầy ${i}`, description: 'x'.repeat(3000), leadUnitId: unitId }),
          signal: AbortSignal.timeout(20_000),
        })
        const body = (await r.json()) as { task?: { id: string }; error?: unknown }
        if (r.status === 201) accepted.push(body.task!.id)
        else {
          expect([r.status, body.error]).toEqual([503, { code: 'database_unavailable', message: expect.any(String) }])
          refused++
        }
        return r.status
      }
      for (let i = 0; i < 5; i++) expect(await write(i)).toBe(201)

      // The disk fills: writes go on until the database needs new space, then are refused.
      fillDisk()
      let i = 5
      while ((await write(i++)) === 201) expect(i).toBeLessThan(2000)
      // A refused write may give back the space it took, and a write that needs no new block could commit:
      // while the disk stays full (less free than a margin), every write is refused all the same.
      for (let k = 0; k < 3; k++) {
        fillDisk(true)
        expect(await write(i++)).toBe(503)
      }
      // Reads still answer; health says why writes are paused.
      expect((await api(hub.base, cookie, 'GET', '/api/tasks?limit=5')).status).toBe(200)
      expect((await api(hub.base, cookie, 'GET', '/api/health')).json.checks.disk).toBe('full: writes paused')
      // Space is back: writes are accepted again, by the same process.
      rmSync(filler)
      expect(await write(i++)).toBe(201)
      expect((await api(hub.base, cookie, 'GET', '/api/health')).json.checks.disk).toBe('ok')
      for (const id of accepted) expect((await api(hub.base, cookie, 'GET', `/api/tasks/${id}`)).status).toBe(200)
      await stopHub(hub)

      // A read-only folder: the start stops with a clear message; the folder is untouched.
      execFileSync('mount', ['-o', 'remount,ro', mountPoint])
      const failed = await startHubProcess({ HUB_DATA_DIR: dataDir, HUB_SEED_DEMO: 'never' }).catch((e: Error) => e)
      expect(failed).toBeInstanceOf(Error)
      expect(String(failed)).toContain('cannot be written (EROFS)')
      execFileSync('mount', ['-o', 'remount,rw', mountPoint])

      // Nothing corrupted: the folder opens again, with every accepted write.
      hub = await startHubProcess({ HUB_DATA_DIR: dataDir, HUB_SEED_DEMO: 'never' })
      const again = await loginCookie(hub.base, 'bithu@demo.local')
      for (const id of accepted) expect((await api(hub.base, again, 'GET', `/api/tasks/${id}`)).status).toBe(200)
      expect((await api(hub.base, again, 'GET', '/api/tasks?limit=1')).json.total).toBeGreaterThan(accepted.length)
      const done = exited(hub.child)
      hub.child.kill('SIGTERM')
      expect(await done).toBe(0)
      reportFaults('embedded database, disk full then read-only', {
        faults: ['tmpfs filled (ENOSPC)', 'space freed', 'folder remounted read-only', 'remounted writable'],
        checked: { 'accepted writes found after restart': accepted.length, 'writes refused with 503': refused },
        lost: 0,
      })
    },
    600_000,
  )
})
