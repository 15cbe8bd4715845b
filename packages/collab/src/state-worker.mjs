// Worker thread of the collab server (see state-encoder.ts): merges a large document's stored state
// and the updates since, and diffs it against a client's state vector, off the event loop. Plain
// JavaScript so that it runs in any Node process (no TypeScript loader in the worker).
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { compactedState } from './compacted-state.mjs'

parentPort.on('message', ({ id, parts, stateVector, compact }) => {
  try {
    const merged = compact ? compactedState(parts) : parts.length === 1 ? parts[0] : Y.mergeUpdates(parts)
    const update = stateVector ? Y.diffUpdate(merged, stateVector) : merged
    const out = update.byteOffset === 0 && update.byteLength === update.buffer.byteLength ? update : update.slice()
    parentPort.postMessage({ id, update: out }, [out.buffer])
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) })
  }
})
