// The y-websocket wire protocol: decoding client messages and encoding the server's.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** Top-level message types of the y-websocket protocol. */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/**
 * The project's own message, server to client only: where a document's edits are (see
 * StorageState). Standard y-websocket clients log an unknown type and carry on; the web editor
 * registers a handler for it. Far from the standard types (0-3) so that none added later meets it.
 */
export const MESSAGE_STORAGE_STATE = 100

/**
 * Where a document's edits are: `saved` in the database, or `pending`: held in memory since `since`
 * (epoch ms) because the database fails, `held` edits waiting, written when it returns.
 */
export type StorageState = { state: 'saved' } | { state: 'pending'; since: number; held: number }

/** Sync sub-types (y-protocols/sync). */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** Sync step 1: the sender's state vector, asking for what it lacks. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })
}

/** Sync step 2: everything `doc` has that a peer with `stateVector` lacks. */
export function syncStep2Message(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector))
  })
}

/** Sync step 2 of an update already encoded (see CollabDocument.syncReply). */
export function syncStep2MessageOf(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_UPDATE)
    encoding.writeVarUint8Array(e, update)
  })
}

export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(e, awarenessUpdate)
  })
}

/**
 * The storage state of a document: the message type, then the rest of the frame is the state as
 * UTF-8 JSON (no length prefix, so a browser reads it without lib0: `decoder.arr.subarray(decoder.pos)`).
 */
export function storageStateMessage(state: StorageState): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_STORAGE_STATE)
    encoding.writeUint8Array(e, new TextEncoder().encode(JSON.stringify(state)))
  })
}

/** A decoded client message; payloads are views into the frame. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }

/** Thrown for a frame that is not a well-formed y-websocket message. */
export class ProtocolError extends Error {}

/** Decodes one frame; throws ProtocolError on anything malformed (truncated, unknown type, trailing bytes). */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  const d = decoding.createDecoder(frame)
  try {
    const type = decoding.readVarUint(d)
    let msg: ClientMessage
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(d)
        const payload = decoding.readVarUint8Array(d)
        if (sub === SYNC_STEP1) msg = { type: 'sync-step1', stateVector: payload }
        else if (sub === SYNC_STEP2) msg = { type: 'sync-step2', update: payload }
        else if (sub === SYNC_UPDATE) msg = { type: 'update', update: payload }
        else throw new ProtocolError(`unknown sync message ${sub}`)
        break
      }
      case MESSAGE_AWARENESS:
        msg = { type: 'awareness', update: decoding.readVarUint8Array(d) }
        break
      case MESSAGE_QUERY_AWARENESS:
        msg = { type: 'query-awareness' }
        break
      case MESSAGE_AUTH:
        // Clients never send auth messages; the session cookie authenticated the upgrade.
        return { type: 'auth' }
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
    if (d.pos !== frame.length) throw new ProtocolError('trailing bytes')
    return msg
  } catch (e) {
    if (e instanceof ProtocolError) throw e
    throw new ProtocolError((e as Error).message || 'malformed')
  }
}
