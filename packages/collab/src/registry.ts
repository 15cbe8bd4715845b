// The registry of open documents: one Y.Doc per document, loaded once, unloaded when idle.
import * as Y from 'yjs'
import { CollabDocument } from './document'
import type { DocumentStore } from './document-store'
import type { RemotePublisher } from './fanout'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import type { FreezeHandler } from './redis-fanout'

/** Relays a document between processes (see redis-fanout.ts). */
export interface RemoteBus {
  /** The publisher a document's fan-out sends this process's changes to. */
  publisher(name: string): RemotePublisher
  /** Starts receiving other processes' changes to the document, and asks them for what it lacks. */
  join(document: CollabDocument): Promise<void>
  /** Stops receiving changes to the document. */
  leave(name: string): Promise<void>
  close(): Promise<void>
  /**
   * Issuing across processes (see DocumentRelay.freeze): freezes the document in every process that
   * holds it. Without it a freeze holds in this process only.
   */
  freeze?(name: string, timeoutMs: number): Promise<void>
  /** Ends a freeze in the other processes (the issue was refused). */
  thaw?(name: string): void
  /** Has the other processes close the document's connections so that they are judged again. */
  reauthorize?(name: string): void
  /** Sets who acts here on the other processes' freezes and reauthorizations. */
  serve?(handler: FreezeHandler): void
}

export interface RegistryOptions {
  store: DocumentStore
  /** Content of a document opened for the first time (e.g. a directive's skeleton), as a Yjs update. */
  initialContent?: (name: string) => Promise<Uint8Array | null>
  /** A document nobody holds is unloaded this long after the last one let go. */
  unloadAfterMs: number
  fanoutIntervalMs: number
  /** How long a departed client's presence clock is remembered. Default 30 s (y-protocols' outdated timeout). */
  awarenessGraceMs?: number
  metrics: CollabMetrics
  log: CollabLogger
  remote?: RemoteBus
  /** See CollabServerOptions.relayAfterDurable. */
  relayAfterDurable?: boolean
}

/** A hold on an open document; the document stays in memory until every lease is released. */
export interface Lease {
  readonly document: CollabDocument
  /** Lets go of the document (idempotent). */
  release(): void
}

interface Entry {
  name: string
  holds: number
  state: 'loading' | 'open' | 'unloading'
  ready: Promise<CollabDocument>
  document: CollabDocument | null
  unloadTimer: NodeJS.Timeout | null
  unloading: Promise<void> | null
}

/** Thrown by acquire() once the registry is closing. */
export class RegistryClosedError extends Error {
  constructor() {
    super('collab registry is closed')
  }
}

/**
 * One in-memory Y.Doc per open document. Concurrent opens share one load; the stored state (or, for
 * a new document, its initial content, created once) is in the Y.Doc before the document is handed
 * out, so no client is ever served an empty copy of a non-empty document. A document nobody holds is
 * flushed, compacted and dropped `unloadAfterMs` later; a new hold cancels that, even while the
 * unload is writing (the unload then keeps the document).
 */
