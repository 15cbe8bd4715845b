// Collab beside its peers, in one run: the hub as users run it (its own process, session auth, PGlite
// persistence, relay after durable), @hocuspocus/server with its defaults (in memory) and a bare ws
// relay without Yjs (the floor). Two shapes: 50 clients on one document and 500 clients on 50
// documents (1 writer + 9 readers each); per shape a burst of 1000 inserts and paced 200 and 1000
// updates/s: delivery latency p50/p99, burst time, server CPU per delivery, server RSS.

import { type Client, drain, Ledger, openClients, sleep, type Target, usage } from './collab-wire'
import { call, cleanup, login, type Row, startProcess, summarise } from './harness'
import { startPeer } from './load'

const PACED_MS = 5000
const WARMUP_MS = 1000
const TICK_MS = 10

interface Shape {
  key: 'one' | 'many'
  label: string
  docs: number
  clientsPerDoc: number
  /** Writers per document at a rate: the hub allows 200 updates/s per connection (a typist sends tens). */
  writers(rate: number | 'burst'): number
}

export const SHAPES: Shape[] = [
  {
    key: 'one',
    label: '1 document × 50 clients',
    docs: 1,
    clientsPerDoc: 50,
    writers: (rate) => (rate === 1000 ? 10 : 1),
  },
  { key: 'many', label: '50 documents × 10 clients', docs: 50, clientsPerDoc: 10, writers: () => 1 },
]

interface Phase {
  samples: number[]
  deliveries: number
  /** Burst: first send to last arrival. */
  spanMs: number
  cpuMs: number
  rssMb: number
  lost: number
}

type Result = Record<string, Phase>

/** The three phases of one shape on one server: burst, 200/s, 1000/s. */
export async function runShape(target: Target, pid: number, docNames: string[], shape: Shape): Promise<Result> {
  const ledger = new Ledger()
  const specs = docNames.flatMap((doc) => Array.from({ length: shape.clientsPerDoc }, () => ({ doc })))
  const clients = await openClients(target, specs, ledger)
  const byDoc = docNames.map((_, d) => clients.slice(d * shape.clientsPerDoc, (d + 1) * shape.clientsPerDoc))
  const receivers = shape.clientsPerDoc - 1
  const out: Result = {}
  try {
    await sleep(1000)
    // Burst: every writer sends its share of 1000 inserts at once, one update each.
    {
      ledger.reset()
      const writers = byDoc.flatMap((c) => c.slice(0, shape.writers('burst')))
      const before = usage(pid)
      const t0 = performance.now()
      for (let i = 0; i < 1000; i++) writers[i % writers.length]!.insert()
      await drain(ledger, 1000 * receivers)
      out.burst = phase(ledger, before, pid, 1000 * receivers, ledger.lastArrival - t0)
    }
    for (const rate of [200, 1000]) {
      await sleep(1500)
      ledger.reset()
      const writers = byDoc.flatMap((c) => c.slice(0, shape.writers(rate)))
      out[`${rate}`] = await paced(ledger, writers, rate, pid, receivers)
    }
  } finally {
    for (const c of clients) c.close()
  }
  return out
}

function phase(ledger: Ledger, before: { cpuMs: number }, pid: number, expected: number, spanMs: number): Phase {
  const after = usage(pid)
  return {
    samples: ledger.samples,
    deliveries: ledger.deliveries,
    spanMs,
    cpuMs: after.cpuMs - before.cpuMs,
    rssMb: after.rssMb,
    lost: expected - ledger.deliveries,
  }
}

/** `rate` inserts a second over all writers (round robin), paced by the clock; measured after a warm-up. */
async function paced(ledger: Ledger, writers: Client[], rate: number, pid: number, receivers: number): Promise<Phase> {
  let seq = 0
  let measured = 0
  let measuring = false
  const start = performance.now()
  const tick = setInterval(() => {
    const owed = Math.floor((rate * (performance.now() - start)) / 1000)
    while (seq < owed) {
      writers[seq++ % writers.length]!.insert()
      if (measuring) measured++
    }
  }, TICK_MS)
  await sleep(WARMUP_MS)
  ledger.reset()
  measuring = true
  const before = usage(pid)
  await sleep(PACED_MS)
  clearInterval(tick)
  await drain(ledger, measured * receivers, 10_000)
  return phase(ledger, before, pid, measured * receivers, 0)
}

/**
 * The three servers run side by side and each shape is measured on each in turn (the floor,
 * Hocuspocus, the hub), so that the machine's load, which moves during a run, weighs on all alike.
 */
