// createCollabServer: upgrades, authentication, the store, the registry and connections wired together.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { CurrentUser } from '@hub/auth'
import type { Db } from '@hub/db'
import type WebSocket from 'ws'
import { WebSocketServer } from 'ws'
import type { Access } from './access'
import { sameOrigin } from './auth'
import { CollabConnection } from './connection'
import { DocumentStore } from './document-store'
import {
  CloseCode,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_DOCUMENT_BYTES,
  DEFAULT_MAX_FRAME_BYTES,
  DEFAULT_RATE_LIMITS,
  MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  type RateLimits,
} from './limits'
import { type CollabLogger, requestIdOf, silentLogger } from './logger'
import { type CollabMetrics, createMetrics } from './metrics'
import { createRedisBus, FREEZE_HOLD_MS } from './redis-fanout'
import { DocumentRegistry, type RemoteBus } from './registry'
import { refuseUpgrade, upgradeTarget } from './upgrade'

export interface CollabServerOptions {
  db: Db
  /** The signed-in user of an upgrade request (see sessionAuthenticator), null without a session: 401. */
  authenticate(req: IncomingMessage): Promise<CurrentUser | null>
  /** The user's access to a document (see documentAccess): 'none' is refused with 403, 'missing' with 404. */
  authorize(user: CurrentUser, docName: string): Promise<Access>
  /** Content of a document opened for the first time, as a Yjs update; applied once, on the server. */
  initialContent?(docName: string): Promise<Uint8Array | null>
  log?: CollabLogger
  /** Largest frame a client may send; bigger ones close that connection with 1009. Default 4 MiB. */
  maxFrameBytes?: number
  /**
   * Updates are grouped this long into one log write, so an edit is durable about this long after it
   * arrives. Default 0: written at the end of the I/O turn, or, while a write is in flight, with
   * everything else that arrived meanwhile as soon as it commits (group commit without a wait).
   */
  flushIntervalMs?: number
  /** A document's log is merged into its snapshot when it holds more rows than this. Default 200. */
  compactAfterUpdates?: number
  /** A document nobody is connected to leaves memory this long after the last connection closed. Default 30 s. */
  unloadAfterMs?: number
  /** Whether an upgrade's Origin header may open a socket (cross-site websocket hijacking); default: same host. No Origin: allowed, judged by the session. */
  allowedOrigin?(origin: string, host: string | undefined): boolean
  /** Relays updates and presence between processes through Redis pub/sub (channel `collab:<docName>`). */
  redis?: { url: string }
  /** Any other relay between processes (tests use an in-memory one); wins over `redis`. */
  remote?: RemoteBus
  /** Path the documents live under. Default "/collab". */
  path?: string
  /** Changes are gathered this long before they are sent to the connections; 0 = end of the I/O turn. Default 10. */
  fanoutIntervalMs?: number
  /** The plain-text projection is rewritten at most this often. Default 1000. */
  plainTextDebounceMs?: number
  /** Connections are pinged this often; one that did not answer the previous ping is dropped. Default 30 s. */
  pingIntervalMs?: number
  /** A client that has not read this much of what it was sent is dropped. Default 64 MiB. */
  maxBufferedBytes?: number
  /** How long a departed client's presence clock is remembered (refusing stale echoes). Default 30 s. */
  awarenessGraceMs?: number
  /** A document stops taking edits at this size (close code 4413). Default 16 MiB. */
  maxDocumentBytes?: number
  /** Per-connection rates of updates and presence (over them: presence dropped, updates close with 4429). */
  rates?: Partial<RateLimits>
  /**
   * An update is sent to the other clients once its write has committed (default true), so that
   * whatever anyone saw survives a crash. False sends it at once: only for the benchmark's comparison.
   */
  relayAfterDurable?: boolean
}

