import { type Db, schema } from '@hub/db'
import { plainTextOf, TIPTAP_FIELD } from '@hub/documents'
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import * as Y from 'yjs'
import type { CollabLogger } from './logger'
import { type CollabMetrics, observe } from './metrics'

const { yDocuments, yUpdates } = schema

export interface PersistenceOptions {
  /** Updates are grouped for this long into one log write; an edit is durable about this long after it arrives. */
  flushIntervalMs: number
  /** A document's log is merged into its snapshot once it holds more rows than this (and on unload). */
  compactAfterUpdates: number
  /** The plain-text projection is rewritten at most this often while a document changes. */
  plainTextDebounceMs: number
  log: CollabLogger
  metrics: CollabMetrics
  /** Current plain text of a document held in memory (null when it is not), for the projection. */
  plainText?: (name: string) => string | null
}

interface Pending {
  updates: Uint8Array[]
  /** When each update arrived: its durability is measured from there. */
  arrivals: number[]
}

/**
 * Stores documents as a snapshot plus an append-only update log (y_documents, y_updates).
 *
 * Every update is queued and written with all others of the same tick in one INSERT (one row per
 * document per tick, the tick's updates merged); a failed write keeps its updates queued and is
 * retried, never dropped. Compaction merges snapshot and log into a new snapshot in one transaction,
 * so a load reads one snapshot and a short log: it costs the document's size, not its history.
 * Writes of this process run one at a time (a flush never interleaves with a compaction).
 */
export class Persistence {
  private pending = new Map<string, Pending>()
  private flushTimer: NodeJS.Timeout | null = null
  private textTimers = new Map<string, NodeJS.Timeout>()
  private lastText = new Map<string, string>()
  private compacting = new Set<string>()
  private chain: Promise<unknown> = Promise.resolve()
  private closed = false
  private failures = 0

  constructor(
    private readonly db: Db,
    private readonly opts: PersistenceOptions,
  ) {}

  /** Runs one write after the ones already queued. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn)
    this.chain = run.catch(() => {})
    return run
  }

  /**
   * The stored state of a document: its snapshot and the log written since, or null when the
   * document has no row yet. The log is read before the snapshot: a compaction committing between
   * the two reads then yields rows that are also in the snapshot, which Yjs applies idempotently,
   * instead of a snapshot missing rows it just deleted.
   */
  async load(name: string): Promise<Uint8Array[] | null> {
    const log = await this.db
      .select({ update: yUpdates.update })
      .from(yUpdates)
      .where(eq(yUpdates.docName, name))
      .orderBy(asc(yUpdates.id))
    const [row] = await this.db
      .select({ snapshot: yDocuments.snapshot })
      .from(yDocuments)
      .where(eq(yDocuments.name, name))
      .limit(1)
    if (!row) return null
    const parts = log.map((r) => r.update)
    return row.snapshot ? [row.snapshot, ...parts] : parts
  }

  /**
   * Creates the row of a new document with its initial state. Returns false when the row exists
   * already (another process created it first): the caller then loads that one instead.
   */
  async create(name: string, initial: Uint8Array | null, plainText: string): Promise<boolean> {
    const rows = await this.db
      .insert(yDocuments)
      .values({ name, snapshot: initial, plainText })
      .onConflictDoNothing()
      .returning({ name: yDocuments.name })
    if (rows.length > 0) this.lastText.set(name, plainText)
    return rows.length > 0
  }

  /** Queues an update for the next log write. */
  append(name: string, update: Uint8Array): void {
    const now = performance.now()
    const p = this.pending.get(name)
    if (p) {
      p.updates.push(update)
      p.arrivals.push(now)
    } else this.pending.set(name, { updates: [update], arrivals: [now] })
    this.schedule(this.opts.flushIntervalMs)
  }

  /** Whether updates of this document wait to be written. */
  hasPending(name: string): boolean {
    return this.pending.has(name)
  }

