// Where the time of the authenticated, filtered task list goes (issue 18): the hub in this process on
// PGlite with 100,000 extra tasks, every statement traced (count and time per request), the event-loop
// delay and a CPU profile while autocannon (another process) loads it. Prints a summary and writes
// bench-results/profile.json; bench-results/profile.md explains it. Run: node --import tsx test/bench/profile.ts
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { PGlite } from '@electric-sql/pglite'
import pino from 'pino'
import { startHub } from '../../apps/api/src/hub'
import { freePort } from '../helpers/hub'
import { call, cleanup, login, root } from './harness'
import { cityWithTasks } from './load'

type Stmt = { sql: string; ms: number }
let current: Stmt[] | null = null
const original = PGlite.prototype.query
PGlite.prototype.query = async function (this: PGlite, ...args: Parameters<PGlite['query']>) {
  const t = performance.now()
  try {
    return await original.apply(this, args)
  } finally {
    current?.push({ sql: String(args[0]).replace(/\s+/g, ' ').slice(0, 140), ms: performance.now() - t })
  }
} as PGlite['query']

const dataDir = process.argv[2] ?? (await cityWithTasks(100_000))
const port = await freePort()
const hub = await startHub({
  dataDir,
  port,
  host: '127.0.0.1',
  services: new Set(['api']),
  seed: 'never',
  demoPassword: 'demo1234',
  log: pino({ level: 'silent' }),
  scheduler: false,
})
const base = `http://127.0.0.1:${port}`
const out: Record<string, unknown> = {}
try {
  const cookie = await login(base, 'tayho@demo.local')
  const tayho = (await call(base, cookie, 'GET', '/api/units?kind=district')).json.units.find(
    (u: { name: string }) => u.name === 'Quận Tây Hồ',
  ).id
  const path = `/api/tasks?unitId=${tayho}&includeSubunits=true&status=in_progress&limit=50&offset=100`
  // 1. Sequential: what one request runs.
  const perRequest: Stmt[][] = []
  const wall: number[] = []
  for (let i = 0; i < 60; i++) {
    current = []
    const t = performance.now()
    const r = await call(base, cookie, 'GET', path)
    if (r.status !== 200) throw new Error(`list: ${r.status}`)
    wall.push(performance.now() - t)
    perRequest.push(current)
    current = null
  }
  const steady = perRequest.slice(10)
  const byStmt = new Map<string, number[]>()
  for (const req of steady) for (const s of req) byStmt.set(s.sql, [...(byStmt.get(s.sql) ?? []), s.ms])
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  out.sequential = {
    path,
    statementsPerRequest: median(steady.map((r) => r.length)),
    sqlMsPerRequest: median(steady.map((r) => r.reduce((a, s) => a + s.ms, 0))),
    wallMsPerRequest: median(wall.slice(10)),
    statements: [...byStmt].map(([sql, ms]) => ({ sql, perRequest: ms.length / steady.length, medianMs: median(ms) })),
  }
  // 2. Under load: event-loop delay and a CPU profile of this process, autocannon in another.
  const session = new Session()
  session.connect()
  const load = async (connections: number) => {
    const eld = monitorEventLoopDelay({ resolution: 5 })
    eld.enable()
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/autocannon/autocannon.js'),
        '-j',
        '-c',
        String(connections),
        '-d',
        '10',
        '-t',
        '30',
        '-H',
        `cookie=${cookie}`,
        '-H',
        'accept-encoding=gzip, deflate, br',
        base + path,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
    let json = ''
    child.stdout.on('data', (d) => {
      json += d
    })
    await new Promise((r) => child.once('exit', r))
    eld.disable()
    const r = JSON.parse(json)
    return {
      connections,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      non2xx: r.non2xx,
      eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
      eventLoopDelayMaxMs: eld.max / 1e6,
    }
  }
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  out.load = [await load(20), await load(200)]
  const { profile } = await session.post('Profiler.stop')
  // Self time by where it is spent, then the hottest functions.
  const total = profile.samples?.length ?? 1
  const hits = new Map<number, number>()
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1)
  const self = new Map<string, number>()
  const areas = new Map<string, number>()
  const areaOf = (url: string, name: string) =>
    url.startsWith('wasm://')
      ? 'PGlite engine (WASM, on the event loop)'
      : url.includes('@electric-sql/pglite')
        ? 'PGlite JS (protocol, results)'
        : url.includes('drizzle-orm')
          ? 'Drizzle (SQL building, row mapping)'
          : /hono|@hono/.test(url)
            ? 'Hono + node-server'
            : url.includes('zod')
              ? 'zod'
              : /\/(apps|packages)\//.test(url) && !url.includes('node_modules')
                ? 'hub code'
                : name.startsWith('(')
                  ? name
                  : 'Node and other libraries'
  for (const node of profile.nodes) {
    const f = node.callFrame
    const n = hits.get(node.id) ?? 0
    const where = f.url
      ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages|test)\//, '$1/')}:${f.lineNumber + 1}`
      : ''
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim()
    self.set(key, (self.get(key) ?? 0) + n)
    const area = areaOf(f.url, f.functionName)
    areas.set(area, (areas.get(area) ?? 0) + n)
  }
  const pct = (n: number) => Math.round((1000 * n) / total) / 10
  out.cpuByArea = [...areas].sort((a, b) => b[1] - a[1]).map(([area, n]) => ({ area, selfPercent: pct(n) }))
  out.hottest = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([fn, n]) => ({ fn, selfPercent: pct(n) }))
  session.disconnect()
} finally {
  await hub.close()
  if (!process.argv[2]) cleanup(dataDir)
}
writeFileSync(join(root, 'bench-results', 'profile.json'), JSON.stringify(out, null, 2))
console.log(JSON.stringify(out, null, 2))
process.exit(0)
