// Issue 18's API benchmarks, each figure beside a peer measured in the same run (the machine is shared,
// so only ratios carry over): the authenticated, filtered task list over 100,000 tasks against a Hono
// hello-world under autocannon; the RSS of the idle hub, and after 10,000 live connections opened and
// closed, against the hello-world's.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { io } from 'socket.io-client'
import { call, cleanup, login, type Row, root, startProcess } from './harness'
import { addTasksOnPostgres, cannon, cityWithTasks, type LoadResult, startPeer } from './load'

/** Resident memory of a process, MB (Linux /proc). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024
}

const row = (bench: string, unit: string, v: number, peer: string, peerValue: number, extra: Partial<Row> = {}) => ({
  bench,
  n: extra.n ?? 1,
  p50: v,
  p95: v,
  p99: v,
  max: v,
  unit,
  peer,
  peerValue,
  ratio: v / peerValue,
  ...extra,
})

/**
 * The board every commune refreshes at once: a district head's in-progress tasks of his district, page
 * of 50, over 100,000 more tasks; on PGlite (one process, as `npm start` runs it), then on PostgreSQL
 * with 2 hub processes behind nginx (`npm run cluster`), each beside a Hono hello-world in the same run.
 */
export async function apiLoad(): Promise<Row[]> {
  const dataDir = await cityWithTasks(100_000)
  const hub = await startProcess(dataDir)
  const hello = await startPeer('hello.ts')
  try {
    const rows = await boardLoad(hub.base, hello.base, 'PGlite', true)
    await hub.stop()
    return [...rows, ...(await clusterLoad(hello.base))]
  } finally {
    await hello.stop()
    await hub.stop()
    cleanup(dataDir)
  }
}

/** The cluster of `npm run cluster -- up 2` (its own state folder), with 100,000 more tasks, measured as boardLoad. */
async function clusterLoad(helloBase: string): Promise<Row[]> {
  const state = mkdtempSync(join(tmpdir(), 'hub-bench-cluster-'))
  const cluster = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'infra/cluster.ts', ...args, '--state', state], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      timeout: 600_000,
    })
  try {
    cluster('up', '2')
    const ep = JSON.parse(readFileSync(join(state, 'endpoints.json'), 'utf8')) as { proxy: string; databaseUrl: string }
    await addTasksOnPostgres(ep.databaseUrl, 100_000)
    return await boardLoad(ep.proxy, helloBase, 'PostgreSQL, 2 processes + nginx', false)
  } finally {
    cluster('down')
    cleanup(state)
  }
}