export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>()
  private closed = false

  constructor(private readonly opts: RegistryOptions) {}

  /** Opens (or joins) a document and holds it until the lease is released. */
  async acquire(name: string): Promise<Lease> {
    if (this.closed) throw new RegistryClosedError()
    let e = this.entries.get(name)
    if (!e) {
      const entry: Entry = {
        name,
        holds: 0,
        state: 'loading',
        ready: null as unknown as Promise<CollabDocument>,
        document: null,
        unloadTimer: null,
        unloading: null,
      }
      entry.ready = this.load(entry)
      entry.ready.catch(() => {
        if (this.entries.get(name) === entry) this.entries.delete(name)
      })
      this.entries.set(name, entry)
      e = entry
    }
    const entry = e
    entry.holds++
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer)
      entry.unloadTimer = null
    }
    let document: CollabDocument
    try {
      document = await entry.ready
    } catch (err) {
      entry.holds--
      throw err
    }
    let released = false
    return {
      document,
      release: () => {
        if (released) return
        released = true
        this.release(entry)
      },
    }
  }

  /** The document if it is open in memory now (without holding it). */
  get(name: string): CollabDocument | undefined {
    const e = this.entries.get(name)
    return e?.state === 'loading' ? undefined : (e?.document ?? undefined)
  }

  /** Number of documents in memory or being loaded. */
  get size(): number {
    return this.entries.size
  }

  names(): string[] {
    return [...this.entries.keys()]
  }

  /** Holds on a document (connections plus pending opens and server-side uses). */
  holds(name: string): number {
    return this.entries.get(name)?.holds ?? 0
  }

  private async load(entry: Entry): Promise<CollabDocument> {
    const { store, metrics } = this.opts
    const name = entry.name
    metrics.loads++
    const { parts, created } = await store.open(name, this.opts.initialContent)
    if (created) metrics.created++
    const remote = this.opts.remote
    const document = new CollabDocument(name, parts, {
      fanoutIntervalMs: this.opts.fanoutIntervalMs,
      metrics,
      store,
      awarenessGraceMs: this.opts.awarenessGraceMs ?? 30_000,
      onError: (err) => this.opts.log.error({ err, doc: name }, 'collab: fan-out failed'),
      remote: remote?.publisher(name),
      relayAfterDurable: this.opts.relayAfterDurable,
    })
    if (remote) {
      try {
        await remote.join(document)
      } catch (err) {
        this.opts.log.warn({ err, doc: name }, 'collab: could not join the document across processes')
      }
    }
    store.attach(name, document.doc)
    entry.document = document
    entry.state = 'open'
    metrics.openDocuments++
    return document
  }

  private release(entry: Entry): void {
    entry.holds--
    if (entry.holds > 0 || this.closed) return
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null
      if (!entry.unloading) {
        entry.unloading = this.unload(entry)
          .catch((err) => this.opts.log.error({ err, doc: entry.name }, 'collab: unload failed'))
          .finally(() => {
            entry.unloading = null
          })
      }
    }, this.opts.unloadAfterMs)
    entry.unloadTimer.unref()
  }

  /**
   * Writes the document out (flush, then compaction) and drops it, unless someone took hold of it
   * meanwhile. The check and the removal run without an await between them, so a new open either
   * gets this document or, once it is gone, loads the fully written state from the database.
   */
  private async unload(entry: Entry): Promise<void> {
    if (entry.holds > 0 || entry.state !== 'open' || this.entries.get(entry.name) !== entry) return
    const { store } = this.opts
    entry.state = 'unloading'
    try {
      for (;;) {
        await store.settle(entry.name)
        if (entry.holds > 0 || this.closed) {
          entry.state = 'open'
          if (entry.holds > 0) this.opts.metrics.unloadsCancelled++
          return
        }
        if (!store.hasPending(entry.name)) break
      }
    } catch (err) {
      // Keep it in memory and try again later: dropping it now could lose what was not written.
      entry.state = 'open'
      this.opts.log.warn({ err, doc: entry.name }, 'collab: unload postponed, write failed')
      if (entry.holds === 0) {
        entry.holds++
        this.release(entry)
      }
      return
    }
    this.entries.delete(entry.name)
    this.drop(entry)
  }

  private drop(entry: Entry): void {
    const doc = entry.document
    entry.document = null
    if (!doc) return
    void this.opts.remote?.leave(entry.name).catch(() => {})
    doc.destroy()
    this.opts.store.forget(entry.name)
    this.opts.metrics.openDocuments--
    this.opts.metrics.unloads++
  }

  /** Unloads now every document nobody holds (tests, memory pressure). */
  async unloadIdle(): Promise<void> {
    const idle = [...this.entries.values()].filter((e) => e.holds === 0 && e.state === 'open')
    for (const e of idle) {
      if (e.unloadTimer) clearTimeout(e.unloadTimer)
      e.unloadTimer = null
      e.unloading ??= this.unload(e).finally(() => {
        e.unloading = null
      })
    }
    await Promise.all(idle.map((e) => e.unloading))
  }

  /** Stops opening documents; sends what is queued, writes and compacts every open document, frees them. */
  async closeAll(): Promise<void> {
    this.closed = true
    const entries = [...this.entries.values()]
    for (const e of entries) {
      if (e.unloadTimer) clearTimeout(e.unloadTimer)
      e.unloadTimer = null
    }
    await Promise.all(entries.map((e) => e.ready.catch(() => {})))
    await Promise.all(entries.map((e) => e.unloading))
    for (const e of entries) e.document?.fanout.flush()
    for (const e of entries) {
      if (!e.document) continue
      try {
        await this.opts.store.settle(e.name)
      } catch {
        // Logged by the store; the log still holds everything.
      }
    }
    await this.opts.store.flush()
    for (const e of entries) {
      if (this.entries.get(e.name) === e) this.entries.delete(e.name)
      this.drop(e)
    }
  }
}

/** Encodes a whole document state (for versions and tests). */
export function stateOf(document: CollabDocument): Uint8Array {
  return Y.encodeStateAsUpdate(document.doc)
}
