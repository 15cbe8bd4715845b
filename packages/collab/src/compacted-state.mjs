// A document's stored parts applied to a Y.Doc and encoded from it: merged and garbage-collected, as a
// compaction stores it. Plain JavaScript, shared by the compactor (small documents, inline) and the
// worker thread (large ones, see state-worker.mjs), which runs without a TypeScript loader.
import * as Y from 'yjs'

/**
 * With a state vector: only what a peer with it lacks.
 * @param {readonly Uint8Array[]} parts @param {Uint8Array | null} [stateVector] @returns {Uint8Array}
 */
export function compactedState(parts, stateVector = null) {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const u of parts) Y.applyUpdate(doc, u)
    })
    return stateVector ? Y.encodeStateAsUpdate(doc, stateVector) : Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
