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
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 })
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
    const client = inMemory ? new PGlite() : new PGlite(resolve(dir, 'pg'))
    await client.waitReady
    const inFlight = countInFlight(client)
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

/**
 * Counts the calls into PGlite that have not finished (queued behind its one connection or running):
 * the depth of its queue, for the metrics. Wraps the instance's entry points that Drizzle uses.
 */
function countInFlight(client: PGlite): () => number {
  let n = 0
  const wrap = <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (async (...args: A) => {
      n++
      try {
        return await f(...args)
      } finally {
        n--
      }
    }) as typeof f
  client.query = wrap(client.query.bind(client)) as typeof client.query
  client.exec = wrap(client.exec.bind(client)) as typeof client.exec
  client.transaction = wrap(client.transaction.bind(client)) as typeof client.transaction
  return () => n
}
