// The hub as the browser tests run it: a child process on a free port with its own data folder.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A running hub for a test: its base URL and how to stop it. */
export interface Hub {
  base: string
  port: number
  dataDir: string
  /** The hub's output so far, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

export interface HubOptions {
  /** Extra environment (e.g. SERVICES, LOG_LEVEL). */
  env?: Record<string, string>
  /** How long to wait for /api/health (seeding the demo city takes a while). */
  startTimeoutMs?: number
  /** The entry script, relative to the repository (default apps/api/src/main.ts, or HUB_E2E_ENTRY). */
  entry?: string
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return await new Promise((res, rej) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => res(port))
    })
  })
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`hub exited with ${child.exitCode} before it was healthy:\n${output()}`)
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`hub not healthy after ${timeoutMs} ms:\n${output()}`)
}

/**
 * Starts the hub (`node --import tsx apps/api/src/main.ts`) as a child process on a free port with
 * a fresh data folder, so the demo city is seeded anew; resolves once /api/health answers.
 * It serves the built web app from apps/web/dist: build it before the e2e run.
 */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-e2e-'))
  const base = `http://127.0.0.1:${port}`
  let log = ''
  const entry = options.entry ?? process.env.HUB_E2E_ENTRY ?? 'apps/api/src/main.ts'
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HUB_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      PUBLIC_URL: '',
      // The 2021 city alone unless a test asks for the tree through the 2025 reform (HUB_DEMO_TREE: 'today').
      HUB_DEMO_TREE: '2021',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk: Buffer) => {
    log += chunk.toString()
    if (log.length > 200_000) log = log.slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const output = () => log

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((res) => child.once('exit', () => res()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitForHealth(base, child, options.startTimeoutMs ?? 150_000, output)
  } catch (e) {
    await stop()
    throw e
  }
  return { base, port, dataDir, output, stop }
}
