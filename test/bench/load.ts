// Load for the API benchmarks and the profile: the demo city grown to 100,000 tasks, a peer process,
// and autocannon runs (many clients at once, each waiting for its answer before sending the next).
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'
import { freePort } from '../helpers/hub'
import { root, startProcess } from './harness'
import { addBulkTasks } from './search'

/** A data folder with the demo city and `n` more tasks, ready for `startProcess(dir)`. */
export async function cityWithTasks(n: number): Promise<string> {
  const hub = await startProcess()
  await hub.stop()
  await addBulkTasks(hub.dataDir, n)
  return hub.dataDir
}

/** Starts a peer server script (test/bench/peers/*.ts) in its own process on a free port. */
export async function startPeer(script: string) {
  const port = await freePort()
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', `test/bench/peers/${script}`], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited`)
    try {
      if ((await fetch(base)).status < 500) break
    } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    base,
    pid: child.pid!,
    startMs: performance.now() - t0,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    },
  }
}

export interface LoadResult {
  connections: number
  requests: number
  rps: number
  p50: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
}

/** `connections` clients sending GET `url` back to back for `seconds`. */
export async function cannon(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds, headers, timeout: 30 })
  return {
    connections,
    requests: r.requests.total,
    rps: r.requests.total / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  }
}
