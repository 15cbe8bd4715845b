// Relaying documents between processes through Redis pub/sub (and an in-memory stand-in for tests),
// and freezing a document in every process that holds it when its text is issued.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type CollabDocument, REMOTE_ORIGIN } from './document'
import type { RemotePublisher } from './fanout'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import type { RemoteBus } from './registry'

/** The transport a relay needs: channels, like Redis pub/sub (which also delivers to the publisher). */
export interface PubSub {
  publish(channel: string, message: Buffer): void
  /** Publishes and resolves with how many subscriptions received the message (Redis PUBLISH's answer). */
  publishCounted(channel: string, message: Buffer): Promise<number>
  /** Sets a flag that expires by itself after `ttlMs` (a freeze a process opening the document must honour). */
  setFlag(key: string, ttlMs: number): Promise<void>
  hasFlag(key: string): Promise<boolean>
  clearFlag(key: string): Promise<void>
  subscribe(channel: string): Promise<void>
  unsubscribe(channel: string): Promise<void>
  onMessage(handler: (channel: string, message: Buffer) => void): void
  /** Called when the transport is back after an outage (messages meanwhile were lost). */
  onReconnect?(handler: () => void): void
  close(): Promise<void>
}

const Kind = {
  Update: 0,
  Awareness: 1,
  /** "Here is my state vector: send me what I lack, and who is here." */
  SyncRequest: 2,
  /** "Refuse edits, write what you accepted, and answer on my reply channel": JSON {id, ms}. */
  Freeze: 3,
  /** "The freeze is over, the issue was refused": editors write again. */
  Thaw: 4,
  /** "Access may have changed": close the document's connections so that they are judged again. */
  Reauthorize: 5,
} as const
type Kind = (typeof Kind)[keyof typeof Kind]

export interface RelayOptions {
  /** Identifies this process's messages, so that it ignores its own. Random by default. */
  processId?: string
  log: CollabLogger
  metrics: CollabMetrics
}

/** Channel of a document. */
export const channelOf = (docName: string) => `collab:${docName}`
/** Channel on which a process hears the answers to its freeze requests. */
const replyChannelOf = (processId: string) => `collab-reply:${processId}`
/** Flag of a document being frozen: a process opening it meanwhile freezes it too. */
const freezeFlagOf = (docName: string) => `collab-freeze:${docName}`

/**
 * What this process does when another asks about a document it holds (the collab server). A freeze
 * asked by another process ends with thaw(), reauthorize(), or by itself after `FREEZE_HOLD_MS`.
 */
export interface FreezeHandler {
  /** Refuses the document's edits from now on and writes what was accepted; resolves once written, within `ms`. */
  freeze(name: string, ms: number): Promise<void>
  /** Lets editors write again (the issue was refused), reconnecting them so that their refused edits sync. */
  thaw(name: string): void
  /** Closes the document's connections so that they are judged again (and ends a freeze). */
  reauthorize(name: string): void
}

/**
 * How long a freeze asked by another process holds at most: if the issuing process dies before it
 * says how the issue ended, the editors are reconnected after this and judged by the record.
 */
export const FREEZE_HOLD_MS = 60_000

/** Thrown when a process holding the document did not confirm its freeze in time (or could not write). */
export class FreezeNotConfirmedError extends Error {
  /** Read by the API as a temporary unavailability (503), like a database timeout. */
  readonly code = 'ETIMEDOUT'
  constructor(docName: string, answered: number, expected: number | null, failed: boolean) {
    super(
      `collab: freezing ${docName} across processes: ${answered} of ${expected ?? '?'} confirmed${failed ? ', one failed' : ''}`,
    )
  }
}

interface FreezeWait {
  /** Subscriptions that received the request (null until PUBLISH answers). */
  expected: number | null
  answered: number
  failed: boolean
  done: () => void
}

/**
 * Relays documents between processes: each process publishes its merged updates and awareness
 * changes (once per tick, from the fan-out) on the document's channel, tagged with its process id,
 * and applies what other processes publish. A process opening a document loads it from the database
 * (the holders write every tick) and then asks the holders, with its state vector, for anything
 * newer; they answer with the missing updates and their users' presence.
 */