export async function collabPeers(): Promise<Row[]> {
  const all: Record<string, Record<string, Result>> = { relay: {}, hocuspocus: {}, hub: {} }
  const relay = await startPeer('ws-relay.ts')
  const hp = await startPeer('hocuspocus.ts')
  const hub = await startProcess()
  try {
    const peerTarget = (name: string, base: string, hocuspocus: boolean): Target => {
      const ws = base.replace(/^http/, 'ws')
      return { name, hocuspocus, url: (doc) => (hocuspocus ? ws : `${ws}/${doc}`) }
    }
    const peerDocs = (s: Shape) => Array.from({ length: s.docs }, (_, i) => `bench-${s.key}-${i}`)
    // The hub: directives' documents, every client signed in as the office (which may write them).
    const office = await login(hub.base, 'vanphong@demo.local')
    const docs: string[] = []
    for (let i = 0; i < 51; i++)
      docs.push(
        (await call(hub.base, office, 'POST', '/api/directives', { kind: 'CT', title: `Đo cộng tác ${i}` })).json
          .directive.docName,
      )
    const ws = hub.base.replace(/^http/, 'ws')
    const hubTarget: Target = {
      name: 'hub',
      url: (doc) => `${ws}/collab/${doc}`,
      headers: { cookie: office, origin: hub.base },
    }
    for (const shape of SHAPES) {
      all.relay![shape.key] = await runShape(peerTarget('relay', relay.base, false), relay.pid, peerDocs(shape), shape)
      all.hocuspocus![shape.key] = await runShape(
        peerTarget('hocuspocus', hp.base, true),
        hp.pid,
        peerDocs(shape),
        shape,
      )
      const hubDocs = shape.key === 'one' ? docs.slice(50) : docs.slice(0, 50)
      all.hub![shape.key] = await runShape(hubTarget, hub.child.pid!, hubDocs, shape)
    }
  } finally {
    await relay.stop()
    await hp.stop()
    await hub.stop()
    cleanup(hub.dataDir)
  }
  return rows(all)
}

function rows(all: Record<string, Record<string, Result>>): Row[] {
  const out: Row[] = []
  const cpuPer = (p: Phase) => (p.cpuMs * 1000) / Math.max(1, p.deliveries)
  for (const shape of SHAPES) {
    const hub = all.hub![shape.key]!
    const hp = all.hocuspocus![shape.key]!
    const floor = all.relay![shape.key]!
    const lost = (r: Result) =>
      Object.values(r)
        .map((p) => p.lost)
        .reduce((a, b) => a + b, 0)
    const clients = `${shape.label}`
    const base = `hub as \`npm start\` runs it (session auth, PGlite, relay after durable); same bench clients for every server; lost: hub ${lost(hub)}, Hocuspocus ${lost(hp)}, relay ${lost(floor)}`
    const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v, max: v })
    out.push({
      bench: `collab burst of 1000 inserts, ${clients}`,
      ...one(hub.burst!.spanMs),
      unit: 'ms',
      peer: 'Hocuspocus 3.4.4 (defaults)',
      peerValue: hp.burst!.spanMs,
      ratio: hub.burst!.spanMs / hp.burst!.spanMs,
      target: '≤ 0.3× Hocuspocus',
      note: `first insert sent to last delivery at all ${shape.clientsPerDoc - 1} others per document; bare ws relay ${floor.burst!.spanMs.toFixed(0)} ms; ${base}`,
    })
    for (const rate of ['200', '1000']) {
      const h = summarise(hub[rate]!.samples)
      const p = summarise(hp[rate]!.samples)
      const f = summarise(floor[rate]!.samples)
      out.push({
        bench: `collab ${rate} updates/s, ${clients}: delivery latency`,
        ...h,
        unit: 'ms',
        peer: 'Hocuspocus (p99)',
        peerValue: p.p99,
        ratio: h.p99 / p.p99,
        target: rate === '1000' ? 'p99 ≤ Hocuspocus' : undefined,
        note: `${shape.writers(Number(rate))} writer(s) per document; Hocuspocus p50 ${p.p50.toFixed(1)}, bare ws relay p50 ${f.p50.toFixed(1)} / p99 ${f.p99.toFixed(1)} ms; ${base}`,
      })
    }
    for (const ph of ['burst', '1000']) {
      const v = cpuPer(hub[ph]!)
      out.push({
        bench: `collab server CPU per delivery, ${ph === 'burst' ? 'burst' : '1000 updates/s'}, ${clients}`,
        ...one(v),
        unit: 'µs',
        peer: 'bare ws relay (no Yjs)',
        peerValue: cpuPer(floor[ph]!),
        ratio: v / cpuPer(floor[ph]!),
        target: '≤ 1.3× the bare relay',
        note: `server process user+system CPU / deliveries (${hub[ph]!.deliveries}); Hocuspocus ${cpuPer(hp[ph]!).toFixed(1)} µs; CPU read from /proc at 10 ms resolution`,
      })
    }
    const rss = Math.max(...Object.values(hub).map((p) => p.rssMb))
    const rssHp = Math.max(...Object.values(hp).map((p) => p.rssMb))
    out.push({
      bench: `collab server RSS, ${clients}`,
      ...one(rss),
      unit: 'MB',
      peer: 'Hocuspocus',
      peerValue: rssHp,
      ratio: rss / rssHp,
      note: `after the runs; the hub process also holds the API, PGlite and the demo city; bare ws relay ${Math.max(...Object.values(floor).map((p) => p.rssMb)).toFixed(0)} MB`,
    })
  }
  return out
}
