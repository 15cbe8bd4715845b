// Collab benchmark clients, one code for every server measured (the hub, Hocuspocus, a bare ws relay):
// a writer holds a Y.Doc and sends each local update as y-websocket does; every client reads the
// frames it receives for the markers writers insert ("<seq>"), without applying them, so that the
// bench process (500 clients on a 2-core machine shared with the server) is not the bottleneck.
// The bytes on the wire are y-websocket's (Hocuspocus: its document-name prefix and token handshake).
import { readFileSync } from 'node:fs'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

/** How to reach one server: the socket URL of a document, the headers, and its protocol's framing. */
export interface Target {
  name: string
  url(doc: string): string
  headers?: Record<string, string>
  /** Hocuspocus prefixes every message with the document name and wants a token message first. */
  hocuspocus?: boolean
}

/** Where every marker was sent, and each arrival at a client other than its sender. */
export class Ledger {
  readonly sentAt = new Map<number, { at: number; by: Client }>()
  samples: number[] = []
  deliveries = 0
  lastArrival = 0
  private seq = 0

  next(by: Client): number {
    const key = this.seq++
    this.sentAt.set(key, { at: performance.now(), by })
    return key
  }

  /** Starts a new phase: older markers no longer count. */
  reset(): void {
    this.sentAt.clear()
    this.samples = []
    this.deliveries = 0
    this.lastArrival = 0
  }

  arrived(key: number, at: Client, now: number): void {
    const s = this.sentAt.get(key)
    if (!s || s.by === at) return
    this.samples.push(now - s.at)
    this.deliveries++
    this.lastArrival = now
  }
}

const MARKER = /<(\d+)>/g

export class Client {
  readonly ws: WebSocket
  readonly doc = new Y.Doc()
  private readonly prefix: Uint8Array
  private synced!: Promise<void>
  /** Markers already seen here (a marker can reach a client in an update and again in a sync). */
  private readonly seen = new Set<number>()

  constructor(
    readonly target: Target,
    readonly docName: string,
    private readonly ledger: Ledger,
    /** False: frames are not read for markers (a client syncing a huge document). */
    scan = true,
  ) {
    const e = encoding.createEncoder()
    if (target.hocuspocus) encoding.writeVarString(e, docName)
    this.prefix = encoding.toUint8Array(e)
    this.ws = new WebSocket(target.url(docName), { headers: target.headers, perMessageDeflate: false })
    this.synced = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${target.name}: no sync for ${docName}`)), 30_000)
      this.ws.once('error', reject)
      this.ws.once('open', () => {
        if (target.hocuspocus)
          this.send(
            (e) => encoding.writeVarUint(e, 2),
            [0],
            (e) => encoding.writeVarString(e, ''),
          )
        this.send(
          (e) => encoding.writeVarUint(e, 0),
          [0],
          (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc)),
        )
      })
      const n = this.prefix.length
      this.ws.on('message', (data: Buffer) => {
        const now = performance.now()
        // A sync step 2 (sync message, type 1): the client is synced.
        if (data[n] === 0 && data[n + 1] === 1) {
          clearTimeout(t)
          resolve()
        }
        if (!scan) return
        const text = data.toString('latin1')
        for (const m of text.matchAll(MARKER)) {
          const key = Number(m[1])
          if (this.seen.has(key)) continue
          this.seen.add(key)
          this.ledger.arrived(key, this, now)
        }
      })
    })
    this.doc.on('update', (update: Uint8Array) =>
      this.send(
        (e) => encoding.writeVarUint(e, 0),
        [2],
        (e) => encoding.writeVarUint8Array(e, update),
      ),
    )
  }

  private send(type: (e: encoding.Encoder) => void, head: number[], body: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder()
    encoding.writeUint8Array(e, this.prefix)
    type(e)
    for (const b of head) encoding.writeVarUint(e, b)
    body(e)
    this.ws.send(encoding.toUint8Array(e))
  }

  ready(): Promise<void> {
    return this.synced
  }

  /** Inserts one marker at the end of the text: one Yjs update, one frame. */
  insert(): void {
    const key = this.ledger.next(this)
    const t = this.doc.getText('bench')
    t.insert(t.length, `<${key}> `)
  }

  /** Any local change, sent as one update. */
  edit(fn: (doc: Y.Doc) => void): void {
    this.doc.transact(() => fn(this.doc))
  }

  close(): void {
    this.ws.terminate()
    this.doc.destroy()
  }
}

/** CPU time (user + system, ms) and resident memory (MB) of a process, from /proc. */
export function usage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14 and 15 of stat (utime, stime) in clock ticks of 10 ms; here counted from field 3.
  const cpuMs = (Number(f[11]) + Number(f[12])) * 10
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return { cpuMs, rssMb: Number(rss?.[1] ?? 0) / 1024 }
}

/** Opens clients `batch` at a time (hundreds of handshakes at once time out on 2 shared cores). */
export async function openClients(
  target: Target,
  specs: { doc: string }[],
  ledger: Ledger,
  batch = 50,
): Promise<Client[]> {
  const out: Client[] = []
  for (let i = 0; i < specs.length; i += batch) {
    const group = specs.slice(i, i + batch).map((s) => new Client(target, s.doc, ledger))
    await Promise.all(group.map((c) => c.ready()))
    out.push(...group)
  }
  return out
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Waits until `expected` deliveries arrived, or `ms` passed. */
export async function drain(ledger: Ledger, expected: number, ms = 30_000): Promise<void> {
  const t = performance.now()
  while (ledger.deliveries < expected && performance.now() - t < ms) await sleep(20)
}