export class DocumentRelay implements RemoteBus {
  readonly processId: string
  private readonly prefix: Buffer
  private readonly docs = new Map<string, CollabDocument>()
  private handler: FreezeHandler | null = null
  private readonly waits = new Map<string, FreezeWait>()
  private readonly replies: Promise<void>

  constructor(
    private readonly transport: PubSub,
    private readonly opts: RelayOptions,
  ) {
    this.processId = opts.processId ?? randomUUID()
    const id = Buffer.from(this.processId, 'utf8')
    if (id.length > 255) throw new Error('processId too long')
    this.prefix = Buffer.concat([Buffer.from([id.length]), id])
    transport.onMessage((channel, message) => this.receive(channel, message))
    this.replies = transport.subscribe(replyChannelOf(this.processId))
    this.replies.catch((err) => opts.log.warn({ err }, 'collab: could not subscribe to freeze answers'))
    // Updates published while Redis was down never arrived: ask again for every open document.
    transport.onReconnect?.(() => {
      for (const d of this.docs.values()) this.send(d.name, Kind.SyncRequest, Y.encodeStateVector(d.doc))
    })
  }

  private send(docName: string, kind: Kind, payload: Uint8Array): void {
    this.opts.metrics.remoteOut++
    this.transport.publish(channelOf(docName), this.frame(kind, payload))
  }

  publisher(name: string): RemotePublisher {
    return {
      publishUpdate: (u) => this.send(name, Kind.Update, u),
      publishAwareness: (u) => this.send(name, Kind.Awareness, u),
    }
  }

  async join(document: CollabDocument): Promise<void> {
    this.docs.set(document.name, document)
    await this.transport.subscribe(channelOf(document.name))
    this.send(document.name, Kind.SyncRequest, Y.encodeStateVector(document.doc))
    // Subscribed first, then the flag: a freeze published before the subscription set its flag
    // before publishing, so it is seen here; one published after reaches this process's handler.
    if (this.handler && (await this.transport.hasFlag(freezeFlagOf(document.name))))
      await this.handler.freeze(document.name, FREEZE_HOLD_MS)
  }

  /** Sets who acts on other processes' freezes of documents open here (the collab server). */
  serve(handler: FreezeHandler): void {
    this.handler = handler
  }

  /**
   * Freezes the document in every process that holds it: each refuses its editors' updates from
   * then on, writes what it accepted, and confirms. Resolves once every process subscribed to the
   * document has confirmed (this one answers its own request at once: the caller freezes here);
   * rejects with FreezeNotConfirmedError after `timeoutMs`, or as soon as one says it could not
   * write. The caller then thaws. A process opening the document meanwhile finds its flag.
   */
  async freeze(name: string, timeoutMs: number): Promise<void> {
    const id = randomUUID()
    const wait: FreezeWait = { expected: null, answered: 0, failed: false, done: () => {} }
    let timer: NodeJS.Timeout | undefined
    const settled = new Promise<void>((resolve, reject) => {
      wait.done = () => {
        if (wait.failed) reject(new FreezeNotConfirmedError(name, wait.answered, wait.expected, true))
        else if (wait.expected !== null && wait.answered >= wait.expected) resolve()
      }
      timer = setTimeout(
        () => reject(new FreezeNotConfirmedError(name, wait.answered, wait.expected, false)),
        timeoutMs,
      )
    })
    this.waits.set(id, wait)
    const ask = async () => {
      await this.replies
      await this.transport.setFlag(freezeFlagOf(name), FREEZE_HOLD_MS)
      const request = Buffer.from(JSON.stringify({ id, ms: timeoutMs }), 'utf8')
      wait.expected = await this.transport.publishCounted(channelOf(name), this.frame(Kind.Freeze, request))
    }
    // Redis failing to take the request fails the freeze at once (not at the timeout).
    void ask().then(
      () => wait.done(),
      (err) => {
        this.opts.log.warn({ err, doc: name }, 'collab: could not ask the other processes to freeze')
        wait.failed = true
        wait.done()
      },
    )
    try {
      await settled
    } finally {
      clearTimeout(timer)
      this.waits.delete(id)
    }
  }

