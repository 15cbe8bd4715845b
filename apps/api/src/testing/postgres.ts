// Throwaway PostgreSQL servers on this machine (Debian's packages): the API tests' database and the
// scale-out cluster's (infra/cluster.ts starts its server through `initPostgres`).
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PG_ROOT = '/usr/lib/postgresql'
const isRoot = process.getuid?.() === 0

/** Whether the machine has a PostgreSQL server to start for tests (Debian's packages). */
export function postgresInstalled(): boolean {
  return existsSync(PG_ROOT) && readdirSync(PG_ROOT).some((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
}

/** The bin folder of the newest PostgreSQL installed. */
export const postgresBin = () => join(PG_ROOT, readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))[0]!, 'bin')

/** Runs a PostgreSQL command; PostgreSQL refuses to run as root, so as root it runs as the postgres user. */
export const asPostgres = (cmd: string, args: string[]) =>
  execFileSync(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  return await new Promise((res) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => res(port))
    })
  })
}

/**
 * Creates a PostgreSQL cluster in `dir` (data in `dir/data`, log in `dir/log`), starts it on a free
 * loopback port with the given server settings (`-c name=value ...`) and creates the empty database `hub`.
 */
export async function initPostgres(dir: string, settings: string): Promise<{ url: string; port: number }> {
  const bin = postgresBin()
  if (isRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, id('-u'), id('-g'))
  }
  const port = await freePort()
  asPostgres(join(bin, 'initdb'), ['-D', `${dir}/data`, '-A', 'trust', '-U', 'hub', '-E', 'UTF8', '--locale=C.UTF-8'])
  asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`,
    'start',
  ])
  execFileSync(
    join(bin, 'psql'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'hub', '-d', 'postgres', '-c', 'create database hub'],
    { stdio: 'ignore' },
  )
  return { url: `postgres://hub@127.0.0.1:${port}/hub`, port }
}

/**
 * A throwaway PostgreSQL server in a temp folder on a loopback port, with an empty database `hub`;
 * `stop()` shuts it down and removes the folder.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'))
  const { url } = await initPostgres(dir, '-c fsync=off')
  return {
    url,
    stop: () => {
      try {
        asPostgres(join(postgresBin(), 'pg_ctl'), ['-D', `${dir}/data`, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
