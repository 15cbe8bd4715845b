import { hashPassword, LoginThrottle } from '@hub/auth'
import { createDb, type DbHandle } from '@hub/db'
import { seedDemo } from '@hub/seed'
import pino from 'pino'
import { createApp } from '../app'
import type { Deps } from '../context'
import { Outbox } from '../services/outbox'
import { UnitDirectory } from '../services/unit-directory'

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
