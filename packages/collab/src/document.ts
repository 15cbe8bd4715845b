// One open collaborative document: its Y.Doc, presence, connections, fan-out, and relay after durable.
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Fanout, type Peer, type RemotePublisher } from './fanout'
import type { CollabMetrics } from './metrics'
import { type StorageState, storageStateMessage, syncStep2Message, syncStep2MessageOf } from './protocol'
import { encodeOffThread, OFF_THREAD_BYTES } from './state-encoder'

/** Transaction origin of the stored state applied at load: not written back, not sent. */
export const LOAD_ORIGIN = Symbol('collab:load')
/** Origin of changes received from another process: sent to local clients, not stored or republished here. */
export const REMOTE_ORIGIN = Symbol('collab:remote')
/** Origin of edits the server makes itself (restoring a version). */
export const SERVER_ORIGIN = Symbol('collab:server')

/** A large document's kept parts are merged into one (in the worker) beyond this many. */
const MAX_PARTS = 256

export interface CollabDocumentOptions {
  fanoutIntervalMs: number
  metrics: CollabMetrics
  /** Where updates are stored: relay to others waits for `append`'s promise. */
  store: DocumentWriter
  remote?: RemotePublisher
  /** How long the clock of a departed client is remembered (stale echoes of it are refused meanwhile). */
  awarenessGraceMs: number
  onError?: (err: unknown) => void
  /** False sends an update on at once, before its write commits (benchmark comparison only). Default true. */
  relayAfterDurable?: boolean
}

/** What a document needs of the store (see DocumentStore). */
export interface DocumentWriter {
  /** Queues an update to be written; resolves once it is committed. */
  append(name: string, update: Uint8Array): Promise<void>
  /** Whether editors' updates are refused now (the text is being issued). */
  isFrozen(name: string): boolean
  /** Writes what is queued now, without waiting for the tick. */
  flush(): Promise<void>
  /** Whether the document's edits are in the database or held in memory while writes fail. */
  storageState?(name: string): StorageState
  /** Tells each change of the storage state until the returned function is called. */
  watchStorage?(name: string, fn: (state: StorageState) => void): () => void
}

/** An update received here, waiting for its write to commit before it is relayed. */
interface Awaiting {
  update: Uint8Array
  origin: unknown
  durable: Promise<void>
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * One open document: its Y.Doc (the stored state applied before anyone sees it), the presence of its
 * users (awareness), the connections editing it and the fan-out that sends them changes.
 *
 * Relay after durable: an update received here is sent to the other clients (and to other
 * processes) only once the update log has committed it, so whatever anyone has seen survives a
 * crash. Updates from other processes were committed there before they were published, and go out
 * at once; presence is never stored and goes out at once too.
 */
export class CollabDocument {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: Awareness
  readonly connections = new Set<Peer>()
  /** Which connection announced each awareness client id: a connection speaks only for its own clients. */
  readonly awarenessOwners = new Map<number, Peer>()
  readonly fanout: Fanout
  /** Clients whose presence was removed, and when: their clocks are forgotten after the grace period. */
  private readonly departed = new Map<number, number>()
  private readonly sweeper: NodeJS.Timeout
  private destroyed = false
  /** Size of the stored state at load plus the updates applied since: an upper bound of the document's size. */
  private bytes: number
  /**
   * A large document's whole state as updates (the stored parts, then every update applied since),
   * from which the worker thread encodes sync replies off the event loop; null while it is small.
   */
  private parts: Uint8Array[] | null = null
  /** Whether a merge of `parts` is under way in the worker. */
  private folding = false
  /** Updates received here and not yet committed, in arrival order. */
  private awaiting: Awaiting[] = []
  private readonly committed = new WeakSet<Promise<void>>()
  private readonly unwatchStorage: () => void

  constructor(
    readonly name: string,
    stored: readonly Uint8Array[],
    private readonly opts: CollabDocumentOptions,
  ) {
    if (stored.length > 0) {
      this.doc.transact(() => {
        for (const u of stored) Y.applyUpdate(this.doc, u)
      }, LOAD_ORIGIN)
    }
    this.bytes = stored.reduce((n, u) => n + u.byteLength, 0)
    // A long log (a process stopped before compacting) would be replayed again by the worker: the
    // document is encoded from memory instead until its next update starts the parts anew.
    if (this.bytes >= OFF_THREAD_BYTES && stored.length <= MAX_PARTS) this.parts = [...stored]
    this.awareness = new Awareness(this.doc)
    // The server itself is nobody: no presence of its own.
    this.awareness.setLocalState(null)
    this.fanout = new Fanout(() => this.connections, this.awareness, {
      intervalMs: opts.fanoutIntervalMs,
      metrics: opts.metrics,
      remote: opts.remote,
      isRemote: (o) => o === REMOTE_ORIGIN,
      onError: opts.onError,
    })
    this.doc.on('update', this.onUpdate)
    this.awareness.on('update', this.onAwareness)
    this.sweeper = setInterval(() => this.forgetDeparted(), Math.max(10, opts.awarenessGraceMs / 2))
    this.sweeper.unref()
    this.unwatchStorage = opts.store.watchStorage?.(name, this.onStorageState) ?? (() => {})
  }

  /** Every client is told when the edits start being held in memory (the database fails) and when written. */
  private readonly onStorageState = (state: StorageState) => {
    if (this.destroyed) return
    const message = storageStateMessage(state)
    for (const c of this.connections) c.send(message)
  }

