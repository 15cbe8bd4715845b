// Heavy documents: the latency of small edits on other documents while one client syncs an
// 8-million-character document, on the hub as users run it (its own process, session auth, PGlite,
// relay after durable). Small edits: 10 documents, 1 writer + 1 reader each, 20 inserts/s per writer.
// Heavy syncs: a client opening the heavy document while it is in memory (3 times, the server encodes
// and sends 8 MB each), and once right after a restart (the server also reads and loads it).
import { Client, Ledger, sleep } from './collab-wire'
import { call, cleanup, login, type Row, startProcess, summarise } from './harness'

const CHARS = 8_000_000
const PARAGRAPH = 4000
const SMALL_DOCS = 10
const RATE_PER_WRITER = 20

interface Hub {
  base: string
  cookie: string
}

const target = (hub: Hub) => ({
  name: 'hub',
  url: (doc: string) => `${hub.base.replace(/^http/, 'ws')}/collab/${doc}`,
  headers: { cookie: hub.cookie, origin: hub.base },
})

/** Writes the heavy document: 2,000 paragraphs of 4,000 characters, in frames under the 4 MiB limit. */
async function writeHeavy(hub: Hub, doc: string): Promise<void> {
  const Y = await import('yjs')
  const ledger = new Ledger()
  const c = new Client(target(hub), doc, ledger, false)
  await c.ready()
  const line = 'Nghi quyet so 01 ve phong chong dich, cac phuong trien khai ngay. '.repeat(PARAGRAPH / 64 + 1)
  const paragraphs = CHARS / PARAGRAPH
  for (let i = 0; i < paragraphs; i += 400) {
    c.edit((d) => {
      const f = d.getXmlFragment('default')
      f.insert(
        f.length,
        Array.from({ length: 400 }, (_, j) => {
          const p = new Y.XmlElement('paragraph')
          p.insert(0, [new Y.XmlText(`${i + j} ${line}`.slice(0, PARAGRAPH))])
          return p
        }),
      )
    })
    // The connection's byte rate: 2 MiB/s after a burst of 8 MiB.
    await sleep(300)
  }
  await sleep(3000)
  c.close()
}

/** Small edits on SMALL_DOCS documents, each tagged with whether a heavy sync was under way. */
async function smallEdits(hub: Hub, docs: string[]) {
  const ledger = new Ledger()
  const writers: Client[] = []
  const readers: Client[] = []
  for (const d of docs) {
    writers.push(new Client(target(hub), d, ledger))
    readers.push(new Client(target(hub), d, ledger))
  }
  await Promise.all([...writers, ...readers].map((c) => c.ready()))
  let seq = 0
  const start = performance.now()
  const rate = RATE_PER_WRITER * docs.length
  const tick = setInterval(() => {
    const owed = Math.floor((rate * (performance.now() - start)) / 1000)
    while (seq < owed) writers[seq++ % writers.length]!.insert()
  }, 10)
  return {
    ledger,
    /** Latencies of the edits sent during `fn`. */
    async during(fn: () => Promise<void>): Promise<number[]> {
      ledger.reset()
      await fn()
      const n = ledger.sentAt.size
      const t = performance.now()
      while (ledger.deliveries < n && performance.now() - t < 5000) await sleep(20)
      return [...ledger.samples]
    },
    stop() {
      clearInterval(tick)
      for (const c of [...writers, ...readers]) c.close()
    },
  }
}

/** A client syncing the heavy document: ms until its sync step 2 arrived. */
async function heavySync(hub: Hub, doc: string): Promise<number> {
  const t = performance.now()
  const c = new Client(target(hub), doc, new Ledger(), false)
  await c.ready()
  const ms = performance.now() - t
  c.close()
  return ms
}

export async function collabHeavy(): Promise<Row[]> {
  let hub = await startProcess()
  const dataDir = hub.dataDir
  try {
    const cookie = await login(hub.base, 'vanphong@demo.local')
    const docs: string[] = []
    for (let i = 0; i <= SMALL_DOCS; i++)
      docs.push(
        (await call(hub.base, cookie, 'POST', '/api/directives', { kind: 'CT', title: `Văn bản lớn ${i}` })).json
          .directive.docName,
      )
    const heavy = docs[SMALL_DOCS]!
    const small = docs.slice(0, SMALL_DOCS)
    const t0 = performance.now()
    await writeHeavy({ base: hub.base, cookie }, heavy)
    const writeMs = performance.now() - t0
    // Restarted: the heavy document is on disk only (compacted into its snapshot at shutdown).
    await hub.stop()
    hub = await startProcess(dataDir)
    const h: Hub = { base: hub.base, cookie: await login(hub.base, 'vanphong@demo.local') }
    const edits = await smallEdits(h, small)
    try {
      await sleep(2000)
      // Quiet windows and heavy syncs alternate, so that the machine's load (shared) weighs on both alike.
      const quiet: number[] = []
      const syncs: number[] = []
      const heavySyncWindow = () =>
        edits.during(async () => {
          syncs.push(await heavySync(h, heavy))
          await sleep(500)
        })
      quiet.push(...(await edits.during(() => sleep(1500))))
      const cold = await heavySyncWindow()
      const warm: number[] = []
      for (let i = 0; i < 4; i++) {
        quiet.push(...(await edits.during(() => sleep(1500))))
        warm.push(...(await heavySyncWindow()))
      }
      const q = summarise(quiet)
      const c = summarise(cold)
      const w = summarise(warm)
      const note = `${SMALL_DOCS} other documents, 1 writer + 1 reader each, ${RATE_PER_WRITER} inserts/s per writer; 8,000,000 characters in 2,000 paragraphs (written in ${(writeMs / 1000).toFixed(0)} s); heavy syncs took ${syncs.map((s) => s.toFixed(0)).join(', ')} ms (first: load after restart)`
      return [
        {
          bench: 'small-edit latency while a client syncs an 8M-character document (in memory)',
          ...w,
          unit: 'ms',
          peer: 'same edits, no heavy sync (p99)',
          peerValue: q.p99,
          ratio: w.p99 / q.p99,
          target: 'p99 ≤ 20 ms',
          note: `edits sent from each heavy client's connect until 500 ms after its sync, 4 syncs alternating with 1.5 s quiet windows; ${note}`,
        },
        {
          bench: 'small-edit latency while a client opens an 8M-character document (load after restart)',
          ...c,
          unit: 'ms',
          peer: 'same edits, no heavy sync (p99)',
          peerValue: q.p99,
          ratio: c.p99 / q.p99,
          target: 'p99 ≤ 20 ms',
          note: `the server reads the snapshot from PGlite, applies it, encodes it; ${note}`,
        },
      ]
    } finally {
      edits.stop()
    }
  } finally {
    await hub.stop()
    cleanup(dataDir)
  }
}