export interface CollabServer {
  /** The path prefix it serves, "/collab/" (for a router of upgrades: `url.startsWith(path)`). */
  readonly path: string
  /** Handles an HTTP upgrade for `/collab/<docName>` (see `handles`); refuses it with a plain HTTP error otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Whether an upgrade request is addressed to this server (its path is under `/collab/`). */
  handles(req: IncomingMessage): boolean
  /** Stops accepting, closes connections (1001), writes and compacts every open document; does not close the database. */
  close(): Promise<void>
  readonly registry: DocumentRegistry
  /** The only reader and writer of the documents' tables: snapshots (with a freeze) for issuing and exports. */
  readonly store: DocumentStore
  readonly metrics: CollabMetrics
  readonly db: Db
  /** Connections open now. */
  connectionCount(): number
  /**
   * Closes every connection to a document whose access may have changed (a directive was issued), so
   * that clients reconnect and are judged again at the upgrade: an issued text becomes read-only. A
   * freeze of the document (see DocumentStore.snapshot) ends here: access decides from now on. In a
   * cluster every process holding the document does the same (through Redis); the count is this one's.
   */
  reauthorize(docName: string): number
  /** Closes a user's connections after their sessions ended; clients reconnect and are judged again. */
  reauthorizeUser(userId: string): number
}