  private schedule(ms: number): void {
    if (this.flushTimer || this.closed) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      void this.flush()
    }, ms)
  }

  /** Writes everything queued now; resolves when it is committed (or has failed and been re-queued). */
  flush(): Promise<void> {
    return this.serial(() => this.writeBatch())
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = this.pending
    this.pending = new Map()
    const names = [...batch.keys()]
    const rows = names.map((docName) => {
      const updates = batch.get(docName)!.updates
      return { docName, update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) }
    })
    const started = performance.now()
    let counts: { name: string; pendingUpdates: number }[]
    try {
      counts = await this.db.transaction(async (tx) => {
        // The row lock taken here first orders this write against a compaction of the same document.
        const c = await tx
          .update(yDocuments)
          .set({ pendingUpdates: sql`${yDocuments.pendingUpdates} + 1`, updatedAt: new Date() })
          .where(inArray(yDocuments.name, names))
          .returning({ name: yDocuments.name, pendingUpdates: yDocuments.pendingUpdates })
        await tx.insert(yUpdates).values(rows)
        return c
      })
    } catch (err) {
      // Put the batch back in front of whatever arrived meanwhile, and retry with a growing delay.
      for (const [name, p] of this.pending) {
        const old = batch.get(name)
        if (old) {
          old.updates.push(...p.updates)
          old.arrivals.push(...p.arrivals)
        } else batch.set(name, p)
      }
      this.pending = batch
      this.failures++
      this.opts.metrics.flushErrors++
      this.opts.log.error({ err, documents: names.length, failures: this.failures }, 'collab: update log write failed')
      this.schedule(Math.min(5000, this.opts.flushIntervalMs * 2 ** Math.min(this.failures, 8)))
      return
    }
    this.failures = 0
    const now = performance.now()
    const m = this.opts.metrics
    m.flushes++
    observe(m.flushLatency, now - started)
    for (const p of batch.values()) for (const at of p.arrivals) observe(m.durableLatency, now - at)
    for (const c of counts) {
      if (c.pendingUpdates > this.opts.compactAfterUpdates) void this.compact(c.name).catch(() => {})
    }
    for (const name of names) this.schedulePlainText(name)
  }

  private schedulePlainText(name: string): void {
    if (this.textTimers.has(name) || !this.opts.plainText || this.closed) return
    const t = setTimeout(() => {
      this.textTimers.delete(name)
      void this.serial(() => this.refreshPlainText(name)).catch((err) =>
        this.opts.log.warn({ err, doc: name }, 'collab: plain-text refresh failed'),
      )
    }, this.opts.plainTextDebounceMs)
    t.unref()
    this.textTimers.set(name, t)
  }

  private async refreshPlainText(name: string): Promise<void> {
    const text = this.opts.plainText?.(name)
    if (text == null || this.lastText.get(name) === text) return
    await this.db.update(yDocuments).set({ plainText: text }).where(eq(yDocuments.name, name))
    this.lastText.set(name, text)
    this.opts.metrics.plainTextRefreshes++
  }

  /**
   * Merges snapshot and log into one snapshot, in one transaction: the document row is locked, the
   * log read, the merged state (garbage-collected, as a loaded Y.Doc encodes it) and its plain text
   * written, and exactly the rows read deleted. Works from the database, so it is correct whichever
   * process wrote the log.
   */
  compact(name: string): Promise<void> {
    if (this.compacting.has(name)) return this.chain.then(() => {})
    this.compacting.add(name)
    return this.serial(async () => {
      try {
        await this.db.transaction(async (tx) => {
          const [row] = await tx
            .select({ snapshot: yDocuments.snapshot, pendingUpdates: yDocuments.pendingUpdates })
            .from(yDocuments)
            .where(eq(yDocuments.name, name))
            .for('update')
          if (!row) return
          const log = await tx
            .select({ id: yUpdates.id, update: yUpdates.update })
            .from(yUpdates)
            .where(eq(yUpdates.docName, name))
            .orderBy(asc(yUpdates.id))
          if (log.length === 0 && row.pendingUpdates === 0) return
          const doc = new Y.Doc()
          let snapshot: Uint8Array
          let text: string
          try {
            doc.transact(() => {
              if (row.snapshot) Y.applyUpdate(doc, row.snapshot)
              for (const r of log) Y.applyUpdate(doc, r.update)
            })
            snapshot = Y.encodeStateAsUpdate(doc)
            text = plainTextOf(doc.getXmlFragment(TIPTAP_FIELD))
          } finally {
            doc.destroy()
          }
          await tx
            .update(yDocuments)
            .set({ snapshot, plainText: text, pendingUpdates: 0, updatedAt: new Date() })
            .where(eq(yDocuments.name, name))
          const last = log[log.length - 1]
          if (last) await tx.delete(yUpdates).where(and(eq(yUpdates.docName, name), lte(yUpdates.id, last.id)))
          this.lastText.set(name, text)
        })
        this.opts.metrics.compactions++
      } catch (err) {
        this.opts.metrics.compactionErrors++
        this.opts.log.error({ err, doc: name }, 'collab: compaction failed')
        throw err
      } finally {
        this.compacting.delete(name)
      }
    })
  }

  /** Drops what is kept about a document that left memory (its updates must have been written). */
  forget(name: string): void {
    const t = this.textTimers.get(name)
    if (t) clearTimeout(t)
    this.textTimers.delete(name)
    this.lastText.delete(name)
  }

  /** Number of documents with state kept here (for leak checks). */
  get tracked(): number {
    return this.pending.size + this.textTimers.size + this.lastText.size
  }

  /** Writes what is queued and stops the timers; later updates are still written by an explicit flush. */
  async close(): Promise<void> {
    this.closed = true
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    for (const t of this.textTimers.values()) clearTimeout(t)
    this.textTimers.clear()
    await this.flush()
    await this.chain
  }
}