/** The task list under load at `base` (a hub or a proxy), with the hello-world at `helloBase` run before each. */
async function boardLoad(base: string, helloBase: string, engine: string, withWrites: boolean): Promise<Row[]> {
  const cookie = await login(base, 'tayho@demo.local')
  const tayho = (await call(base, cookie, 'GET', '/api/units?kind=district')).json.units.find(
    (u: { name: string }) => u.name === 'Quận Tây Hồ',
  ).id
  const url = `${base}/api/tasks?unitId=${tayho}&includeSubunits=true&status=in_progress&limit=50&offset=100`
  const first = await call(base, cookie, 'GET', url.slice(base.length))
  if (first.status !== 200) throw new Error(`task list: ${first.status}`)
  const total = first.json.total as number
  const text = JSON.stringify(first.json)
  const size = `answer ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${(gzipSync(text).length / 1024).toFixed(1)} KB gzipped`
  // Requests still queued when a run stops are answered before a later one: wait until one request
  // sent alone is answered, so that each run starts on an idle hub (the queue is first come, first served).
  // As a browser asks: gzip taken (the board's answer is kept with its gzip).
  const headers = { cookie, 'accept-encoding': 'gzip, deflate, br' }
  const drain = async () => {
    const res = await call(base, cookie, 'GET', url.slice(base.length))
    if (res.status !== 200) throw new Error(`task list: ${res.status}`)
  }
  await cannon(url, 20, 3, headers)
  await drain()
  const run = async (connections: number): Promise<[LoadResult, LoadResult]> => {
    const peer = await cannon(helloBase, connections, 10, headers)
    const ours = await cannon(url, connections, 10, headers)
    await drain()
    return [peer, ours]
  }
  const [hello20, hub20] = await run(20)
  const [hello200, hub200] = await run(200)
  const note = (r: LoadResult) =>
    `${r.requests} answers in 10 s${r.non2xx || r.errors || r.timeouts ? `, ${r.non2xx} not 2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ''}`
  const scope = `district head, Tây Hồ + wards, status filter, ${total} matching of 100,000+ tasks, page 3 of 50 (${size}, gzip asked as browsers do)`
  const tag = engine === 'PGlite' ? '' : ` (${engine})`
  const rows: Row[] = [
    row(`task list, 20 clients (${engine})`, 'req/s', hub20.rps, 'Hono hello-world', hello20.rps, {
      n: hub20.requests,
      target: '≥ 0.3×',
      note: `${scope}; ${note(hub20)}`,
    }),
    row(`task list, 20 clients: p99${tag}`, 'ms', hub20.p99, 'Hono hello-world', hello20.p99, { n: hub20.requests }),
    {
      ...row(`task list, 200 clients (${engine})`, 'ms', hub200.p99, 'Hono hello-world', hello200.p99, {
        n: hub200.requests,
        target: 'p99 ≤ 50 ms, max ≤ 1 s',
        note: `${note(hub200)}; hello-world p50 ${hello200.p50} ms, max ${hello200.max} ms`,
      }),
      p50: hub200.p50,
      p95: Number.NaN,
      max: hub200.max,
    },
    row(`task list, 200 clients: throughput${tag}`, 'req/s', hub200.rps, 'Hono hello-world', hello200.rps, {
      n: hub200.requests,
    }),
  ]
  if (!withWrites) return rows
  // The worst hour also writes: a task of the board changes every second (its progress, as a commune
  // reports), so every kept answer is dropped and the next request computes the page again.
  let task = first.json.tasks[0]
  let writes = 0
  let writing = true
  const writer = (async () => {
    while (writing) {
      const res = await call(base, cookie, 'PATCH', `/api/tasks/${task.id}`, {
        version: task.version,
        progress: task.progress === 41 ? 42 : 41,
      })
      if (res.status !== 200) throw new Error(`write during the load: ${res.status}`)
      task = res.json.task
      writes++
      await new Promise((r) => setTimeout(r, 1000))
    }
  })()
  const hubWrites = await cannon(url, 200, 10, headers)
  writing = false
  await writer
  await drain()
  rows.push(
    {
      ...row(
        'task list, 200 clients, a task written every second',
        'ms',
        hubWrites.p99,
        'Hono hello-world',
        hello200.p99,
        {
          n: hubWrites.requests,
          target: 'p99 ≤ 50 ms, max ≤ 1 s',
          note: `${note(hubWrites)}; ${writes} writes (PATCH progress) during the run, each dropping the kept answers`,
        },
      ),
      p50: hubWrites.p50,
      p95: Number.NaN,
      max: hubWrites.max,
    },
    row(
      'task list, 200 clients, a write every second: throughput',
      'req/s',
      hubWrites.rps,
      'Hono hello-world',
      hello200.rps,
      {
        n: hubWrites.requests,
      },
    ),
  )
  return rows
}

/**
 * RSS of the hub idle with the demo city (after a login and a board), beside an idle hello-world; then
 * after 10,000 open/close cycles of what a user opens most, a live connection (socket.io, session cookie,
 * a subscription to his district's room, closed), 50 at a time: what the cycles leave behind.
 */
export async function memory(): Promise<Row[]> {
  const hub = await startProcess()
  const hello = await startPeer('hello.ts')
  try {
    const cookie = await login(hub.base, 'bithu@demo.local')
    await call(hub.base, cookie, 'GET', '/api/tasks?limit=50')
    await new Promise((r) => setTimeout(r, 3000))
    const pid = hub.child.pid!
    const idle = rssMb(pid)
    const tayho = await login(hub.base, 'tayho@demo.local')
    const tayhoId = (await call(hub.base, cookie, 'GET', '/api/units?kind=district')).json.units.find(
      (u: { name: string }) => u.name === 'Quận Tây Hồ',
    ).id
    const cycles = 10_000
    const t0 = performance.now()
    let failed = 0
    for (let done = 0; done < cycles; done += 50)
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const s = io(hub.base, { transports: ['websocket'], extraHeaders: { cookie: tayho }, reconnection: false })
          try {
            await new Promise<void>((r, j) => {
              s.once('connect', () => r())
              s.once('connect_error', j)
            })
            const ack = await s.timeout(30_000).emitWithAck('subscribe', `unit:${tayhoId}`)
            if (!ack?.ok) failed++
          } catch {
            failed++
          } finally {
            s.close()
          }
        }),
      )
    const seconds = (performance.now() - t0) / 1000
    await new Promise((r) => setTimeout(r, 3000))
    const after = rssMb(pid)
    const helloRss = rssMb(hello.pid)
    return [
      row('RSS idle, demo city (PGlite in process)', 'MB', idle, 'Hono hello-world', helloRss, {
        target: '≤ 250 MB',
        note: 'after a login and one board; /proc VmRSS',
      }),
      row(`RSS after ${cycles.toLocaleString('en')} open/close cycles`, 'MB', after, 'Hono hello-world', helloRss, {
        n: cycles,
        target: '≤ 250 MB',
        note: `live connections (socket.io, session cookie, subscribe to a district room, close), 50 at a time, in ${seconds.toFixed(0)} s (${failed} failed); RSS 3 s after the last; idle before: ${idle.toFixed(0)} MB`,
      }),
    ]
  } finally {
    await hello.stop()
    await hub.stop()
    cleanup(hub.dataDir)
  }
}