  /** Ends a freeze in the other processes (the issue was refused). */
  thaw(name: string): void {
    this.transport.clearFlag(freezeFlagOf(name)).catch(() => {})
    this.send(name, Kind.Thaw, new Uint8Array())
  }

  /** Has the other processes close the document's connections so that they are judged again. */
  reauthorize(name: string): void {
    this.transport.clearFlag(freezeFlagOf(name)).catch(() => {})
    this.send(name, Kind.Reauthorize, new Uint8Array())
  }

  private frame(kind: Kind, payload: Uint8Array): Buffer {
    return Buffer.concat([this.prefix, Buffer.from([kind]), payload])
  }

  async leave(name: string): Promise<void> {
    this.docs.delete(name)
    await this.transport.unsubscribe(channelOf(name))
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === replyChannelOf(this.processId)) {
      this.answered(message)
      return
    }
    if (!channel.startsWith('collab:')) return
    const name = channel.slice('collab:'.length)
    const idLen = message[0] ?? 0
    if (message.length < idLen + 2) return
    const sender = message.toString('utf8', 1, 1 + idLen)
    const kind = message[1 + idLen]
    const payload = message.subarray(2 + idLen)
    // Every subscription of the document answers a freeze, its asker's and those closing it too.
    if (kind === Kind.Freeze) {
      void this.freezeAsked(name, sender, payload)
      return
    }
    if (sender === this.processId) return
    if (kind === Kind.Thaw || kind === Kind.Reauthorize) {
      if (kind === Kind.Thaw) this.handler?.thaw(name)
      else this.handler?.reauthorize(name)
      return
    }
    const document = this.docs.get(name)
    if (!document || document.isDestroyed) return
    this.opts.metrics.remoteIn++
    try {
      if (kind === Kind.Update) Y.applyUpdate(document.doc, payload, REMOTE_ORIGIN)
      else if (kind === Kind.Awareness) applyAwarenessUpdate(document.awareness, payload, REMOTE_ORIGIN)
      else if (kind === Kind.SyncRequest) this.answer(document, payload)
    } catch (err) {
      this.opts.log.warn({ err, doc: document.name }, 'collab: bad message from another process')
    }
  }

  /** Freezes a document here at another process's request, then says whether it worked. */
  private async freezeAsked(name: string, sender: string, payload: Buffer): Promise<void> {
    let request: { id: string; ms: number }
    try {
      request = JSON.parse(payload.toString('utf8'))
    } catch {
      return
    }
    let ok = true
    // The asker froze its own copy before asking; a process that no longer holds it has nothing to write.
    if (sender !== this.processId && this.docs.has(name) && this.handler) {
      try {
        await this.handler.freeze(name, request.ms)
      } catch (err) {
        ok = false
        this.opts.log.warn({ err, doc: name }, 'collab: could not write a frozen document for another process')
      }
    }
    this.transport.publish(replyChannelOf(sender), Buffer.from(`${ok ? 1 : 0}${request.id}`, 'utf8'))
  }

  private answered(message: Buffer): void {
    const text = message.toString('utf8')
    const wait = this.waits.get(text.slice(1))
    if (!wait) return
    if (text[0] === '1') wait.answered++
    else wait.failed = true
    wait.done()
  }

  private answer(document: CollabDocument, stateVector: Uint8Array): void {
    const missing = Y.encodeStateAsUpdate(document.doc, stateVector)
    // An update with no structs and no deletions encodes as two zero bytes. It is sent once all of
    // it is committed (relay after durable, across processes too).
    if (missing.length > 2) void document.whenDurable().then(() => this.send(document.name, Kind.Update, missing))
    // The asker has something this process lacks (both kept editing while apart): ask it back. Once
    // the two hold the same, neither asks again.
    const ours = Y.decodeStateVector(Y.encodeStateVector(document.doc))
    if ([...Y.decodeStateVector(stateVector)].some(([client, clock]) => (ours.get(client) ?? 0) < clock))
      this.send(document.name, Kind.SyncRequest, Y.encodeStateVector(document.doc))
    const local = [...document.awarenessOwners.keys()].filter((id) => document.awareness.states.has(id))
    if (local.length > 0) this.send(document.name, Kind.Awareness, encodeAwarenessUpdate(document.awareness, local))
  }

  async close(): Promise<void> {
    this.docs.clear()
    await this.transport.close()
  }
}

