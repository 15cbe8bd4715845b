// The append-only update log of collaborative documents (y_updates): group commit per tick, retried
// until written, and a promise per batch that says when an update is durable (relay waits for it).
import { type Db, schema } from '@hub/db'
import { sql } from 'drizzle-orm'
import * as Y from 'yjs'
import type { CollabLogger } from './logger'
import { type CollabMetrics, observe } from './metrics'
import type { StorageState } from './protocol'

const { yDocuments, yUpdates } = schema

/** Updates of a document merged into one log row at most (see write()). */
const MERGE_AT_MOST = 64

/** Runs one write of this process after the ones already queued (shared with the compactor). */
export type Serial = <T>(fn: () => Promise<T>) => Promise<T>

export interface UpdateLogOptions {
  /** Updates are grouped for this long into one log write; an edit is durable about this long after it arrives. */
  flushIntervalMs: number
  log: CollabLogger
  metrics: CollabMetrics
  serial: Serial
  /** Told after each commit: which documents were written and how many log rows each holds now. */
  committed(rows: { name: string; pendingUpdates: number }[]): void
  /** Told when a document's edits start being held in memory (writes fail), as the count grows, and when written. */
  stateChanged?(name: string, state: StorageState): void
}

interface Batch {
  updates: Uint8Array[]
  /** When each update arrived: its durability is measured from there. */
  arrivals: number[]
  /** Resolves when these updates are committed. */
  durable: Promise<void>
  resolve: () => void
  /** Earlier batches of the document that failed and were folded into this one. */
  folded: (() => void)[]
}

function newBatch(): Batch {
  let resolve!: () => void
  const durable = new Promise<void>((r) => {
    resolve = r
  })
  return { updates: [], arrivals: [], durable, resolve, folded: [] }
}

/**
 * Every update is queued and written with all others of the same tick in one INSERT (one row per
 * document per tick, the tick's updates merged). A failed write keeps its updates queued, in front
 * of what arrived meanwhile, and is retried with a growing delay: nothing is dropped, and the
 * `durable` promise of each update resolves only once its row is committed.
 */
export class UpdateLog {
  private pending = new Map<string, Batch>()
  /** The batch being written now (taken out of `pending`, not yet committed). */
  private writing: Map<string, Batch> | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private failures = 0
  /** Documents whose edits are held in memory because writes fail: since when, and how many were told. */
  private failing = new Map<string, { since: number; held: number }>()

  constructor(
    private readonly db: Db,
    private readonly opts: UpdateLogOptions,
  ) {}

  /** Queues an update for the next write; the promise resolves once it is committed. */
  append(name: string, update: Uint8Array): Promise<void> {
    let b = this.pending.get(name)
    if (!b) {
      b = newBatch()
      this.pending.set(name, b)
    }
    b.updates.push(update)
    b.arrivals.push(performance.now())
    this.schedule(this.opts.flushIntervalMs)
    return b.durable
  }

  /** Resolves once everything queued for the document now (or being written) is committed. */
  durable(name: string): Promise<void> {
    return this.pending.get(name)?.durable ?? this.writing?.get(name)?.durable ?? Promise.resolve()
  }

  /** Whether the document's edits are in the database, or held in memory while writes fail. */
  state(name: string): StorageState {
    const f = this.failing.get(name)
    return f ? { state: 'pending', since: f.since, held: this.held(name) } : { state: 'saved' }
  }

  /** Edits of the document not yet in the database. */
  private held(name: string): number {
    return (this.pending.get(name)?.updates.length ?? 0) + (this.writing?.get(name)?.updates.length ?? 0)
  }

  /** Whether updates of this document wait to be written. */
  hasPending(name: string): boolean {
    return this.pending.has(name)
  }

