// Relaying documents between processes through Redis pub/sub (and an in-memory stand-in for tests).
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

  constructor(
    private readonly transport: PubSub,
    private readonly opts: RelayOptions,
  ) {
    this.processId = opts.processId ?? randomUUID()
    const id = Buffer.from(this.processId, 'utf8')
    if (id.length > 255) throw new Error('processId too long')
    this.prefix = Buffer.concat([Buffer.from([id.length]), id])
    transport.onMessage((channel, message) => this.receive(channel, message))
    // Updates published while Redis was down never arrived: ask again for every open document.
    transport.onReconnect?.(() => {
      for (const d of this.docs.values()) this.send(d.name, Kind.SyncRequest, Y.encodeStateVector(d.doc))
    })
  }

  private send(docName: string, kind: Kind, payload: Uint8Array): void {
    this.opts.metrics.remoteOut++
    this.transport.publish(channelOf(docName), Buffer.concat([this.prefix, Buffer.from([kind]), payload]))
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
  }

  async leave(name: string): Promise<void> {
    this.docs.delete(name)
    await this.transport.unsubscribe(channelOf(name))
  }

  private receive(channel: string, message: Buffer): void {
    if (!channel.startsWith('collab:')) return
    const document = this.docs.get(channel.slice('collab:'.length))
    if (!document || document.isDestroyed) return
    const idLen = message[0] ?? 0
    if (message.length < idLen + 2) return
    if (message.toString('utf8', 1, 1 + idLen) === this.processId) return
    const kind = message[1 + idLen]
    const payload = message.subarray(2 + idLen)
    this.opts.metrics.remoteIn++
    try {
      if (kind === Kind.Update) Y.applyUpdate(document.doc, payload, REMOTE_ORIGIN)
      else if (kind === Kind.Awareness) applyAwarenessUpdate(document.awareness, payload, REMOTE_ORIGIN)
      else if (kind === Kind.SyncRequest) this.answer(document, payload)
    } catch (err) {
      this.opts.log.warn({ err, doc: document.name }, 'collab: bad message from another process')
    }
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
    async subscribe(channel) {
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
  return {
    connect() {
      const me = { channels: new Set<string>(), handlers: [] as ((c: string, m: Buffer) => void)[] }
      members.add(me)
      return {
        publish(channel, message) {
          setImmediate(() => {
            for (const m of members) if (m.channels.has(channel)) for (const h of m.handlers) h(channel, message)
          })
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
