// The one owner of collaborative-document storage (y_documents, y_updates): load, the update log,
// compaction, the plain-text projection and snapshots (with a freeze for issuing a text). Nothing
// else reads or writes those tables.
import { type Db, schema } from '@hub/db'
import { type PmNode, plainTextOf, plainTextOfState, proseMirrorJsonOf, TIPTAP_FIELD } from '@hub/documents'
import { asc, eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { Compactor } from './compactor'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import type { StorageState } from './protocol'
import { TextProjection } from './text-projection'
import { UpdateLog } from './update-log'

const { yDocuments, yUpdates } = schema

export interface DocumentStoreOptions {
  /** Updates are grouped for this long into one log write; an edit is durable about this long after it arrives. */
  flushIntervalMs: number
  /** A document's log is merged into its snapshot once it holds more rows than this (and on unload). */
  compactAfterUpdates: number
  /** The plain-text projection is rewritten at most this often while a document changes. */
  plainTextDebounceMs: number
  log: CollabLogger
  metrics: CollabMetrics
}

/** A document as stored at one instant, everything before it durable. */
export interface DocumentSnapshot {
  /** The whole state as one Yjs update; null when the document was never opened. */
  state: Uint8Array | null
  plainText: string
  /** ProseMirror JSON of the Tiptap field. */
  content: PmNode
  /** Lets editors write again after a freeze (no-op without one). */
  thaw(): void
}

/** Freezing a document in the other processes that hold it (the Redis relay; see DocumentRelay.freeze). */
export interface ClusterFreeze {
  /** Resolves once every process holding the document refuses its edits and has written what it accepted. */
  freeze(name: string, timeoutMs: number): Promise<void>
  /** Ends the freeze there (the issue was refused). */
  thaw(name: string): void
}

/** Thrown by snapshot() when the pending updates could not be written in time (the database is away). */
export class StoreUnavailableError extends Error {
  /** Read by the API as the database being unavailable (503), not a bug (500). */
  readonly code = 'ETIMEDOUT'
  constructor(docName: string) {
    super(`collab: pending updates of ${docName} could not be written`)
  }
}

/**
 * Stores documents as a snapshot plus an append-only update log. The update log (group commit per
 * tick), the compactor and the text projection are its parts; their writes run one at a time, in
 * order. Open documents are attached here by the registry, so that the text projection and
 * snapshots read the live state.
 */
export class DocumentStore {
  private chain: Promise<unknown> = Promise.resolve()
  private readonly live = new Map<string, Y.Doc>()
  private readonly frozen = new Set<string>()
  /** Freezes asked by another process end by themselves after a while: what to do then. */
  private readonly expiries = new Map<string, NodeJS.Timeout>()
  private cluster: ClusterFreeze | null = null
  /** Told when a freeze ends without an issue (see onThaw). */
  private thawed: (name: string) => void = () => {}
  /** Who is told when a document's storage state changes (its open CollabDocument). */
  private readonly watchers = new Map<string, (state: StorageState) => void>()
  private readonly log: UpdateLog
  private readonly compactor: Compactor
  private readonly projection: TextProjection
  private readonly compactAfterUpdates: number

  constructor(
    private readonly db: Db,
    opts: DocumentStoreOptions,
  ) {
    this.compactAfterUpdates = opts.compactAfterUpdates
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
      const run = this.chain.then(fn)
      this.chain = run.catch(() => {})
      return run
    }
    const { log, metrics } = opts
    this.compactor = new Compactor(db, { log, metrics, serial })
    this.projection = new TextProjection(db, {
      debounceMs: opts.plainTextDebounceMs,
      log,
      metrics,
      serial,
      textOf: (name) => {
        const doc = this.live.get(name)
        return doc ? plainTextOf(doc.getXmlFragment(TIPTAP_FIELD)) : null
      },
    })
    this.log = new UpdateLog(db, {
      flushIntervalMs: opts.flushIntervalMs,
      log,
      metrics,
      serial,
      committed: (rows) => {
        for (const r of rows) {
          if (r.pendingUpdates > opts.compactAfterUpdates) void this.compactor.compact(r.name).catch(() => {})
          this.projection.changed(r.name)
        }
      },
      stateChanged: (name, state) => this.watchers.get(name)?.(state),
    })
  }

  /**
   * The stored state of a document: its snapshot and the log written since, or null when the
   * document has no row yet. The log is read before the snapshot: a compaction committing between
   * the two reads then yields rows that are also in the snapshot, which Yjs applies idempotently,
   * instead of a snapshot missing rows it just deleted.
   */
  async read(name: string): Promise<Uint8Array[] | null> {
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
   * The stored state of a document to open, created first with its initial content when it has no
   * row yet (once: when another process creates it first, theirs is read).
   */
  async open(
    name: string,
    initialContent?: (name: string) => Promise<Uint8Array | null>,
  ): Promise<{ parts: Uint8Array[]; created: boolean }> {
    const stored = await this.read(name)
    // A log longer than compaction lets it grow (a process stopped before compacting) is merged a
    // moment after the open (once its first clients are served: reading the log again would delay
    // them), so that the next open reads one snapshot instead of replaying it again.
    if (stored && stored.length > this.compactAfterUpdates + 1)
      setTimeout(() => void this.compact(name).catch(() => {}), 1000).unref()
    if (stored) return { parts: stored, created: false }
    const initial = initialContent ? await initialContent(name) : null
    const rows = await this.db
      .insert(yDocuments)
      .values({ name, snapshot: initial })
      .onConflictDoNothing()
      .returning({ name: yDocuments.name })
    if (rows.length === 0) return { parts: (await this.read(name)) ?? [], created: false }
    if (initial && plainTextOfState(initial)) this.projection.changed(name)
    return { parts: initial ? [initial] : [], created: true }
  }

  /** An open document's live state: the text projection and snapshots read it until forget(). */
  attach(name: string, doc: Y.Doc): void {
    this.live.set(name, doc)
  }

  /** Queues an update for the update log; resolves once it is committed. */
  append(name: string, update: Uint8Array): Promise<void> {
    return this.log.append(name, update)
  }

  /** Resolves once everything queued for the document now is committed. */
  durable(name: string): Promise<void> {
    return this.log.durable(name)
  }

  /** Whether the document's edits are in the database, or held in memory while writes fail. */
  storageState(name: string): StorageState {
    return this.log.state(name)
  }

  /** Tells `fn` each change of the document's storage state until the returned function is called. */
  watchStorage(name: string, fn: (state: StorageState) => void): () => void {
    this.watchers.set(name, fn)
    return () => {
      if (this.watchers.get(name) === fn) this.watchers.delete(name)
    }
  }

  /** Whether updates of this document wait to be written. */
  hasPending(name: string): boolean {
    return this.log.hasPending(name)
  }

  /** Writes everything queued now; resolves when it is committed (or has failed and been re-queued). */
  flush(): Promise<void> {
    return this.log.flush()
  }

  /** Merges the document's log into its snapshot. */
  compact(name: string): Promise<void> {
    return this.compactor.compact(name)
  }

  /** Writes out a document leaving memory: its log, a compaction and its text. */
  async settle(name: string): Promise<void> {
    await this.flush()
    await this.compact(name)
    await this.projection.settle(name)
  }

  /** Whether editors' updates to the document are refused (it is being issued). */
  isFrozen(name: string): boolean {
    return this.frozen.has(name)
  }

  /** Lets editors write to the document again. */
  thaw(name: string): void {
    this.frozen.delete(name)
    clearTimeout(this.expiries.get(name))
    this.expiries.delete(name)
  }

  /**
   * Who is told when a snapshot's freeze ends by its thaw() (the issue was refused): the server
   * reconnects the document's editors, whose sync then brings the edits refused meanwhile.
   */
  onThaw(fn: (name: string) => void): void {
    this.thawed = fn
  }

  /** Freezes of this store reach the other processes holding the document (see snapshot). */
  useCluster(cluster: ClusterFreeze): void {
    this.cluster = cluster
  }

  /**
   * Freezes the document at another process's request (it is issuing the text): editors' updates are
   * refused from now on; resolves once everything accepted before is written, rejects after `ms`.
   * The freeze ends with thaw(), or after `holdMs` (the asker vanished): then `expired` is called.
   */
  async freezeFor(name: string, opts: { ms: number; holdMs: number; expired: () => void }): Promise<void> {
    this.frozen.add(name)
    clearTimeout(this.expiries.get(name))
    const t = setTimeout(() => {
      this.expiries.delete(name)
      this.thaw(name)
      opts.expired()
    }, opts.holdMs)
    t.unref()
    this.expiries.set(name, t)
    void this.flush()
    await this.durableWithin(name, opts.ms)
  }

  /**
   * The document now, with every update received before the call written to the database first.
   * With `freeze`, updates arriving from the same instant on are refused until thaw() (the caller
   * issues the text, then reconnects the editors read-only): the snapshot is exactly what the
   * editors saw and nothing lands after it. In a cluster the freeze is asked of every process
   * holding the document, which writes what it accepted and confirms, before the snapshot is taken;
   * without every confirmation within the timeout the snapshot fails (and everyone is thawed). A
   * document open in this process is read from memory (with, in a cluster, what the others wrote),
   * any other from the database.
   */
  async snapshot(name: string, opts: { freeze?: boolean; timeoutMs?: number } = {}): Promise<DocumentSnapshot> {
    const timeoutMs = opts.timeoutMs ?? 10_000
    const cluster = this.cluster
    if (opts.freeze) this.frozen.add(name)
    const thaw = opts.freeze
      ? () => {
          this.thaw(name)
          cluster?.thaw(name)
          this.thawed(name)
        }
      : () => {}
    try {
      if (opts.freeze && cluster) await cluster.freeze(name, timeoutMs)
      const doc = this.live.get(name)
      const state = doc ? Y.encodeStateAsUpdate(doc) : null
      void this.flush()
      await this.durableWithin(name, timeoutMs)
      // Another process's edits reach this copy through Redis a moment after they are written.
      const stored = state && !cluster ? null : await this.read(name)
      const parts = state ? [state, ...(stored ?? [])] : stored
      return { ...projectionOf(parts), thaw }
    } catch (err) {
      thaw()
      throw err
    }
  }

  private async durableWithin(name: string, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError(name)), ms)
    })
    try {
      await Promise.race([this.durable(name), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Drops what is kept about a document that left memory (its updates must have been written). */
  forget(name: string): void {
    this.live.delete(name)
    this.projection.forget(name)
  }

  /** Number of documents with state kept here (leak checks). */
  get tracked(): number {
    return this.log.size + this.compactor.size + this.projection.size + this.live.size + this.watchers.size
  }

  /** Writes what is queued and stops the timers; later updates are still written by an explicit flush. */
  async close(): Promise<void> {
    for (const t of this.expiries.values()) clearTimeout(t)
    this.expiries.clear()
    this.log.stop()
    this.projection.stop()
    await this.flush()
    await this.chain
  }
}

/** State, plain text and ProseMirror JSON of stored parts (null: never created). */
function projectionOf(parts: Uint8Array[] | null): Omit<DocumentSnapshot, 'thaw'> {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const u of parts ?? []) Y.applyUpdate(doc, u)
    })
    const fragment = doc.getXmlFragment(TIPTAP_FIELD)
    return {
      state: parts ? Y.encodeStateAsUpdate(doc) : null,
      plainText: plainTextOf(fragment),
      content: proseMirrorJsonOf(fragment),
    }
  } finally {
    doc.destroy()
  }
}
