// Helpers of the fault tests: start a real hub process (through npm or node), find its pid, wait for
// it, and print what a fault test injected and checked.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { until } from '../../apps/api/src/testing/ydoc'
import { freePort } from '../helpers/hub'

export const root = resolve(import.meta.dirname, '..', '..')

export interface HubProcess {
  child: ChildProcess
  base: string
  port: number
  output: () => string
}

/**
 * Starts the hub as an operator does: `npm start` (launcher 'npm') or `node --import tsx
 * apps/api/src/main.ts` (launcher 'node'), on a free port; resolves once /api/health answers.
 */
export async function startHubProcess(
  env: Record<string, string>,
  opts: { launcher?: 'npm' | 'node'; port?: number; readyMs?: number } = {},
): Promise<HubProcess> {
  const port = opts.port ?? (await freePort())
  const [cmd, args] =
    opts.launcher === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts']]
  const child = spawn(cmd, args as string[], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      PUBLIC_URL: '',
      npm_config_update_notifier: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (d: Buffer) => {
    out += d
    if (out.length > 200_000) out = out.slice(-100_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${out}`)
      try {
        return (await fetch(`${base}/api/health`)).ok
      } catch {
        return false
      }
    },
    opts.readyMs ?? 300_000,
    `the hub on ${base} to answer /api/health`,
  )
  return { child, base, port, output: () => out }
}

/** The pid written in an embedded data folder's lock file: the process holding the database. */
export function lockHolder(dataDir: string): number | null {
  const file = join(dataDir, 'hub.lock')
  if (!existsSync(file)) return null
  return Number(JSON.parse(readFileSync(file, 'utf8')).pid) || null
}

/** Whether a process runs (a zombie does not count). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))
  } catch {
    return false
  }
}

/** Resolves with a child's exit code (or signal name) once it has exited. */
export const exited = (c: ChildProcess) =>
  new Promise<number | string | null>((r) =>
    c.exitCode !== null || c.signalCode !== null
      ? r(c.exitCode ?? c.signalCode)
      : c.once('exit', (code, signal) => r(code ?? signal)),
  )

/** Stops a hub child (SIGTERM, then SIGKILL after 15 s) if it still runs. */
export async function stopHub(h: HubProcess | undefined) {
  if (!h || h.child.exitCode !== null || h.child.signalCode !== null) return
  const done = exited(h.child)
  h.child.kill('SIGTERM')
  const t = setTimeout(() => h.child.kill('SIGKILL'), 15_000)
  await done
  clearTimeout(t)
}

/** One line per fault test, as CI shows it: what was injected, what was checked, what was lost. */
export function reportFaults(test: string, r: { faults: string[]; checked: Record<string, number>; lost: number }) {
  const checked = Object.entries(r.checked)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')
  console.log(`[fault] ${test}: injected ${r.faults.join('; ')}; checked ${checked}; lost ${r.lost}`)
}