  /** Number of documents with updates waiting (leak checks). */
  get size(): number {
    return this.pending.size
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, ms)
  }

  /** Writes everything queued now; resolves when it is committed (or has failed and been re-queued). */
  flush(): Promise<void> {
    return this.opts.serial(() => this.write())
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = this.pending
    this.pending = new Map()
    this.writing = batch
    const names = [...batch.keys()]
    // A document's queued updates are merged into rows of at most MERGE_AT_MOST: Y.mergeUpdates takes
    // time with the square of its count, and after an outage thousands may be queued.
    const rows: { docName: string; update: Uint8Array }[] = []
    const added = names.map((docName) => {
      const updates = batch.get(docName)!.updates
      let n = 0
      for (let i = 0; i < updates.length; i += MERGE_AT_MOST, n++) {
        const part = updates.slice(i, i + MERGE_AT_MOST)
        rows.push({ docName, update: part.length === 1 ? part[0]! : Y.mergeUpdates(part) })
      }
      return sql`(${docName}, ${n}::int)`
    })
    const started = performance.now()
    let counts: { name: string; pendingUpdates: number }[]
    try {
      // One statement in the transaction (one round trip): the row lock its update takes first orders
      // this write against a compaction of the same document.
      const values = sql.join(
        rows.map((r) => sql`(${r.docName}, ${r.update})`),
        sql`, `,
      )
      const result = (await this.db.transaction((tx) =>
        tx.execute(sql`
        with added (name, n) as (values ${sql.join(added, sql`, `)}),
        counted as (
          update ${yDocuments} d set pending_updates = d.pending_updates + added.n, updated_at = now()
          from added where d.name = added.name
          returning d.name, d.pending_updates
        ), logged as (
          insert into ${yUpdates} (doc_name, update) values ${values}
        )
        select name, pending_updates from counted`),
      )) as unknown as {
        rows: { name: string; pending_updates: number }[]
      }
      counts = result.rows.map((r) => ({ name: r.name, pendingUpdates: Number(r.pending_updates) }))
    } catch (err) {
      this.writing = null
      this.requeue(batch)
      this.failures++
      this.opts.metrics.flushErrors++
      this.opts.log.error({ err, documents: names.length, failures: this.failures }, 'collab: update log write failed')
      // Retried with a growing delay from 50 ms (also when writes go out without a wait).
      this.schedule(Math.min(5000, Math.max(50, this.opts.flushIntervalMs) * 2 ** Math.min(this.failures, 8)))
      this.tellHeld()
      return
    }
    this.writing = null
    this.failures = 0
    const now = performance.now()
    const m = this.opts.metrics
    m.flushes++
    observe(m.flushLatency, now - started)
    for (const b of batch.values()) {
      for (const at of b.arrivals) observe(m.durableLatency, now - at)
      for (const r of b.folded) r()
      b.resolve()
    }
    this.opts.committed(counts)
    for (const name of names) {
      if (this.failing.delete(name)) this.opts.stateChanged?.(name, this.state(name))
    }
  }

  /** After a failed write: every document whose held edits are new or more than last told is told. */
  private tellHeld(): void {
    const now = Date.now()
    for (const name of this.pending.keys()) {
      const held = this.held(name)
      const f = this.failing.get(name)
      if (f && f.held === held) continue
      this.failing.set(name, { since: f?.since ?? now, held })
      this.opts.stateChanged?.(name, this.state(name))
    }
  }

  /** Puts a failed batch back in front of whatever arrived meanwhile (one batch per document). */
  private requeue(failed: Map<string, Batch>): void {
    for (const [name, newer] of this.pending) {
      const old = failed.get(name)
      if (!old) {
        failed.set(name, newer)
        continue
      }
      // The newer batch takes the older one's place: its promise resolves when both are written.
      newer.updates.unshift(...old.updates)
      newer.arrivals.unshift(...old.arrivals)
      newer.folded.unshift(...old.folded, old.resolve)
      failed.set(name, newer)
    }
    this.pending = failed
  }

  /** Stops the timer; what is queued is written by the next explicit flush. */
  stop(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