  /** The storage state, when clients must hear of it on joining (edits held in memory), else null. */
  storageStateMessage(): Uint8Array | null {
    const state = this.opts.store.storageState?.(this.name)
    return state && state.state !== 'saved' ? storageStateMessage(state) : null
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    this.keepPart(update)
    if (origin === LOAD_ORIGIN) return
    if (origin === REMOTE_ORIGIN) {
      this.fanout.queueUpdate(update, origin)
      return
    }
    const durable = this.opts.store.append(this.name, update)
    if (this.opts.relayAfterDurable === false) {
      this.fanout.queueUpdate(update, origin)
      return
    }
    const last = this.awaiting[this.awaiting.length - 1]
    this.awaiting.push({ update, origin, durable })
    if (last?.durable !== durable) void durable.then(() => this.relayCommitted(durable))
  }

  /** Sends every update at the front of the queue whose write has committed, in arrival order. */
  private relayCommitted(durable: Promise<void>): void {
    this.committed.add(durable)
    if (this.destroyed) return
    let n = 0
    while (n < this.awaiting.length && this.committed.has(this.awaiting[n]!.durable)) n++
    if (n === 0) return
    for (const a of this.awaiting.splice(0, n)) this.fanout.queueUpdate(a.update, a.origin)
    this.fanout.sendUpdates()
  }

  /** Keeps a large document's state as updates (see `parts`); a small one growing large starts here. */
  private keepPart(update: Uint8Array): void {
    if (this.parts) {
      this.parts.push(update)
      if (this.parts.length > MAX_PARTS && !this.folding) this.fold()
    } else if (this.bytes + update.byteLength >= OFF_THREAD_BYTES) {
      this.parts = [Y.encodeStateAsUpdate(this.doc)]
    }
  }

  /** Merges the parts kept so far into one, in the worker; what arrives meanwhile stays after it. */
  private fold(): void {
    const n = this.parts!.length
    this.folding = true
    encodeOffThread(this.parts!.slice(0, n), null)
      .then((merged) => {
        if (this.parts && !this.destroyed) this.parts.splice(0, n, merged)
      })
      .catch(() => {})
      .finally(() => {
        this.folding = false
      })
  }

  /**
   * The sync step 2 for a client with `stateVector`: everything the document holds now, sent once
   * all of it is committed (nobody sees an edit that a crash could still take back). A large
   * document is encoded in the worker thread from its parts, so that the event loop goes on serving
   * the other documents meanwhile.
   */
  async syncReply(stateVector: Uint8Array): Promise<Uint8Array> {
    if (!this.parts) {
      const reply = syncStep2Message(this.doc, stateVector)
      await this.whenDurable()
      return reply
    }
    const durable = this.whenDurable()
    let update: Uint8Array
    try {
      update = await encodeOffThread(this.parts.slice(), stateVector.length > 1 ? stateVector : null)
    } catch {
      // The worker failed: encoded here, from the document as it is now, and sent once that is committed.
      update = Y.encodeStateAsUpdate(this.doc, stateVector)
      await this.whenDurable()
    }
    await durable
    return syncStep2MessageOf(update)
  }

  /**
   * Resolves once every update received so far is committed (what is sent to a client must be). A
   * client waits on it to sync, so the write starts now instead of at the next tick.
   */
  whenDurable(): Promise<void> {
    const last = this.awaiting[this.awaiting.length - 1]
    if (!last) return Promise.resolve()
    void this.opts.store.flush()
    return last.durable
  }

  /** Whether editors' updates are refused now (the text is being issued). */
  get frozen(): boolean {
    return this.opts.store.isFrozen(this.name)
  }

  private readonly onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const now = Date.now()
    for (const id of removed) {
      this.awarenessOwners.delete(id)
      this.departed.set(id, now)
    }
    for (const id of added) this.departed.delete(id)
    this.fanout.queueAwareness([...added, ...updated, ...removed], origin)
  }

  /**
   * The awareness keeps a clock for every client id it ever saw; that would grow with every
   * connection ever made. A departed client's clock is kept for a grace period only: long enough
   * that the stale echoes y-websocket clients send back (they relay everyone's presence) are refused.
   */
  forgetDeparted(now = Date.now()): void {
    for (const [id, at] of this.departed) {
      if (now - at < this.opts.awarenessGraceMs || this.fanout.hasPendingAwareness(id)) continue
      this.departed.delete(id)
      if (!this.awareness.states.has(id)) this.awareness.meta.delete(id)
    }
  }

  /** Listener count on the doc and awareness (leak checks: constant however many connections came and went). */
  listenerCount(): number {
    const count = (o: { _observers: Map<string, Set<unknown>> }) =>
      [...o._observers.values()].reduce((n, s) => n + s.size, 0)
    return (
      count(this.doc as unknown as { _observers: Map<string, Set<unknown>> }) +
      count(this.awareness as unknown as { _observers: Map<string, Set<unknown>> })
    )
  }

  /** An upper bound of the encoded size: the stored parts at load, grown by each update applied. */
  approxBytes(): number {
    return this.bytes
  }

  /** Counts an update applied to the document. */
  grew(n: number): void {
    this.bytes += n
  }

  get isDestroyed(): boolean {
    return this.destroyed
  }

  /** Sends what is queued, then frees the document. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    clearInterval(this.sweeper)
    this.departed.clear()
    this.fanout.dispose()
    this.unwatchStorage()
    this.doc.off('update', this.onUpdate)
    this.awareness.off('update', this.onAwareness)
    this.awareness.destroy()
    this.doc.destroy()
    this.parts = null
  }
}
