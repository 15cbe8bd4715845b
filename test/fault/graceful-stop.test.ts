// A supervisor's stop through `npm start`: whichever process gets SIGTERM/SIGINT (npm, or the hub
// itself), the hub exits cleanly and lets go of its data folder, so the next start works.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { until } from '../../apps/api/src/testing/ydoc'
import { alive, exited, type HubProcess, lockHolder, reportFaults, startHubProcess, stopHub } from './processes'

const dataDir = mkdtempSync(join(tmpdir(), 'hub-stop-'))
let current: HubProcess | undefined
afterAll(async () => {
  await stopHub(current)
  rmSync(dataDir, { recursive: true, force: true })
})

const env = { HUB_DATA_DIR: dataDir, HUB_SEED_DEMO: 'never' }

describe('npm start under a supervisor', () => {
  it('stops the hub, and frees its data folder, whichever process is signalled', async () => {
    const faults: string[] = []
    for (const [target, signal] of [
      ['npm', 'SIGTERM'],
      ['npm', 'SIGINT'],
      ['hub', 'SIGTERM'],
    ] as const) {
      current = await startHubProcess(env, { launcher: 'npm' })
      const npm = current.child
      const hubPid = lockHolder(dataDir)
      expect(hubPid).not.toBeNull()
      // npm runs the hub as its own process: the one holding the database is not npm.
      expect(hubPid).not.toBe(npm.pid)
      expect(alive(hubPid!)).toBe(true)
      const npmExit = exited(npm)
      process.kill(target === 'npm' ? npm.pid! : hubPid!, signal)
      faults.push(`${signal} to ${target}`)
      // npm ends with the hub's own (clean) exit code, and the hub is gone, not reparented.
      expect(await npmExit).toBe(0)
      await until(() => !alive(hubPid!), 15_000, `hub ${hubPid} to exit`)
      expect(existsSync(join(dataDir, 'hub.lock'))).toBe(false)
      expect(current.output()).not.toContain('shutdown timed out')
    }
    reportFaults('graceful stop through npm', {
      faults,
      // Each start after the first proves the previous stop freed the folder.
      checked: { 'stops that freed the data folder': faults.length, 'starts on a freed folder': faults.length - 1 },
      lost: 0,
    })
  }, 600_000)
})
