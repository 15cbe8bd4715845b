// Sending a document's changes to its connections (and other processes) once per tick, merged.
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type CollabMetrics, observe } from './metrics'
import { awarenessMessage, updateMessage } from './protocol'

/** Something that receives a document's messages: a websocket connection. */
export interface Peer {
  send(message: Uint8Array): void
}

/** Where this process's own changes go to reach other processes (Redis), if anywhere. */
export interface RemotePublisher {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
}

export interface FanoutOptions {
  /** How long changes are gathered before they go out; 0 sends at the end of the current I/O turn. */
  intervalMs: number
  metrics: CollabMetrics
  remote?: RemotePublisher
  /** Whether a change came from another process (not to be published back). */
  isRemote: (origin: unknown) => boolean
  /** Told about an error while sending (logged by the caller). */
  onError?: (err: unknown) => void
}

/**
 * Sends a document's changes to its connections, once per tick: the tick's updates are merged
 * (Y.mergeUpdates) and encoded once for every connection that did not author any of them (an author
 * gets the others' updates, not its own back); awareness changes of the tick go out as one message.
 * The process's own changes are published to other processes the same way.
 */
export class Fanout {
  private updates: { update: Uint8Array; origin: unknown }[] = []
  /** When the oldest queued update arrived (fan-out lag). */
  private oldest = 0
  private awarenessAll = new Set<number>()
  private awarenessLocal = new Set<number>()
  private cancel: (() => void) | null = null
  private disposed = false

  constructor(
    private readonly peers: () => Iterable<Peer>,
    private readonly awareness: Awareness,
    private readonly opts: FanoutOptions,
  ) {}

  queueUpdate(update: Uint8Array, origin: unknown): void {
    if (this.disposed) return
    if (this.updates.length === 0) this.oldest = performance.now()
    this.updates.push({ update, origin })
    this.schedule()
  }

  queueAwareness(clients: readonly number[], origin: unknown): void {
    if (this.disposed) return
    const local = !this.opts.isRemote(origin)
    for (const c of clients) {
      this.awarenessAll.add(c)
      if (local) this.awarenessLocal.add(c)
    }
    this.schedule()
  }

  private schedule(): void {
    if (this.cancel) return
    const run = () => {
      this.cancel = null
      try {
        this.flush()
      } catch (err) {
        // A timer callback that throws takes the process down; a lost tick is recoverable.
        this.opts.onError?.(err)
      }
    }
    if (this.opts.intervalMs > 0) {
      const t = setTimeout(run, this.opts.intervalMs)
      this.cancel = () => clearTimeout(t)
    } else {
      const i = setImmediate(run)
      this.cancel = () => clearImmediate(i)
    }
  }

  /** Sends what is queued now. */
  flush(): void {
    this.cancel?.()
    this.cancel = null
    this.flushUpdates()
    this.flushAwareness()
  }

  /** Sends the queued updates now (committed ones: no reason to wait for the tick). */
  sendUpdates(): void {
    try {
      this.flushUpdates()
    } catch (err) {
      this.opts.onError?.(err)
    }
  }

  private flushUpdates(): void {
    if (this.updates.length === 0) return
    const queued = this.updates
    this.updates = []
    const merge = (list: { update: Uint8Array }[]) =>
      list.length === 1 ? list[0]!.update : Y.mergeUpdates(list.map((u) => u.update))
    const authors = new Set(queued.map((u) => u.origin))
    let toAll: Uint8Array | null = null
    const m = this.opts.metrics
    for (const peer of this.peers()) {
      if (authors.has(peer)) {
        const others = queued.filter((u) => u.origin !== peer)
        if (others.length > 0) peer.send(updateMessage(merge(others)))
        else continue
      } else {
        toAll ??= updateMessage(merge(queued))
        peer.send(toAll)
      }
      m.updatesOut++
    }
    observe(m.fanoutLatency, performance.now() - this.oldest)
    const remote = this.opts.remote
    if (remote) {
      const local = queued.filter((u) => !this.opts.isRemote(u.origin))
      if (local.length > 0) remote.publishUpdate(merge(local))
    }
  }

  private flushAwareness(): void {
    if (this.awarenessAll.size === 0) return
    // Only clients the awareness still knows a clock for can be encoded.
    const meta = this.awareness.meta
    const all = [...this.awarenessAll].filter((c) => meta.has(c))
    const local = [...this.awarenessLocal].filter((c) => meta.has(c))
    this.awarenessAll.clear()
    this.awarenessLocal.clear()
    if (all.length === 0) return
    const msg = awarenessMessage(encodeAwarenessUpdate(this.awareness, all))
    for (const peer of this.peers()) {
      peer.send(msg)
      this.opts.metrics.awarenessOut++
    }
    if (this.opts.remote && local.length > 0) {
      this.opts.remote.publishAwareness(encodeAwarenessUpdate(this.awareness, local))
    }
  }

  /** Whether a change of this client's presence waits to be sent. */
  hasPendingAwareness(client: number): boolean {
    return this.awarenessAll.has(client)
  }

  /** Sends what is queued and stops. */
  dispose(): void {
    this.flush()
    this.disposed = true
  }
}
