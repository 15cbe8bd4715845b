// Opening the database for every process of the hub: PostgreSQL when a URL is given, else PGlite in a
// locked data folder, migrated on open. On PGlite, statements run in the order their requests arrived
// and each table's committed writes are counted in the process; on PostgreSQL they are read from a row
// every process's commits raise. Either way the API's caches know when an answer is stale.

import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { lockDataDir } from './lock'
import * as schema from './schema/index'
import { clockedTables } from './schema/write-clock'

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
  /**
   * The committed writes of this database: counted in the process on PGlite (the data folder is locked
   * to one process, it sees every write), read from the shared `write_clock` row on PostgreSQL (other
   * processes write too; only the tables of `clockedTables` can be stamped there).
   */
  clock: WriteClock
}

/**
 * Counts the committed writes of each table, so that an answer computed from some tables can be
 * believed until one of them is written. Ordering: a table's count goes up after the write commits
 * and before the next statement runs; read the stamp before reading the data, and an answer is never
 * kept under a stamp newer than what it read.
 */
export interface WriteClock {
  /**
   * A stamp of these tables' writes: two equal stamps, no committed write to them in between. At once
   * on PGlite; on PostgreSQL one read of the shared row, begun after the call (see SharedClock).
   */
  stamp(tables: readonly string[]): string | Promise<string>
  /** Statements run so far, reads and writes (tests and metrics: what a burst of requests cost). */
  readonly statements: number
}

/** The tables a statement may write; '*' when it may write anything (DDL, an unknown form). */
export function tablesWritten(text: string): string[] {
  // Several statements in one text (the simple protocol: migrations, seeds): not read, everything.
  if (/;\s*\S/.test(text)) return ['*']
  const head = /^[\s(]*([a-z]+)/i.exec(text)?.[1]?.toLowerCase()
  if (!head || readOnly.has(head)) return []
  const tables = [...text.matchAll(writeTarget)].map((m) => m[1]!.toLowerCase())
  if (head === 'with') return tables
  return tables.length && dml.has(head) ? tables : ['*']
}
const readOnly = new Set(['select', 'show', 'explain', 'values', 'begin', 'commit', 'rollback', 'savepoint', 'release'])
const dml = new Set(['insert', 'update', 'delete', 'truncate'])
// `insert into "tasks"`, `update "public"."tasks"`, `delete from tasks`, `truncate table x, y` (the first).
const writeTarget =
  /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi

/** The write clock of one PGlite instance (see orderCalls, which feeds it). */
class TableClock implements WriteClock {
  private readonly counts = new Map<string, number>()
  statements = 0

  stamp(tables: readonly string[]): string {
    let out = String(this.counts.get('*') ?? 0)
    for (const t of tables) out += `.${this.counts.get(t) ?? 0}`
    return out
  }

  committed(tables: Iterable<string>) {
    for (const t of tables) this.counts.set(t, (this.counts.get(t) ?? 0) + 1)
  }
}

/**
 * The write clock of a PostgreSQL cluster: the counters of the one `write_clock` row, which deferred
 * triggers raise in the same commit as the write (migration 0015), so a read that sees a counter also
 * sees the write it counts. A stamp must not come from a read that began before the stamp was asked
 * for (it could miss a commit the caller already saw), so callers arriving while a read runs share the
 * next one: at most one read runs and one waits, however many requests ask at once.
 */
export class SharedClock implements WriteClock {
  statements = 0
  private running: Promise<Record<string, unknown>> | null = null
  private next: Promise<Record<string, unknown>> | null = null

  constructor(private readonly read: () => Promise<Record<string, unknown>>) {}

  async stamp(tables: readonly string[]): Promise<string> {
    for (const t of tables)
      if (!(clockedTables as readonly string[]).includes(t)) throw new Error(`the write clock does not count ${t}`)
    const row = await this.fresh()
    return tables.map((t) => String(row[t])).join('.')
  }

  private fresh(): Promise<Record<string, unknown>> {
    if (!this.running) return this.start()
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    )
    return this.next
  }

  private start(): Promise<Record<string, unknown>> {
    this.next = null
    this.statements++
    const run = this.read().finally(() => {
      if (this.running === run) this.running = null
    })
    this.running = run
    return run
  }
}

