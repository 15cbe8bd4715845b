// Encoding and decoding of y-websocket messages, malformed input refused.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  awarenessMessage,
  decodeMessage,
  ProtocolError,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './protocol'
import { appendParagraph } from './testing/ydoc'

describe('protocol', () => {
  it('decodes what the y-websocket client sends', () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'x')
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeSyncStep1(e, doc)
    const m = decodeMessage(encoding.toUint8Array(e))
    expect(m.type).toBe('sync-step1')
    expect(m.type === 'sync-step1' && [...m.stateVector]).toEqual([...Y.encodeStateVector(doc)])

    const aw = new awarenessProtocol.Awareness(doc)
    aw.setLocalState({ user: { name: 'A' } })
    const a = decodeMessage(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID])))
    expect(a.type).toBe('awareness')
    aw.destroy()
    expect(decodeMessage(new Uint8Array([3])).type).toBe('query-awareness')
  })

  it('encodes messages the y-protocols reader understands', () => {
    const server = new Y.Doc()
    appendParagraph(server, 'máy chủ')
    const client = new Y.Doc()
    for (const msg of [syncStep2Message(server), updateMessage(Y.encodeStateAsUpdate(server))]) {
      const d = decoding.createDecoder(msg)
      expect(decoding.readVarUint(d)).toBe(0)
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), client, null)
    }
    expect(client.getXmlFragment('default').toString()).toBe(server.getXmlFragment('default').toString())
    const d = decoding.createDecoder(syncStep1Message(server))
    decoding.readVarUint(d)
    expect(decoding.readVarUint(d)).toBe(0)
  })

  it('refuses truncated, unknown and padded frames', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 1]),
      new Uint8Array([0, 9, 0]),
      new Uint8Array([7]),
      new Uint8Array([0, 2, 5, 1, 2]),
      new Uint8Array([1, 1, 0, 0]),
      new Uint8Array(64).fill(7),
    ]
    for (const frame of bad) expect(() => decodeMessage(frame), String([...frame])).toThrow(ProtocolError)
  })
})
