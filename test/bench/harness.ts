// What the benchmarks (npm run bench) share: the hub started in its own process on a fresh or given data
// folder, logging in and calling its API, percentiles of a sample, and the row a measured figure becomes.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../helpers/hub'

export const root = resolve(import.meta.dirname, '..', '..')

export interface BenchHub {
  base: string
  child: ChildProcess
  dataDir: string
  startMs: number
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** The hub as `npm start` runs it, in its own process, so client and server do not share a CPU queue. */
export async function startProcess(
  dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-')),
  env: Record<string, string> = {},
): Promise<BenchHub> {
  const port = await freePort()
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error('hub exited')
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  const startMs = performance.now() - t0
  return {
    base,
    child,
    dataDir,
    startMs,
    async stop(signal = 'SIGTERM') {
      child.kill(signal)
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    },
  }
}

export function cleanup(dir: string) {
  rmSync(dir, { recursive: true, force: true })
}

export async function login(base: string, email: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  })
  return r.headers.getSetCookie()[0]!.split(';')[0]!
}

export async function call(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(base + path, {
    method,
    headers: { cookie, origin: base, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: r.status, json: (await r.json()) as any }
}

/** Percentiles of a sample, in its unit. */
export function summarise(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? Number.NaN }
}

export interface Row {
  bench: string
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  unit: string
  note?: string
  /** The peer measured in the same run, its figure in the same unit, and ours / theirs. */
  peer?: string
  peerValue?: number
  ratio?: number
  /** Issue 18's target for this figure. */
  target?: string
}

/** A figure measured once, as a row (its percentiles are the one value). */
export function once(bench: string, v: number, unit: string, note: string, extra: Partial<Row> = {}): Row {
  return { bench, n: 1, p50: v, p95: v, p99: v, max: v, unit, note, ...extra }
}