/** Creates the collaborative-document server; mount it with `httpServer.on('upgrade', ...)`. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const log = options.log ?? silentLogger
  const metrics = createMetrics()
  const basePath = (options.path ?? '/collab').replace(/\/+$/, '')
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
  const allowedOrigin = options.allowedOrigin ?? sameOrigin()
  const remote: RemoteBus | undefined =
    options.remote ?? (options.redis ? createRedisBus({ url: options.redis.url, log, metrics }) : undefined)

  const store = new DocumentStore(options.db, {
    flushIntervalMs: options.flushIntervalMs ?? 0,
    compactAfterUpdates: options.compactAfterUpdates ?? 200,
    plainTextDebounceMs: options.plainTextDebounceMs ?? 1000,
    log,
    metrics,
  })
  const registry = new DocumentRegistry({
    store,
    initialContent: options.initialContent,
    unloadAfterMs: options.unloadAfterMs ?? 30_000,
    fanoutIntervalMs: options.fanoutIntervalMs ?? 10,
    awarenessGraceMs: options.awarenessGraceMs,
    metrics,
    log,
    remote,
    relayAfterDurable: options.relayAfterDurable,
  })
  // maxPayload makes ws refuse an oversized frame while reading it (1009), before it is buffered whole.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    clientTracking: false,
    perMessageDeflate: false,
  })
  const connections = new Set<CollabConnection>()
  const documentOf = new WeakMap<CollabConnection, string>()
  const userOf = new WeakMap<CollabConnection, string>()
  let closing = false

  const heartbeat = setInterval(() => {
    for (const c of connections) c.heartbeat()
  }, options.pingIntervalMs ?? 30_000)
  heartbeat.unref()

  function refuse(socket: Duplex, status: number, code?: string) {
    metrics.refused[status] = (metrics.refused[status] ?? 0) + 1
    refuseUpgrade(socket, status, code)
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const requestId = requestIdOf(req.headers['x-request-id'])
    if (closing) return refuse(socket, 503)
    const target = upgradeTarget(req.url, basePath)
    if (target.kind === 'elsewhere') return refuse(socket, 404)
    if (target.kind === 'bad-name') return refuse(socket, 400)
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigin(origin, req.headers.host)) return refuse(socket, 403, 'cross_origin')
    const user = await options.authenticate(req)
    if (!user) return refuse(socket, 401)
    const access = await options.authorize(user, target.name)
    if (access === 'missing') return refuse(socket, 404)
    if (access !== 'read' && access !== 'write') return refuse(socket, 403)
    if (socket.destroyed) return
    if (closing) return refuse(socket, 503)
    let lease: Awaited<ReturnType<DocumentRegistry['acquire']>>
    try {
      // The document is loaded before the handshake completes: the client's first sync is served from the stored state.
      lease = await registry.acquire(target.name)
    } catch (err) {
      if (!closing) log.error({ err, doc: target.name }, 'collab: could not open document')
      return refuse(socket, 503)
    }
    if (socket.destroyed || closing) {
      lease.release()
      if (!socket.destroyed) refuse(socket, 503)
      return
    }
    // ws answers a malformed handshake itself and never calls back: the lease is released when the socket closes.
    const releaseIfAborted = () => lease.release()
    socket.once('close', releaseIfAborted)
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      socket.off('close', releaseIfAborted)
      const conn = new CollabConnection(ws, lease.document, {
        readOnly: access === 'read',
        userId: user.userId,
        maxFrameBytes,
        maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
        maxAwarenessClients: MAX_AWARENESS_CLIENTS_PER_CONNECTION,
        maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
        rates: { ...DEFAULT_RATE_LIMITS, ...options.rates },
        metrics,
        log,
        requestId,
        onClose: () => {
          connections.delete(conn)
          lease.release()
        },
      })
      connections.add(conn)
      documentOf.set(conn, target.name)
      userOf.set(conn, user.userId)
      log.info({ requestId, userId: user.userId, doc: target.name, readOnly: access === 'read' }, 'collab: connected')
      conn.start()
      if (closing) conn.close(CloseCode.goingAway, 'server shutting down')
    })
  }

  const closeWhere = (pick: (c: CollabConnection) => boolean) => {
    let n = 0
    for (const c of connections) {
      if (!pick(c)) continue
      c.close(CloseCode.accessChanged, 'access changed')
      n++
    }
    return n
  }
  /** Closes a document's connections so that they reconnect and are judged again; ends a freeze. */
  const reauthorizeHere = (docName: string) => {
    const n = closeWhere((c) => documentOf.get(c) === docName)
    store.thaw(docName)
    return n
  }

  // In a cluster a freeze (issuing) and a reauthorization reach every process holding the document.
  if (remote?.freeze && remote.thaw) {
    const bus = remote as Required<Pick<RemoteBus, 'freeze' | 'thaw'>>
    store.useCluster({ freeze: (name, ms) => bus.freeze(name, ms), thaw: (name) => bus.thaw(name) })
  }
  // A freeze that ends without an issue reconnects the editors: their sync brings the edits refused meanwhile.
  store.onThaw(reauthorizeHere)
  remote?.serve?.({
    freeze: (name, ms) => store.freezeFor(name, { ms, holdMs: FREEZE_HOLD_MS, expired: () => reauthorizeHere(name) }),
    thaw: (name) => void reauthorizeHere(name),
    reauthorize: (name) => void reauthorizeHere(name),
  })

  return {
    path: `${basePath}/`,
    handleUpgrade(req, socket, head) {
      // A client vanishing mid-handshake must not become an unhandled 'error' event.
      socket.on('error', () => {})
      upgrade(req, socket, head).catch((err) => {
        log.error({ err, url: req.url }, 'collab: upgrade failed')
        refuse(socket, 500)
      })
    },
    handles(req) {
      return upgradeTarget(req.url, basePath).kind !== 'elsewhere'
    },
    async close() {
      if (closing) return
      closing = true
      clearInterval(heartbeat)
      const open = [...connections]
      for (const c of open) c.close(CloseCode.goingAway, 'server shutting down')
      await registry.closeAll()
      await store.close()
      await remote?.close()
      // Whoever has not answered the close frame by now is cut off.
      for (const c of open) c.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
    registry,
    store,
    metrics,
    db: options.db,
    connectionCount: () => connections.size,
    reauthorize(docName) {
      remote?.reauthorize?.(docName)
      return reauthorizeHere(docName)
    },
    reauthorizeUser(userId) {
      return closeWhere((c) => userOf.get(c) === userId)
    },
  }
}
