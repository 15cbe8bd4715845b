// One websocket on one document speaking the y-websocket protocol, with its limits.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type WebSocket from 'ws'
import type { RawData } from 'ws'
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { CollabDocument } from './document'
import type { Peer } from './fanout'
import { CloseCode, frameBytes, isOversizeError, type RateLimits, TokenBucket } from './limits'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import { awarenessMessage, decodeMessage, ProtocolError, syncStep1Message } from './protocol'

export interface ConnectionOptions {
  /** Read-only connections receive everything; their document updates are dropped. */
  readOnly: boolean
  userId: string
  maxFrameBytes: number
  maxBufferedBytes: number
  maxAwarenessClients: number
  /** Largest size of the document this connection may grow it to. */
  maxDocumentBytes: number
  rates: RateLimits
  metrics: CollabMetrics
  log: CollabLogger
  /** The upgrade's request id, carried by every log line of the connection. */
  requestId: string
  /** Called once when the connection is gone (releases the document). */
  onClose(): void
}

/**
 * One websocket on one document, speaking the y-websocket protocol. Whatever a client sends, the
 * worst outcome is that this connection is closed: malformed frames close it with 1002, oversized
 * ones with 1009. When it closes, nothing of it remains: its listeners, its place in the document and
 * its users' presence (removed, and the removal broadcast).
 */
export class CollabConnection implements Peer {
  /** Awareness client ids this connection has announced. */
  readonly clientIds = new Set<number>()
  private closed = false
  private alive = true
  private readonly awarenessBucket: TokenBucket
  private readonly updateBucket: TokenBucket
  private readonly updateBytesBucket: TokenBucket
  /** Awareness messages dropped over the rate since the last one accepted: many in a row close the connection. */
  private awarenessOverflow = 0

  constructor(
    private readonly ws: WebSocket,
    private readonly document: CollabDocument,
    private readonly opts: ConnectionOptions,
  ) {
    const r = opts.rates
    this.awarenessBucket = new TokenBucket(r.awarenessPerSecond, r.awarenessBurst)
    this.updateBucket = new TokenBucket(r.updatesPerSecond, r.updatesBurst)
    this.updateBytesBucket = new TokenBucket(r.updateBytesPerSecond, r.updateBytesBurst)
  }

  /** Joins the document and greets the client: our sync step 1 and who is here. */
  start(): void {
    const { ws, document } = this
    ws.on('message', this.onMessage)
    ws.on('close', this.onClose)
    ws.on('error', this.onError)
    ws.on('pong', this.onPong)
    document.connections.add(this)
    this.opts.metrics.connections++
    this.opts.metrics.connectionsTotal++
    this.send(syncStep1Message(document.doc))
    const states = document.awareness.getStates()
    if (states.size > 0) this.send(awarenessMessage(encodeAwarenessUpdate(document.awareness, [...states.keys()])))
    // Joining while the database fails: told at once why the document does not sync yet.
    const storage = document.storageStateMessage()
    if (storage) this.send(storage)
  }

  get isClosed(): boolean {
    return this.closed
  }

