// `npm run cluster -- up [N]` starts PostgreSQL, Redis, N hub processes and nginx in front of them on
// this machine (loopback ports), seeded explicitly with the demo city; `npm run cluster -- down`
// stops it all. Endpoints are written to infra/.cluster/endpoints.json. Used by the scale-out tests.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, initPostgres, postgresBin } from '../apps/api/src/testing/postgres'
import { hubCommand, hubEnvironment, readinessPath, renderNginx } from './deployment'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// `--state <folder>` keeps a second cluster's files apart from the first (the fault tests run their own).
const stateAt = process.argv.indexOf('--state')
const state = stateAt > 0 ? resolve(process.argv[stateAt + 1]!) : join(root, 'infra', '.cluster')
const endpointsFile = join(state, 'endpoints.json')
const isRoot = process.getuid?.() === 0

/** What `up` writes to endpoints.json (the fault tests read it to stop and start the parts). */
export interface Endpoints {
  proxy: string
  processes: { url: string; pid: number; port: number }[]
  databaseUrl: string
  redisUrl: string
  pgDir: string
  pgBin: string
  redisPid: number
  nginxConf: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const run = (cmd: string, args: string[], opts: { asPostgres?: boolean; env?: NodeJS.ProcessEnv } = {}) => {
  const [c, a] = opts.asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]
  return execFileSync(c, a, {
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

async function waitReady(url: string, ms = 120_000) {
  const t = Date.now()
  while (Date.now() - t < ms) {
    try {
      if ((await fetch(`${url}${readinessPath}`)).ok) return
    } catch {}
    await sleep(250)
  }
  throw new Error(`${url} did not become ready`)
}

async function up(n: number) {
  if (existsSync(endpointsFile)) await down()
  run('bash', [join(root, 'infra', 'ensure-deps.sh')])
  mkdirSync(state, { recursive: true })
  const bin = postgresBin()

  // PostgreSQL: a throwaway cluster in a temp folder.
  const pgDir = mkdtempSync(join(tmpdir(), 'hub-cluster-pg-'))
  const { url: databaseUrl } = await initPostgres(pgDir, '-c max_connections=300 -c fsync=on')

  // Redis: no persistence needed; it only carries messages between processes.
  const redisPort = await freePort()
  run('redis-server', [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--pidfile',
    join(state, 'redis.pid'),
    '--logfile',
    join(state, 'redis.log'),
    '--dir',
    state,
  ])
  const redisUrl = `redis://127.0.0.1:${redisPort}`
  for (let i = 0; i < 40 && !existsSync(join(state, 'redis.pid')); i++) await sleep(100)
  const redisPid = Number(readFileSync(join(state, 'redis.pid'), 'utf8').trim())

  // The demo city, seeded on request (a PostgreSQL database is never seeded by default).
  run(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/seed.ts')], {
    env: { DATABASE_URL: databaseUrl },
  })

  const processes: Endpoints['processes'] = []
  for (let i = 0; i < n; i++) {
    const port = await freePort()
    const log = openSync(join(state, `hub-${i}.log`), 'a')
    const child = spawn(process.execPath, [...hubCommand], {
      cwd: root,
      env: {
        ...process.env,
        ...hubEnvironment({ port, host: '127.0.0.1', databaseUrl, redisUrl }),
        // Tests read these logs only when something fails.
        LOG_LEVEL: 'warn',
      },
      detached: true,
      stdio: ['ignore', log, log],
    })
    child.unref()
    processes.push({ url: `http://127.0.0.1:${port}`, pid: child.pid!, port })
  }
  for (const p of processes) await waitReady(p.url)

  const proxyPort = await freePort()
  const conf = renderNginx({
    state,
    listen: `127.0.0.1:${proxyPort}`,
    upstreams: processes.map((p) => ({ host: '127.0.0.1', port: p.port })),
  })
  const nginxConf = join(state, 'nginx.conf')
  writeFileSync(nginxConf, conf)
  run(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', [
    '-p',
    state,
    '-c',
    nginxConf,
    '-e',
    join(state, 'nginx-error.log'),
  ])
  const proxy = `http://127.0.0.1:${proxyPort}`
  await waitReady(proxy)
  const endpoints: Endpoints = { proxy, processes, databaseUrl, redisUrl, pgDir, pgBin: bin, redisPid, nginxConf }
  writeFileSync(endpointsFile, JSON.stringify(endpoints, null, 2))
  console.log(JSON.stringify({ proxy, processes: processes.map((p) => p.url), databaseUrl, redisUrl }, null, 2))
}

const kill = (pid: number, signal: NodeJS.Signals | 0) => {
  try {
    process.kill(pid, signal)
    return true
  } catch {
    return false
  }
}

async function down() {
  if (!existsSync(endpointsFile)) return
  const ep = JSON.parse(readFileSync(endpointsFile, 'utf8')) as Endpoints
  try {
    run(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', [
      '-p',
      state,
      '-c',
      ep.nginxConf,
      '-e',
      join(state, 'nginx-error.log'),
      '-s',
      'stop',
    ])
  } catch {}
  for (const p of ep.processes) kill(-p.pid, 'SIGTERM') || kill(p.pid, 'SIGTERM')
  for (let i = 0; i < 50 && ep.processes.some((p) => kill(p.pid, 0)); i++) await sleep(200)
  for (const p of ep.processes) kill(-p.pid, 'SIGKILL') || kill(p.pid, 'SIGKILL')
  kill(ep.redisPid, 'SIGTERM')
  try {
    run(`${ep.pgBin}/pg_ctl`, ['-D', `${ep.pgDir}/data`, '-m', 'fast', '-w', 'stop'], { asPostgres: true })
  } catch {}
  rmSync(ep.pgDir, { recursive: true, force: true })
  rmSync(state, { recursive: true, force: true })
}

const [command, count] = process.argv.slice(2)
if (command === 'up') await up(Number(count ?? 2))
else if (command === 'down') await down()
else {
  console.error('usage: npm run cluster -- up [N] | down')
  process.exit(1)
}
