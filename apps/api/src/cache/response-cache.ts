/**
 * Answers of the board's reads (the task list every commune refreshes at once), kept as the bytes
 * that were sent (UTF-8, encoded once), so that a repeated question costs no SQL and no encoding. An answer is believed while the stamp it
 * was computed under still holds: the write counts of the tables it read (the database handle's write
 * clock: on PGlite raised in the process after each commit before the next statement runs; on
 * PostgreSQL a row every process's commits raise, read once per burst of requests), the unit tree's
 * version and the day. Bounded by entries and bytes,
 * least recently used first out; identical misses under way share one computation.
 */
import { gzipSync } from 'node:zlib'
import type { DbHandle } from '@hub/db'
import type { Context, TypedResponse } from 'hono'

export interface ResponseCacheOptions {
  /** Most answers kept. */
  maxEntries: number
  /** Most bytes kept in all. */
  maxBytes: number
  /** An answer larger than this is served but not kept. */
  maxEntryBytes: number
}

interface Entry {
  stamp: string
  answer: Answer
}

/**
 * An answer as sent: its JSON as UTF-8 bytes and, for a kept answer over 1 KB, the same bytes gzipped
 * (made once, when computed: every browser asks for gzip, and a page of 50 tasks shrinks ~5-10×).
 */
export class Answer<T = unknown> {
  declare readonly __json?: T
  constructor(
    readonly body: Uint8Array<ArrayBuffer>,
    readonly gzipped?: Uint8Array<ArrayBuffer>,
  ) {}

  /** A `T` as JSON bytes, without gzip (an answer computed for one request). */
  static of<T>(value: T): Answer<T> {
    return new Answer(encoder.encode(JSON.stringify(value)))
  }

  /** JSON text with its gzip, for keeping. */
  static kept<T>(text: string): Answer<T> {
    const body = encoder.encode(text)
    return new Answer(body, body.length > 1024 ? new Uint8Array(gzipSync(body)) : undefined)
  }

  get size(): number {
    return this.body.length + (this.gzipped?.length ?? 0)
  }
}

export const defaultResponseCacheOptions: ResponseCacheOptions = {
  maxEntries: 2_000,
  maxBytes: 64 * 1024 * 1024,
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
  private readonly flights = new Map<string, Promise<Answer>>()
  private bytes = 0
  private readonly counts = { hits: 0, loads: 0, shared: 0 }
  private readonly options: ResponseCacheOptions

  constructor(options: Partial<ResponseCacheOptions> = {}) {
    this.options = { ...defaultResponseCacheOptions, ...options }
  }

  /**
   * The answer to `key` under `stamp`: the kept one if it was computed under the same stamp, else
   * `compute`'s value as JSON (shared with identical requests under way). The stamp is taken by the caller before
   * anything is read, so an answer is never kept under a stamp newer than the data it saw.
   */
  async get<T>(key: string, stamp: string, compute: () => Promise<T>): Promise<Answer<T>> {
    const hit = this.entries.get(key)
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      this.counts.hits++
      // A key names one question of one route: what was kept under it is that route's answer.
      return hit.answer as Answer<T>
    }
    // A flight started under another stamp may have read older data: it is not joined.
    const flightKey = `${stamp}\u0000${key}`
    const running = this.flights.get(flightKey)
    if (running) {
      this.counts.shared++
      return (await running) as Answer<T>
    }
    this.counts.loads++
    const flight = compute().then((value) => Answer.kept<T>(JSON.stringify(value)))
    this.flights.set(flightKey, flight)
    try {
      const answer = await flight
      this.keep(key, { stamp, answer })
      return answer as Answer<T>
    } finally {
      this.flights.delete(flightKey)
    }
  }

  private keep(key: string, entry: Entry) {
    // A slow flight may replace a newer answer with an older one: that costs a computation at the
    // next request (its stamp no longer holds), never a stale answer.
    const old = this.entries.get(key)
    if (old) this.drop(key, old)
    if (entry.answer.size > this.options.maxEntryBytes) return
    this.entries.set(key, entry)
    this.bytes += entry.answer.size
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break
      this.drop(k, e)
    }
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key)
    this.bytes -= entry.answer.size
  }

  stats(): ResponseCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes }
  }
}

const encoder = new TextEncoder()

/** One cache per database handle (one hub). */
const caches = new WeakMap<DbHandle, ResponseCache>()

export function responseCacheOf(dbh: DbHandle): ResponseCache {
  let cache = caches.get(dbh)
  if (!cache) {
    cache = new ResponseCache()
    caches.set(dbh, cache)
  }
  return cache
}

/** Whether a request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
function takesGzip(accept: string | undefined): boolean {
  if (!accept) return false
  return accept.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    return (name === 'gzip' || name === '*') && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })
}

/**
 * Sends an answer as `c.json` would send its value (the same JSON bytes, the same Content-Type, the
 * headers the middleware set), gzipped when it was kept with its gzip and the client takes gzip;
 * typed as the route's JSON answer.
 */
export function sendJson<T>(c: Context, answer: Answer<T>): Response & TypedResponse<T, 200, 'json'> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  let body = answer.body
  if (answer.gzipped) {
    headers.vary = 'accept-encoding'
    if (takesGzip(c.req.header('accept-encoding'))) {
      body = answer.gzipped
      headers['content-encoding'] = 'gzip'
    }
  }
  return c.newResponse(body, 200, headers) as Response & TypedResponse<T, 200, 'json'>
}

/**
 * The day in Asia/Ho_Chi_Minh as a number, cheaply (a stamp part: answers that say "overdue" hold for
 * one day). Vietnam keeps UTC+7 all year, without summer time.
 */
export const vnDayNumber = (now = Date.now()) => Math.floor((now + 7 * 3_600_000) / 86_400_000)
