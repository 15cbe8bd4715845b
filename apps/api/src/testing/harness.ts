// The API under test in-process: a real hub app over PGlite (or PostgreSQL) with the demo city, and the
// hooks that give a test file one, signed in as the demo accounts it names.
import { hashPassword, LoginThrottle } from '@hub/auth'
import { createDb, type DbHandle } from '@hub/db'
import { seedDemo } from '@hub/seed'
import pino from 'pino'
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../app'
import type { Deps } from '../context'
import { Outbox } from '../services/outbox'
import { UnitDirectory } from '../services/unit-directory'
import { lateBound } from './late-bound'
import { postgresInstalled, startPostgres } from './postgres'

export const TEST_ORIGIN = 'http://hub.test'
let cachedHash: string | null = null

export interface TestHub {
  app: ReturnType<typeof createApp>
  deps: Deps
  dbh: DbHandle
  outbox: Outbox
  /** Logs in and returns the Cookie header value. */
  login(email: string, password?: string): Promise<string>
  request(
    method: string,
    path: string,
    opts?: { cookie?: string; body?: unknown; raw?: string; origin?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; json: any; headers: Headers }>
  close(): Promise<void>
}

/** A real hub app on an in-memory PGlite (or a given PostgreSQL) with the demo city, driven through app.request(). */
export async function createTestHub(
  options: {
    seed?: boolean
    trustProxy?: boolean
    /** PostgreSQL instead of PGlite (an empty database). */
    databaseUrl?: string
    /** The demo city of 2021 alone (default: the fixture these tests were written against), or through the 2025 reform to today. */
    tree?: 'today' | '2021'
  } = {},
): Promise<TestHub> {
  const dbh = await createDb(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: 'memory://' })
  if (options.seed !== false) {
    cachedHash ??= await hashPassword('demo1234')
    await seedDemo(dbh.db, { passwordHash: cachedHash, tree: options.tree ?? '2021' })
  }
  const units = new UnitDirectory(dbh.db)
  await units.reload()
  const log = pino({ level: 'silent' })
  const outbox = new Outbox(dbh.db, log)
  const deps: Deps = {
    dbh,
    units,
    log,
    eventsWritten: () => void outbox.kick(),
    sessionsEnded: () => {},
    publicOrigin: TEST_ORIGIN,
    trustProxy: options.trustProxy ?? true,
    throttle: new LoginThrottle(dbh.db),
    secureCookies: false,
    health: async () => ({ database: 'ok' }),
  }
  const app = createApp(deps)
  const request: TestHub['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { host: 'hub.test', ...opts.headers }
    if (opts.origin !== null) headers.origin = opts.origin ?? TEST_ORIGIN
    if (opts.cookie) headers.cookie = opts.cookie
    let body: string | undefined
    if (opts.raw !== undefined) body = opts.raw
    else if (opts.body !== undefined) body = JSON.stringify(opts.body)
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await app.request(`http://hub.test${path}`, { method, headers, body })
    const text = await res.text()
    let json: any = null
    try {
      json = JSON.parse(text)
    } catch {}
    return { status: res.status, json, headers: res.headers }
  }
  return {
    app,
    deps,
    dbh,
    outbox,
    request,
    async login(email, password = 'demo1234') {
      const res = await app.request('http://hub.test/api/auth/login', {
        method: 'POST',
        headers: { host: 'hub.test', origin: TEST_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
    },
    async close() {
      await outbox.stop()
      await dbh.close()
    },
  }
}

/** The engines a behaviour is tested on: the embedded PGlite, and PostgreSQL when the machine has it installed. */
export const ENGINES: Engine[] = postgresInstalled() ? ['PGlite', 'PostgreSQL'] : ['PGlite']
export type Engine = 'PGlite' | 'PostgreSQL'

/** A test hub on an engine: on PostgreSQL a throwaway server, stopped when the hub closes. */
export async function createTestHubOn(
  engine: Engine,
  options: Omit<Parameters<typeof createTestHub>[0] & {}, 'databaseUrl'> = {},
): Promise<TestHub> {
  if (engine === 'PGlite') return await createTestHub(options)
  const postgres = await startPostgres()
  try {
    const hub = await createTestHub({ ...options, databaseUrl: postgres.url })
    return {
      ...hub,
      async close() {
        await hub.close()
        postgres.stop()
      },
    }
  } catch (e) {
    postgres.stop()
    throw e
  }
}

/** Cookies of the demo accounts a test signed in as, by short name ('bithu' for bithu@demo.local). */
export type SignedIn<N extends string> = Record<N, string>

/** Signs in as each demo account (short names) and returns their cookies by name. */
export async function signIn<const N extends string>(
  login: (email: string) => Promise<string>,
  names: readonly N[],
): Promise<SignedIn<N>> {
  const cookies = {} as SignedIn<N>
  for (const name of names) cookies[name] = await login(`${name}@demo.local`)
  return cookies
}

/**
 * The usual setup of an API test file, as hooks: a test hub (on `engine`, PGlite by default) started
 * before the file's tests and closed after them, signed in as `accounts` (the first one also reads the
 * districts behind `unitNamed`, when asked for).
 */
export function useTestHub<const N extends string>(
  options: Omit<Parameters<typeof createTestHub>[0] & {}, 'databaseUrl'> & {
    engine?: Engine
    accounts: readonly N[]
    /** Load the districts so that unitNamed answers. */
    districts?: boolean
    /** For a slow seed (the city through the reform). */
    timeoutMs?: number
  },
): { hub: TestHub; as: SignedIn<N>; unitNamed: (name: string) => string } {
  const { engine = 'PGlite', accounts, districts: withDistricts, timeoutMs, ...hubOptions } = options
  const hub = lateBound<TestHub>('the test hub')
  const as = {} as SignedIn<N>
  let districts: { id: string; name: string }[] | undefined
  let made: TestHub | undefined
  beforeAll(async () => {
    made = await createTestHubOn(engine, hubOptions)
    hub.set(made)
    Object.assign(as, await signIn(made.login, accounts))
    if (withDistricts) {
      const cookie = as[accounts[0]!]
      districts = (await made.request('GET', '/api/units?kind=district', { cookie })).json.units
    }
  }, timeoutMs)
  afterAll(async () => {
    await made?.close()
  })
  const unitNamed = (name: string) => {
    const found = districts?.find((d) => d.name.includes(name))
    if (!found) throw new Error(`no district named ${name}${districts ? '' : ' (ask useTestHub for districts)'}`)
    return found.id
  }
  return { hub: hub.value, as, unitNamed }
}
