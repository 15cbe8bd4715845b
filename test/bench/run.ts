// `npm run bench`: measures the hub as users meet it and writes bench-results/results.md (a table)
// and results.json. Speed is measured here, never asserted in tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { type Row, root } from './harness'
import { benches } from './suites'

const dir = join(root, 'bench-results')
const previous: (Row & { suite: string })[] = existsSync(join(dir, 'results.json'))
  ? JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows
  : []
const only = process.argv[2]
const fresh: (Row & { suite: string })[] = []
for (const [name, bench] of Object.entries(benches)) {
  if (only && !name.includes(only)) continue
  process.stdout.write(`bench ${name} ... `)
  const t = performance.now()
  fresh.push(...(await bench()).map((r) => ({ ...r, suite: name })))
  console.log(`${Math.round(performance.now() - t)} ms`)
}
// A partial run (`npm run bench -- collab`) keeps the other suites' last results.
const ran = new Set(fresh.map((r) => r.suite))
const rows = [...previous.filter((r) => r.suite && !ran.has(r.suite)), ...fresh].sort(
  (a, b) => Object.keys(benches).indexOf(a.suite) - Object.keys(benches).indexOf(b.suite),
)
const fmt = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–')
const table = [
  '| bench | n | p50 | p95 | p99 | max | unit | note |',
  '|---|---:|---:|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.bench} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.unit} | ${r.note ?? ''} |`,
  ),
].join('\n')
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'results.md'), `# Benchmark results\n\n${machine}\n\n${table}\n`)
writeFileSync(join(dir, 'results.json'), JSON.stringify({ machine, rows }, null, 2))
console.log(`\n${machine}\n\n${table}\n\nwritten to bench-results/results.md`)
process.exit(0)
