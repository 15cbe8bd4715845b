// `npm run bench`: measures the hub as users meet it, each figure of issue 18 beside a peer measured in
// the same run (the machine is shared with other work, so absolute figures move; ratios carry), and
// writes bench-results/results.md (a table) and results.json. Speed is measured here, never asserted
// in tests. `npm run bench -- <suite>` runs the suites whose name contains it and keeps the others'.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { type Row, root } from './harness'
import { benches } from './suites'

const dir = join(root, 'bench-results')
const only = process.argv[2]
const fresh: (Row & { suite: string; at?: string })[] = []
const failed: string[] = []
for (const [name, bench] of Object.entries(benches)) {
  if (only && !name.includes(only)) continue
  process.stdout.write(`bench ${name} ... `)
  const t = performance.now()
  try {
    fresh.push(...(await bench()).map((r) => ({ ...r, suite: name, at: new Date().toISOString().slice(0, 16) })))
    console.log(`${Math.round(performance.now() - t)} ms`)
  } catch (e) {
    failed.push(name)
    console.log(`failed: ${(e as Error).message}`)
  }
}
// A partial run (`npm run bench -- collab`) keeps the other suites' last results, read now rather than
// at the start, so that suites run at the same time in two processes do not write back each other's old rows.
const previous: (Row & { suite: string; at?: string })[] = existsSync(join(dir, 'results.json'))
  ? JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows
  : []
const ran = new Set(fresh.map((r) => r.suite))
const rows = [...previous.filter((r) => r.suite && !ran.has(r.suite)), ...fresh].sort(
  (a, b) => Object.keys(benches).indexOf(a.suite) - Object.keys(benches).indexOf(b.suite),
)
const fmt = (x: number | undefined) =>
  x === undefined || x === null || !Number.isFinite(x) ? '' : x >= 100 ? x.toFixed(0) : x.toFixed(1)
const ratio = (r: Row) =>
  r.ratio === undefined || !Number.isFinite(r.ratio)
    ? ''
    : `${r.ratio < 0.1 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}×`
const table = [
  '| bench | n | p50 | p95 | p99 | max | unit | peer (same run) | peer | ratio | target | note | measured (UTC) |',
  '|---|---:|---:|---:|---:|---:|---|---|---:|---:|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.bench} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.unit} | ${r.peer ?? ''} | ${fmt(r.peerValue)} | ${ratio(r)} | ${r.target ?? ''} | ${r.note ?? ''} | ${r.at?.replace('T', ' ') ?? 'an earlier run'} |`,
  ),
].join('\n')
const version = (pkg: string) =>
  JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version as string
const machine = [
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end (shared with other work)`,
  `Node ${process.version}, PGlite ${version('@electric-sql/pglite')}, Hono ${version('hono')}, autocannon ${version('autocannon')}`,
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
].join('; ')
mkdirSync(dir, { recursive: true })
writeFileSync(
  join(dir, 'results.md'),
  `# Benchmark results\n\n${machine}\n\nEach figure of issue 18 stands beside a peer measured in the same run; the ratio is ours / the peer's. Where a target is missed, bench-results/profile.md says what limits it.\n\n${table}\n`,
)
writeFileSync(join(dir, 'results.json'), JSON.stringify({ machine, rows }, null, 2))
console.log(`\n${machine}\n\n${table}\n\nwritten to bench-results/results.md`)
process.exit(failed.length ? 1 : 0)
