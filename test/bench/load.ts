// Load for the API benchmarks and the profile: the demo city grown to 100,000 tasks, a peer process,
// and autocannon runs (many clients at once, each waiting for its answer before sending the next).
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'
import pg from 'pg'
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

/**
 * Adds `n` in-progress tasks to a PostgreSQL database holding the demo city (the cluster's), led in
 * turn by each district and commune, due over the next 60 days; as cityWithTasks does for PGlite.
 */
export async function addTasksOnPostgres(databaseUrl: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(
      `insert into tasks (title, description, lead_unit_id, due_at, status, progress)
       select 'Nhiệm vụ tải thử ' || i, 'Nhiệm vụ đo hiệu năng', u.a[1 + i % array_length(u.a, 1)],
              current_date + (i % 60), 'in_progress', 10
       from generate_series(1, $1::int) i,
            (select array_agg(id order by code) a from units where kind in ('district', 'commune')) u`,
      [n],
    )
    await client.query('analyze tasks')
  } finally {
    await client.end()
  }
}