/** Redis pub/sub as a relay transport: one connection publishes, one subscribes (a subscriber cannot publish). */
export function redisPubSub(url: string, log: CollabLogger): PubSub {
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const sub = new Redis(url, { lazyConnect: false })
  for (const r of [pub, sub]) r.on('error', (err) => log.warn({ err: err.message }, 'collab: redis error'))
  return {
    publish(channel, message) {
      pub.publish(channel, message).catch((err) => log.warn({ err: err.message }, 'collab: redis publish failed'))
    },
    publishCounted: (channel, message) => pub.publish(channel, message),
    async setFlag(key, ttlMs) {
      await pub.set(key, '1', 'PX', ttlMs)
    },
    hasFlag: async (key) => (await pub.exists(key)) > 0,
    async clearFlag(key) {
      await pub.del(key)
    },
    async subscribe(channel) {
      // A subscription queued while the connection is still being made can meet ioredis's ready
      // check (INFO) and fail ("subscriber mode"): it waits for the connection first, a while (in
      // an outage it is then queued as any command, and the document opens meanwhile).
      if (sub.status !== 'ready') {
        let timer: NodeJS.Timeout | undefined
        let ready = () => {}
        await new Promise<void>((r) => {
          ready = r
          timer = setTimeout(r, 5000)
          sub.once('ready', r)
        })
        clearTimeout(timer)
        sub.off('ready', ready)
      }
      await sub.subscribe(channel)
    },
    async unsubscribe(channel) {
      await sub.unsubscribe(channel)
    },
    onMessage(handler) {
      sub.on('messageBuffer', (channel: Buffer, message: Buffer) => handler(channel.toString('utf8'), message))
    },
    onReconnect(handler) {
      // The first 'ready' is the first connection; every later one follows an outage.
      let connected = false
      sub.on('ready', () => {
        if (connected) handler()
        connected = true
      })
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}

/** The relay over Redis that `createCollabServer({ redis: { url } })` uses. */
export function createRedisBus(opts: { url: string; log: CollabLogger; metrics: CollabMetrics }): DocumentRelay {
  return new DocumentRelay(redisPubSub(opts.url, opts.log), { log: opts.log, metrics: opts.metrics })
}

/** An in-process stand-in for Redis pub/sub: every transport it makes sees the others' messages (and its own). */
export function createMemoryPubSub(): { connect(): PubSub } {
  const members = new Set<{ channels: Set<string>; handlers: ((c: string, m: Buffer) => void)[] }>()
  const flags = new Map<string, number>()
  return {
    connect() {
      const me = { channels: new Set<string>(), handlers: [] as ((c: string, m: Buffer) => void)[] }
      members.add(me)
      const publishCounted = async (channel: string, message: Buffer) => {
        const to = [...members].filter((m) => m.channels.has(channel))
        setImmediate(() => {
          for (const m of to) for (const h of m.handlers) h(channel, message)
        })
        return to.length
      }
      return {
        publish(channel, message) {
          void publishCounted(channel, message)
        },
        publishCounted,
        async setFlag(key, ttlMs) {
          flags.set(key, Date.now() + ttlMs)
        },
        hasFlag: async (key) => (flags.get(key) ?? 0) > Date.now(),
        async clearFlag(key) {
          flags.delete(key)
        },
        async subscribe(channel) {
          me.channels.add(channel)
        },
        async unsubscribe(channel) {
          me.channels.delete(channel)
        },
        onMessage(handler) {
          me.handlers.push(handler)
        },
        async close() {
          members.delete(me)
        },
      }
    },
  }
}
