// The hub as a newcomer runs it: a real process on a real port over a PGlite folder. It starts on an empty
// folder and serves the web app, refuses a second process on the folder, and keeps its data across a clean
// restart and a kill -9 without seeding twice.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../helpers/hub'

const root = resolve(import.meta.dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'hub-process-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function startHub(port: number): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`hub exited: ${out}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, output: () => out }
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`hub did not start: ${out}`)
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))))

async function login(base: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bithu@demo.local', password: 'demo1234' }),
  })
  expect(r.status).toBe(200)
  return r.headers.getSetCookie()[0]!.split(';')[0]!
}

describe('the hub process', () => {
  let taskId = ''

  it('starts on an empty folder, prints the URL and demo accounts, and serves the web app', async () => {
    const hub = await startHub(await freePort())
    try {
      expect(hub.output()).toContain('bithu@demo.local')
      expect(hub.output()).toMatch(/http:\/\/localhost:\d+/)
      const cookie = await login(hub.base)
      const units = await fetch(`${hub.base}/api/units?kind=district`, { headers: { cookie } })
      expect(((await units.json()) as any).units).toHaveLength(30)
      const res = await fetch(`${hub.base}/api/tasks`, {
        method: 'POST',
        headers: { cookie, origin: hub.base, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Giữ qua khởi động lại',
          leadUnitId: (
            (await (await fetch(`${hub.base}/api/units?kind=district`, { headers: { cookie } })).json()) as any
          ).units[0].id,
          dueAt: '2031-01-01',
        }),
      })
      expect(res.status).toBe(201)
      taskId = ((await res.json()) as any).task.id

      // A second process on the same folder refuses with a clear message and a non-zero exit.
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
        cwd: root,
        env: { ...process.env, PORT: String(await freePort()), HUB_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(second.status).not.toBe(0)
      expect(second.status).not.toBeNull()
      expect(second.stderr).toContain('in use by process')
      // The first is unharmed.
      expect((await fetch(`${hub.base}/api/health`)).status).toBe(200)
    } finally {
      hub.child.kill('SIGTERM')
      expect(await exited(hub.child)).toBe(0)
    }
  })

  it('keeps data across a clean restart, without seeding twice', async () => {
    const hub = await startHub(await freePort())
    try {
      const cookie = await login(hub.base)
      const r = await fetch(`${hub.base}/api/tasks/${taskId}`, { headers: { cookie } })
      expect(((await r.json()) as any).task.title).toBe('Giữ qua khởi động lại')
      const units: any = await (await fetch(`${hub.base}/api/units?kind=district`, { headers: { cookie } })).json()
      expect(units.units).toHaveLength(30)
      // A committed change right before a kill -9 survives it too.
      const t = ((await (await fetch(`${hub.base}/api/tasks/${taskId}`, { headers: { cookie } })).json()) as any).task
      const p = await fetch(`${hub.base}/api/tasks/${taskId}`, {
        method: 'PATCH',
        headers: { cookie, origin: hub.base, 'content-type': 'application/json' },
        body: JSON.stringify({ version: t.version, progress: 35 }),
      })
      expect(p.status).toBe(200)
    } finally {
      hub.child.kill('SIGKILL')
      await exited(hub.child)
    }
    const again = await startHub(await freePort())
    try {
      const cookie = await login(again.base)
      const r = await fetch(`${again.base}/api/tasks/${taskId}`, { headers: { cookie } })
      expect(((await r.json()) as any).task.progress).toBe(35)
    } finally {
      again.child.kill('SIGTERM')
      await exited(again.child)
    }
  })
})