/**
 * PGlite's start: its defaults with 32 MB of shared buffers instead of PostgreSQL's 128 MB. The WebAssembly
 * memory holds them, resident for the life of the process (the demo city is ~30 MB on disk; a page that
 * misses is read from the OS's cache). Measured: the idle hub's RSS drops by ~120 MB (bench-results/profile.md).
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB']

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'drizzle')

/**
 * Opens PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (locked against a second
 * process), and applies the committed migrations.
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    // The PostgreSQL driver is loaded only for PostgreSQL (an embedded start does not pay for it).
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ])
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
      clock: new SharedClock(async () => {
        const { rows } = await pool.query(`select ${clockedTables.join(', ')} from write_clock where id = 1`)
        if (!rows[0]) throw new Error('write_clock has no row (migration 0015 not applied?)')
        return rows[0] as Record<string, unknown>
      }),
    }
  }
  const dir = config.dataDir ?? './data'
  const inMemory = dir.startsWith('memory://')
  const release = inMemory ? () => {} : lockDataDir(resolve(dir))
  try {
    const path = resolve(dir, 'pg')
    const prepared = !inMemory && !existsSync(join(path, 'PG_VERSION')) ? await config.initialFolder?.() : undefined
    if (prepared) await copyFolder(prepared, path)
    const client = inMemory ? new PGlite({ startParams }) : new PGlite(path, { startParams })
    await client.waitReady
    const clock = new TableClock()
    const inFlight = orderCalls(client, clock)
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder })
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1')
      },
      stats: () => ({ kind: 'pglite', inFlight: inFlight() }),
      clock,
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
 * Copies a prepared folder in as `to`: its files copied in parallel off the event loop (a caller may load
 * its modules meanwhile: main.ts), into a folder beside `to` renamed once complete, so that a start cut
 * short never leaves a half-copied database that a later start would open.
 */
async function copyFolder(from: string, to: string) {
  const partial = `${to}.partial`
  await rm(partial, { recursive: true, force: true })
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  const target = (e: (typeof entries)[number]) => join(partial, relative(from, join(e.parentPath, e.name)))
  await mkdir(partial)
  for (const dir of entries
    .filter((e) => e.isDirectory())
    .map(target)
    .sort())
    await mkdir(dir, { recursive: true })
  await Promise.all(entries.filter((e) => e.isFile()).map((e) => copyFile(join(e.parentPath, e.name), target(e))))
  await rename(partial, to)
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
 * Feeds the write clock: a statement's tables count as written when it returns (its own commit), a
 * transaction's when it commits; a rolled-back transaction changed nothing and counts nothing.
 */
function orderCalls(client: PGlite, clock: TableClock): () => number {
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
  const wrap = <A extends unknown[], R>(f: (...args: A) => Promise<R>, written: (args: A) => string[] | null) =>
    (async (...args: A) => {
      const request = requestOrder.getStore()
      await enter(request ?? ++arrivals)
      const tables = written(args)
      try {
        return await f(...args)
      } finally {
        // Before the way is handed on: no statement runs between the commit and the count.
        if (tables?.length) clock.committed(tables)
        leave(request !== undefined)
      }
    }) as typeof f
  const statementTables = (args: unknown[]) => {
    clock.statements++
    return typeof args[0] === 'string' ? tablesWritten(args[0]) : ['*']
  }
  client.query = wrap(client.query.bind(client), statementTables) as typeof client.query
  client.exec = wrap(client.exec.bind(client), statementTables) as typeof client.exec
  const transaction = client.transaction.bind(client)
  client.transaction = wrap(
    async <T>(callback: (tx: Transaction) => Promise<T>) => {
      const tables = new Set<string>()
      const result = await transaction(async (tx) => {
        const { query, exec } = tx
        tx.query = ((...args: Parameters<typeof query>) => {
          for (const t of statementTables(args)) tables.add(t)
          return query.apply(tx, args)
        }) as typeof query
        tx.exec = ((...args: Parameters<typeof exec>) => {
          for (const t of statementTables(args)) tables.add(t)
          return exec.apply(tx, args)
        }) as typeof exec
        return await callback(tx)
      })
      // Reached only after COMMIT; the count goes up before the way is handed on (see wrap).
      clock.committed(tables)
      return result
    },
    () => null,
  ) as typeof client.transaction
  return () => waiting.length + (busy ? 1 : 0)
}
