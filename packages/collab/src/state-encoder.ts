// Encoding large document states off the event loop: one worker thread per process (started on first
// use, not holding the process open) merges stored parts and updates and diffs them against a
// client's state vector, so that syncing a document of megabytes does not stall every other document.
import { Worker } from 'node:worker_threads'

/** A document whose state is at least this large is encoded in the worker; smaller ones inline (cheaper). */
export const OFF_THREAD_BYTES = 1024 * 1024

interface Waiting {
  resolve(update: Uint8Array): void
  reject(err: Error): void
}

let worker: Worker | null = null
const waiting = new Map<number, Waiting>()
let nextId = 0

function start(): Worker {
  // Plain JavaScript: none of the parent's loaders (tsx) is needed in the worker, nor paid for.
  const w = new Worker(new URL('./state-worker.mjs', import.meta.url), { execArgv: [] })
  w.unref()
  w.on('message', (m: { id: number; update?: Uint8Array; error?: string }) => {
    const p = waiting.get(m.id)
    if (!p) return
    waiting.delete(m.id)
    if (waiting.size === 0) w.unref()
    if (m.update) p.resolve(m.update)
    else p.reject(new Error(m.error ?? 'state worker failed'))
  })
  const fail = (err: Error) => {
    if (worker === w) worker = null
    for (const p of waiting.values()) p.reject(err)
    waiting.clear()
  }
  w.on('error', fail)
  w.on('exit', () => fail(new Error('state worker exited')))
  return w
}

/**
 * The merge of `parts` (Yjs updates, the whole state of a document), less what a client with
 * `stateVector` has (null: everything), computed in the worker thread. The parts are copied to the
 * worker: the caller may keep using them.
 */
export function encodeOffThread(
  parts: readonly Uint8Array[],
  stateVector: Uint8Array | null,
  /** Applied to a Y.Doc and encoded from it (garbage-collected, as a compaction stores it) instead of merged. */
  compact = false,
): Promise<Uint8Array> {
  worker ??= start()
  const w = worker
  const id = nextId++
  return new Promise<Uint8Array>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    // Held while an answer is awaited, so that a process waiting on it is not left without work.
    w.ref()
    w.postMessage({ id, parts, stateVector, compact })
  })
}
