// History: opening a document whose update log holds 100,000 updates (typing, with deletions) beside
// the same content stored as one snapshot, on the hub as users run it. The history is written into
// the data folder while the hub is stopped (as a process that crashed before compacting would leave
// it); after a restart each document is opened cold by a stock y-websocket client (until synced).
// The hub compacts at shutdown: a third open, after a second restart, loads the compacted history.
import { createDb, schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { call, cleanup, login, type Row, startProcess } from './harness'

const UPDATES = 100_000

/** 100,000 updates of an editor typing: a few characters each, a new paragraph every 100, a deletion every 10. */
function history(): { updates: Uint8Array[]; paragraphs: string[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const f = doc.getXmlFragment('default')
  let text: Y.XmlText | null = null
  for (let i = 0; updates.length < UPDATES; i++) {
    if (i % 100 === 0) {
      const p = new Y.XmlElement('paragraph')
      text = new Y.XmlText()
      p.insert(0, [text])
      f.push([p])
    } else if (i % 10 === 0) text!.delete(text!.length - 1, 1)
    else text!.insert(text!.length, `chữ${i % 7} `)
  }
  const paragraphs = (f.toArray() as Y.XmlElement[]).map((p) => (p.get(0) as Y.XmlText).toString())
  doc.destroy()
  return { updates, paragraphs }
}

/** The paragraphs typed into a fresh document at once: the same content without its history. */
function snapshotOf(paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc()
  const f = doc.getXmlFragment('default')
  f.push(
    paragraphs.map((t) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(t)])
      return p
    }),
  )
  const s = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return s
}

/** ms until a stock y-websocket client opening the document is synced (checked: it holds the text). */
async function openMs(base: string, cookie: string, name: string, chars: number): Promise<number> {
  const t = performance.now()
  const doc = new Y.Doc()
  const Polyfill = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: base } })
    }
  }
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/collab`, name, doc, {
    WebSocketPolyfill: Polyfill as never,
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync for ${name} in 120 s`)), 120_000)
      provider.once('sync', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    const ms = performance.now() - t
    const got = (doc.getXmlFragment('default').toArray() as Y.XmlElement[])
      .map((p) => (p.get(0) as Y.XmlText | undefined)?.toString() ?? '')
      .join('\n').length
    if (Math.abs(got - chars) > chars * 0.01) throw new Error(`${name}: ${got} characters, expected about ${chars}`)
    return ms
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

export async function collabHistory(): Promise<Row[]> {
  let hub = await startProcess()
  const dataDir = hub.dataDir
  try {
    const office = await login(hub.base, 'vanphong@demo.local')
    const make = async (title: string) =>
      (await call(hub.base, office, 'POST', '/api/directives', { kind: 'CT', title })).json.directive.docName as string
    const logged = await make('Lịch sử 100.000 lần sửa')
    const snap = await make('Cùng nội dung, một ảnh chụp')
    await hub.stop()
    const h = history()
    const chars = h.paragraphs.join('\n').length
    const db = await createDb({ dataDir })
    try {
      const { yDocuments, yUpdates } = schema
      await db.db.delete(yDocuments).where(eq(yDocuments.name, logged))
      await db.db.delete(yDocuments).where(eq(yDocuments.name, snap))
      await db.db.insert(yDocuments).values({ name: logged, snapshot: null, pendingUpdates: UPDATES })
      for (let i = 0; i < UPDATES; i += 2000)
        await db.db.insert(yUpdates).values(h.updates.slice(i, i + 2000).map((update) => ({ docName: logged, update })))
      await db.db.insert(yDocuments).values({ name: snap, snapshot: snapshotOf(h.paragraphs) })
    } finally {
      await db.close()
    }
    const runs: Record<string, number> = {}
    hub = await startProcess(dataDir)
    let cookie = await login(hub.base, 'vanphong@demo.local')
    runs.snapshot = await openMs(hub.base, cookie, snap, chars)
    runs.log = await openMs(hub.base, cookie, logged, chars)
    // Stopping writes and compacts every open document: the log becomes one snapshot with the history's structure.
    await hub.stop()
    hub = await startProcess(dataDir)
    cookie = await login(hub.base, 'vanphong@demo.local')
    runs.snapshot2 = await openMs(hub.base, cookie, snap, chars)
    runs.compacted = await openMs(hub.base, cookie, logged, chars)
    const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v, max: v })
    const snapshotMs = (runs.snapshot! + runs.snapshot2!) / 2
    const note = `${UPDATES.toLocaleString('en')} updates (a paragraph every 100, a deletion every 10), ${chars.toLocaleString('en')} characters; cold open by a y-websocket client until synced (the server reads, applies, encodes; the client applies); snapshot opens ${runs.snapshot!.toFixed(0)} and ${runs.snapshot2!.toFixed(0)} ms`
    return [
      {
        bench: 'open a document with 100,000 updates of history in its log',
        ...one(runs.log!),
        unit: 'ms',
        peer: 'same content as one snapshot',
        peerValue: snapshotMs,
        ratio: runs.log! / snapshotMs,
        target: '≤ 1.5× snapshot',
        note: `the log as a crash before compaction leaves it; ${note}`,
      },
      {
        bench: 'open the same document after its history was compacted',
        ...one(runs.compacted!),
        unit: 'ms',
        peer: 'same content as one snapshot',
        peerValue: snapshotMs,
        ratio: runs.compacted! / snapshotMs,
        target: '≤ 1.5× snapshot',
        note: `compacted by the hub at shutdown (tombstones of the deletions kept); ${note}`,
      },
    ]
  } finally {
    await hub.stop()
    cleanup(dataDir)
  }
}
