import { AsyncLocalStorage } from 'node:async_hooks'
import { cpSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { lockDataDir } from './lock'
import * as schema from './schema/index'

export type Schema = typeof schema
/** One typed handle for both drivers: every query is written once against the PgDatabase base. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** A handle or an open transaction: domain functions accept either. */
export type DbOrTx = Db | Tx

export interface DbConfig {
  /** PostgreSQL connection string; wins over dataDir. */
  databaseUrl?: string
  /** PGlite folder; `memory://` for an in-memory database (tests). */
  dataDir?: string
  /** Pool size for PostgreSQL. */
  poolSize?: number
  /**
   * PGlite on disk: a prepared PGlite folder (closed cleanly) copied in when the data folder is new,
   * instead of starting from an empty database. Asked for only then, under the data folder's lock.
   */
  initialFolder?: () => Promise<string | undefined>
}

/** What a metrics scrape can see of the database connection(s). */
export type DbStats =
  | { kind: 'postgres'; total: number; idle: number; waiting: number; inFlight: number }
  | { kind: 'pglite'; inFlight: number }

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Pool state (PostgreSQL) and queries in flight (PGlite runs them one at a time, so the rest queue). */
  stats(): DbStats
  /** Runs a raw SQL statement (health checks, advisory locks). */
  ping(): Promise<void>
  close(): Promise<void>
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'drizzle')

/**
 * Opens PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (locked against a second
 * process), and applies the committed migrations.
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    // A bound on connecting: an unreachable server fails a request (503) instead of hanging it.
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    })
    // An idle connection cut by the server (a restart) is dropped by the pool, which opens a new one
    // for the next query; unheard, this error would end the process.
    pool.on('error', () => {})
    // A connection cut while checked out (mid-transaction) errors on its client, which the pool does
    // not listen to then: heard here, the transaction fails (503) and the pool drops the client.
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = drizzlePg(pool, { schema })
    // Processes of a cluster start together: one migrates while the others wait on this lock.
    const lock = await pool.connect()
    try {
      await lock.query('select pg_advisory_lock(7317001)')
      await migratePg(db, { migrationsFolder })
    } finally {
      await lock.query('select pg_advisory_unlock(7317001)').catch(() => {})
      lock.release()
    }
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      ping: async () => {
        await pool.query('select 1')
      },
      stats: () => ({
        kind: 'postgres',
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        inFlight: pool.totalCount - pool.idleCount + pool.waitingCount,
      }),
      close: () => pool.end(),
    }
  }
  const dir = config.dataDir ?? './data'
  const inMemory = dir.startsWith('memory://')
  const release = inMemory ? () => {} : lockDataDir(resolve(dir))
  try {
    const path = resolve(dir, 'pg')
    const prepared = !inMemory && !existsSync(join(path, 'PG_VERSION')) ? await config.initialFolder?.() : undefined
    if (prepared) cpSync(prepared, path, { recursive: true })
    const client = inMemory ? new PGlite() : new PGlite(path)
    await client.waitReady
    const inFlight = orderCalls(client)
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder })
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1')
      },
      stats: () => ({ kind: 'pglite', inFlight: inFlight() }),
      close: async () => {
        try {
          await client.close()
        } finally {
          release()
        }
      },
    }
  } catch (e) {
    release()
    throw e
  }
}

/** The arrival number of the request whose work is running (see inRequestOrder). */
const requestOrder = new AsyncLocalStorage<number>()
let arrivals = 0

/**
 * Runs `fn` as one request: its statements on PGlite go before those of requests that arrived after
 * it. Work outside any request (scheduler, outbox) takes its number when it asks.
 */
export function inRequestOrder<T>(fn: () => T): T {
  return requestOrder.run(++arrivals, fn)
}

/**
 * The one way into PGlite (it runs one statement at a time): calls wait in the order their requests
 * arrived, so the oldest request finishes first instead of every request of a burst advancing one
 * statement at a time and all finishing late. Also counts what waits or runs, for the metrics.
 * Wraps the instance's entry points that Drizzle uses; a transaction holds the way for its whole
 * length (its own statements go through the transaction object, not through here).
 */
function orderCalls(client: PGlite): () => number {
  const waiting: { order: number; go: () => void }[] = []
  let busy = false
  const enter = async (order: number) => {
    if (!busy) {
      busy = true
      return
    }
    await new Promise<void>((go) => {
      // Sorted by arrival: a binary search for the place after every earlier or equal one.
      let lo = 0
      let hi = waiting.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (waiting[mid]!.order <= order) lo = mid + 1
        else hi = mid
      }
      waiting.splice(lo, 0, { order, go })
    })
  }
  // After a request's statement the way is handed on after the current turn of the event loop: the
  // request usually asks for its next statement within it, and so keeps its place ahead of later ones.
  const handOn = () => {
    const next = waiting.shift()
    if (next) next.go()
    else busy = false
  }
  const leave = (inRequest: boolean) => {
    if (!waiting.length) busy = false
    else if (inRequest) setImmediate(handOn)
    else handOn()
  }
  const wrap = <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (async (...args: A) => {
      const request = requestOrder.getStore()
      await enter(request ?? ++arrivals)
      try {
        return await f(...args)
      } finally {
        leave(request !== undefined)
      }
    }) as typeof f
  client.query = wrap(client.query.bind(client)) as typeof client.query
  client.exec = wrap(client.exec.bind(client)) as typeof client.exec
  client.transaction = wrap(client.transaction.bind(client)) as typeof client.transaction
  return () => waiting.length + (busy ? 1 : 0)
}