  get readOnly(): boolean {
    return this.opts.readOnly
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      this.opts.metrics.slowConsumers++
      this.opts.log.warn(
        { doc: this.document.name, userId: this.opts.userId, requestId: this.opts.requestId },
        'collab: dropping a client that does not read',
      )
      this.ws.terminate()
      this.dispose()
      return
    }
    this.ws.send(message, { binary: true }, () => {})
    this.opts.metrics.bytesOut += message.length
  }

  /** Called by the server's heartbeat: a connection that did not answer the last ping is dead. */
  heartbeat(): void {
    if (this.closed) return
    if (!this.alive) {
      this.ws.terminate()
      this.dispose()
      return
    }
    this.alive = false
    try {
      this.ws.ping()
    } catch {
      // closing already
    }
  }

  /** Closes the connection (server shutdown, revoked access). */
  close(code: number, reason: string): void {
    if (this.closed) return
    try {
      this.ws.close(code, reason)
    } catch {
      this.ws.terminate()
    }
    this.dispose()
  }

  /** Cuts the socket without a closing handshake (shutdown, after close() had its chance). */
  terminate(): void {
    this.ws.terminate()
    this.dispose()
  }

  private readonly onPong = () => {
    this.alive = true
  }

  private readonly onMessage = (data: RawData) => {
    if (this.closed) return
    this.alive = true
    const frame = frameBytes(data)
    const m = this.opts.metrics
    m.bytesIn += frame.length
    if (frame.length > this.opts.maxFrameBytes) {
      m.oversizedFrames++
      this.close(CloseCode.tooBig, 'frame too large')
      return
    }
    try {
      this.handle(frame)
    } catch (err) {
      m.malformedFrames++
      this.opts.log.debug(
        {
          doc: this.document.name,
          userId: this.opts.userId,
          requestId: this.opts.requestId,
          err: (err as Error).message,
        },
        'collab: malformed frame, closing the connection',
      )
      this.close(CloseCode.protocolError, err instanceof ProtocolError ? 'malformed message' : 'bad update')
    }
  }

  private handle(frame: Uint8Array): void {
    const msg = decodeMessage(frame)
    const { doc, awareness } = this.document
    const m = this.opts.metrics
    switch (msg.type) {
      case 'sync-step1': {
        // What the client lacks, as of now, sent once all of it is committed: nobody sees an edit
        // that a crash could still take back.
        void this.document.syncReply(msg.stateVector).then((reply) => this.send(reply))
        return
      }
      case 'sync-step2':
      case 'update':
        if (this.opts.readOnly || this.document.frozen) {
          m.updatesDropped++
          return
        }
        // An update is never dropped silently: over the rate the connection closes, and the client's
        // y-websocket reconnects and sends what the server lacks in its sync step.
        if (!this.updateBucket.take() || !this.updateBytesBucket.take(msg.update.length)) {
          m.rateLimited++
          this.close(CloseCode.rateLimited, 'too many updates')
          return
        }
        if (this.document.approxBytes() + msg.update.length > this.opts.maxDocumentBytes) {
          m.documentsTooLarge++
          this.close(CloseCode.documentTooLarge, 'document too large')
          return
        }
        Y.applyUpdate(doc, msg.update, this)
        this.document.grew(msg.update.length)
        m.updatesIn++
        return
      case 'awareness':
        m.awarenessIn++
        // Presence is disposable: over the rate it is dropped, and a flood closes the connection.
        if (!this.awarenessBucket.take()) {
          m.rateLimited++
          if (++this.awarenessOverflow > this.opts.rates.awarenessBurst * 10)
            this.close(CloseCode.rateLimited, 'too many presence messages')
          return
        }
        this.awarenessOverflow = 0
        this.applyAwareness(msg.update)
        return
      case 'query-awareness':
        this.send(awarenessMessage(encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()])))
        return
      case 'auth':
        return
    }
  }

  /**
   * Applies the entries of an awareness update this connection may speak for: the client ids it
   * announced first (up to a few). Others' presence cannot be changed or removed through it.
   */
  private applyAwareness(update: Uint8Array): void {
    const d = decoding.createDecoder(update)
    const n = decoding.readVarUint(d)
    const owners = this.document.awarenessOwners
    const kept: [number, number, string][] = []
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const state = decoding.readVarString(d)
      const owner = owners.get(id)
      if (owner === this || (owner === undefined && state !== 'null' && this.claim(id))) kept.push([id, clock, state])
    }
    if (d.pos !== update.length) throw new ProtocolError('trailing bytes in awareness update')
    if (kept.length === 0) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, kept.length)
    for (const [id, clock, state] of kept) {
      encoding.writeVarUint(e, id)
      encoding.writeVarUint(e, clock)
      encoding.writeVarString(e, state)
    }
    const { awareness } = this.document
    applyAwarenessUpdate(awareness, encoding.toUint8Array(e), this)
    // An id becomes this connection's only if its state was accepted: y-websocket clients echo
    // everyone's presence back, and an echo of a departed client (an old clock) must not revive it.
    for (const [id, clock, state] of kept) {
      if (state !== 'null' && awareness.states.has(id) && awareness.meta.get(id)?.clock === clock) owners.set(id, this)
      else if (owners.get(id) !== this) this.clientIds.delete(id)
    }
  }

  private claim(id: number): boolean {
    if (this.clientIds.has(id)) return true
    if (this.clientIds.size >= this.opts.maxAwarenessClients) return false
    this.clientIds.add(id)
    return true
  }

  private readonly onError = (err: Error) => {
    // ws closes the socket itself after an error (1009 for an oversized frame, 1002 for a bad one).
    if (isOversizeError(err)) this.opts.metrics.oversizedFrames++
    else this.opts.metrics.malformedFrames++
    this.opts.log.debug(
      { doc: this.document.name, requestId: this.opts.requestId, err: err.message },
      'collab: websocket error',
    )
    this.dispose()
  }

  private readonly onClose = () => {
    this.dispose()
  }

  /** Leaves the document; idempotent. The ws listeners stay until the socket is closed (ws emits 'close' last). */
  private dispose(): void {
    if (this.closed) return
    this.closed = true
    const { document } = this
    document.connections.delete(this)
    const mine: number[] = []
    for (const id of this.clientIds) {
      if (document.awarenessOwners.get(id) === this) {
        document.awarenessOwners.delete(id)
        if (document.awareness.states.has(id)) mine.push(id)
      }
    }
    this.clientIds.clear()
    if (mine.length > 0 && !document.isDestroyed) removeAwarenessStates(document.awareness, mine, this)
    this.opts.metrics.connections--
    if (this.ws.readyState === this.ws.CLOSED) this.detach()
    else this.ws.once('close', this.detach)
    this.opts.onClose()
  }

  private readonly detach = () => {
    this.ws.off('message', this.onMessage)
    this.ws.off('close', this.onClose)
    this.ws.off('pong', this.onPong)
    // An error listener stays: a socket erroring after this must not crash the process.
    this.ws.off('error', this.onError)
    this.ws.on('error', () => {})
  }
}
