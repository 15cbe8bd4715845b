// Collab relay latency at a paced 200 and 1000 updates/s on one document: from an editor's update to
// its arrival at another editor, with relay after durable (the default: sent on once its write to the
// update log has committed) beside the same server sending it on at once. The server runs in its own
// process on a PGlite data folder (persistence on, stub auth); the editors are stock y-websocket
// clients in this process, so send and arrival are read on one clock.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { cleanup, type Row, root, summarise } from './harness'

/** Writers share the rate, each under the server's per-connection limit (200 updates/s). */
const WRITERS = 10
const WARMUP_MS = 1000
const MEASURE_MS = 5000
const ROUNDS = 2
/** Every tick sends what the rate owes since the start, one writer after another. */
const TICK_MS = 10

async function startServer(relayAtOnce: boolean): Promise<{ base: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-relay-'))
  const args = ['--import', 'tsx', 'packages/collab/src/testing/child-server.ts', dataDir]
  if (relayAtOnce) args.push('--relay-at-once')
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c) => {
      out += c
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve(JSON.parse(line).base)
    })
    child.once('exit', (code) => reject(new Error(`collab server exited with ${code}`)))
  })
  return { base, child, dataDir }
}

async function client(base: string, docName: string, user: string) {
  const doc = new Y.Doc()
  const Polyfill = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: `hub_session=${user}` } })
    }
  }
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: Polyfill as never,
    disableBc: true,
  })
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no sync')), 20_000)
    provider.once('sync', () => {
      clearTimeout(t)
      resolve()
    })
  })
  const close = () => {
    provider.destroy()
    doc.destroy()
  }
  return { doc, provider, close }
}

/** Latencies (ms) of every update sent during the measured window at `rate` updates/s, and how many never arrived. */
async function measure(base: string, rate: number): Promise<{ samples: number[]; lost: number }> {
  const docName = `directive:${crypto.randomUUID()}`
  const reader = await client(base, docName, 'reader')
  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => client(base, docName, `writer${i}`)))
  const sentAt = new Map<string, number>()
  const samples: number[] = []
  let measuring = false
  reader.doc.getArray<string>('bench').observe((e) => {
    const now = performance.now()
    for (const d of e.changes.delta)
      for (const key of (d.insert as string[] | undefined) ?? []) {
        const t = sentAt.get(key)
        if (t === undefined) continue
        sentAt.delete(key)
        samples.push(now - t)
      }
  })
  let seq = 0
  const start = performance.now()
  // Paced by the clock: a late tick sends what the rate owes since the start.
  const tick = setInterval(() => {
    const owed = Math.floor((rate * (performance.now() - start)) / 1000)
    while (seq < owed) {
      const w = writers[seq % WRITERS]!
      const key = `${seq++}`
      if (measuring) sentAt.set(key, performance.now())
      w.doc.getArray<string>('bench').push([key])
    }
  }, TICK_MS)
  await new Promise((r) => setTimeout(r, WARMUP_MS))
  measuring = true
  await new Promise((r) => setTimeout(r, MEASURE_MS))
  clearInterval(tick)
  // Whatever is still on its way arrives within this, or counts as lost.
  const t = performance.now()
  while (sentAt.size > 0 && performance.now() - t < 5000) await new Promise((r) => setTimeout(r, 50))
  const lost = sentAt.size
  reader.close()
  for (const w of writers) w.close()
  return { samples, lost }
}

/**
 * p50/p99 of the relay at 200 and 1000 updates/s, after durable beside at once (same server code, same
 * run). Both servers run together and the measures alternate over ROUNDS rounds (each variant first
 * in turn), so that the machine's load, which moves during a run, weighs on both alike.
 */
export async function collabRelay(): Promise<Row[]> {
  const rows: Row[] = []
  const runs: Record<string, { samples: number[]; lost: number }> = {}
  const servers = [await startServer(false), await startServer(true)]
  try {
    for (let round = 0; round < ROUNDS; round++)
      for (const rate of [200, 1000])
        for (const atOnce of round % 2 === 0 ? [false, true] : [true, false]) {
          const r = await measure(servers[atOnce ? 1 : 0]!.base, rate)
          const key = `${rate}:${atOnce}`
          runs[key] ??= { samples: [], lost: 0 }
          runs[key].samples.push(...r.samples)
          runs[key].lost += r.lost
        }
  } finally {
    for (const s of servers) {
      s.child.kill('SIGTERM')
      await new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))
      cleanup(s.dataDir)
    }
  }
  for (const rate of [200, 1000]) {
    const durable = runs[`${rate}:false`]!
    const atOnce = runs[`${rate}:true`]!
    const d = summarise(durable.samples)
    const o = summarise(atOnce.samples)
    const note = (lost: number) =>
      `${WRITERS} writers + 1 reader on one document, ${ROUNDS} × ${MEASURE_MS / 1000} s paced, alternating; PGlite, each log write as soon as the previous one commits; ${lost} lost`
    rows.push(
      {
        bench: `collab relay at ${rate} updates/s, relay after durable`,
        ...d,
        unit: 'ms',
        note: note(durable.lost),
        peer: 'same server relaying at once (p99)',
        peerValue: o.p99,
        ratio: d.p99 / o.p99,
        target: rate === 1000 ? 'p99 ≤ Hocuspocus (see collabPeers)' : undefined,
      },
      {
        bench: `collab relay at ${rate} updates/s, at once (no durability wait)`,
        ...o,
        unit: 'ms',
        note: `${note(atOnce.lost)}; comparison only (relayAfterDurable: false)`,
      },
    )
  }
  return rows
}
