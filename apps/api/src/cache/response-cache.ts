/**
 * Answers of the board's reads (the task list every commune refreshes at once), kept as the bytes
 * that were sent, so that a repeated question costs no SQL. An answer is believed while the stamp it
 * was computed under still holds: the write counts of the tables it read (the database handle's write
 * clock, raised after each commit before the next statement runs), the unit tree's version and the
 * day. Only where this process sees every write (PGlite, one process); on PostgreSQL other processes
 * write too, so there is no cache and every request asks the database. Bounded by entries and bytes,
 * least recently used first out; identical misses under way share one computation.
 */
import type { DbHandle } from '@hub/db'
import type { Context, TypedResponse } from 'hono'

export interface ResponseCacheOptions {
  /** Most answers kept. */
  maxEntries: number
  /** Most characters kept in all (the texts' lengths: at most twice as many bytes of memory). */
  maxBytes: number
  /** An answer larger than this is served but not kept. */
  maxEntryBytes: number
}

interface Entry {
  stamp: string
  body: string
}

export const defaultResponseCacheOptions: ResponseCacheOptions = {
  maxEntries: 2_000,
  maxBytes: 32 * 1024 * 1024,
  maxEntryBytes: 2 * 1024 * 1024,
}

/** Counts for tests and metrics. */
export interface ResponseCacheStats {
  hits: number
  /** Computations run (a miss joined to one under way is a hit of the flight, not counted here). */
  loads: number
  /** Requests that waited for a computation another request had started. */
  shared: number
  entries: number
  bytes: number
}

export class ResponseCache {
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, Entry>()
  private readonly flights = new Map<string, Promise<string>>()
  private bytes = 0
  private readonly counts = { hits: 0, loads: 0, shared: 0 }
  private readonly options: ResponseCacheOptions

  constructor(options: Partial<ResponseCacheOptions> = {}) {
    this.options = { ...defaultResponseCacheOptions, ...options }
  }

  /**
   * The answer to `key` under `stamp`: the kept one if it was computed under the same stamp, else
   * `compute`'s (shared with identical requests under way). The stamp is taken by the caller before
   * anything is read, so an answer is never kept under a stamp newer than the data it saw.
   */
  async get(key: string, stamp: string, compute: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key)
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      this.counts.hits++
      return hit.body
    }
    // A flight started under another stamp may have read older data: it is not joined.
    const flightKey = `${stamp}\u0000${key}`
    const running = this.flights.get(flightKey)
    if (running) {
      this.counts.shared++
      return await running
    }
    this.counts.loads++
    const flight = compute()
    this.flights.set(flightKey, flight)
    try {
      const body = await flight
      this.keep(key, { stamp, body })
      return body
    } finally {
      this.flights.delete(flightKey)
    }
  }

  private keep(key: string, entry: Entry) {
    // A slow flight may replace a newer answer with an older one: that costs a computation at the
    // next request (its stamp no longer holds), never a stale answer.
    const old = this.entries.get(key)
    if (old) this.drop(key, old)
    if (entry.body.length > this.options.maxEntryBytes) return
    this.entries.set(key, entry)
    this.bytes += entry.body.length
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break
      this.drop(k, e)
    }
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key)
    this.bytes -= entry.body.length
  }

  stats(): ResponseCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes }
  }
}

/** One cache per database handle (one hub), none where the handle cannot see every write. */
const caches = new WeakMap<DbHandle, ResponseCache | null>()

export function responseCacheOf(dbh: DbHandle): ResponseCache | null {
  let cache = caches.get(dbh)
  if (cache === undefined) {
    cache = dbh.clock ? new ResponseCache() : null
    caches.set(dbh, cache)
  }
  return cache
}

/** The JSON text of a `T` (what `JSON.stringify` made of one), so that it can be sent as that `T`. */
export type JsonText<T> = string & { readonly __json?: T }

/**
 * Sends kept JSON text as `c.json` would send the value (same bytes, same Content-Type, the headers
 * the middleware set), typed as the route's JSON answer.
 */
export function sendJsonText<T>(c: Context, text: JsonText<T>): Response & TypedResponse<T, 200, 'json'> {
  return c.newResponse(text, 200, { 'content-type': 'application/json' }) as Response & TypedResponse<T, 200, 'json'>
}
