// The per-tick fan-out: merged updates, authors not echoed, presence batched.
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Fanout, type Peer } from './fanout'
import { createMetrics } from './metrics'
import { decodeMessage } from './protocol'
import { appendParagraph, docText } from './testing/ydoc'

class FakePeer implements Peer {
  sent: Uint8Array[] = []
  send(m: Uint8Array) {
    this.sent.push(m)
  }
}

const REMOTE = Symbol('remote')

function setup(intervalMs = 5) {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  const peers = [new FakePeer(), new FakePeer(), new FakePeer()]
  const published = { updates: [] as Uint8Array[], awareness: [] as Uint8Array[] }
  const metrics = createMetrics()
  const fanout = new Fanout(() => peers, awareness, {
    intervalMs,
    metrics,
    isRemote: (o) => o === REMOTE,
    remote: {
      publishUpdate: (u) => published.updates.push(u),
      publishAwareness: (u) => published.awareness.push(u),
    },
  })
  return { doc, awareness, peers, fanout, published, metrics }
}

describe('Fanout', () => {
  it('merges a tick of updates into one message, the same bytes for every non-author', async () => {
    const { peers, fanout, published, metrics } = setup()
    const author = new Y.Doc()
    const updates: Uint8Array[] = []
    author.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 20; i++) appendParagraph(author, `p${i}`)
    for (const u of updates) fanout.queueUpdate(u, peers[0])
    await new Promise((r) => setTimeout(r, 30))
    expect(peers[0]!.sent).toHaveLength(0)
    expect(peers[1]!.sent).toHaveLength(1)
    expect(peers[2]!.sent[0]).toBe(peers[1]!.sent[0])
    const m = decodeMessage(peers[1]!.sent[0]!)
    const replica = new Y.Doc()
    if (m.type === 'update') Y.applyUpdate(replica, m.update)
    expect(docText(replica)).toBe(docText(author))
    expect(published.updates).toHaveLength(1)
    // One tick, one fan-out lag: at least the gathering interval.
    expect(metrics.fanoutLatency.count).toBe(1)
    expect(metrics.fanoutLatency.maxMs).toBeGreaterThan(0)
  })

  it("sends an author the other authors' updates, and does not republish remote ones", () => {
    const { peers, fanout, published } = setup()
    const a = new Y.Doc()
    const b = new Y.Doc()
    const ua: Uint8Array[] = []
    const ub: Uint8Array[] = []
    a.on('update', (u: Uint8Array) => ua.push(u))
    b.on('update', (u: Uint8Array) => ub.push(u))
    appendParagraph(a, 'từ A')
    appendParagraph(b, 'từ B')
    fanout.queueUpdate(ua[0]!, peers[0])
    fanout.queueUpdate(ub[0]!, REMOTE)
    fanout.flush()
    const got = new Y.Doc()
    const m = decodeMessage(peers[0]!.sent[0]!)
    if (m.type === 'update') Y.applyUpdate(got, m.update)
    expect(docText(got)).toBe(docText(b))
    expect(published.updates).toHaveLength(1)
    const pub = new Y.Doc()
    Y.applyUpdate(pub, published.updates[0]!)
    expect(docText(pub)).toBe(docText(a))
  })

  it('batches awareness changes into one message per tick', () => {
    const { awareness, peers, fanout, published } = setup()
    const clients = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc())]
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) =>
      fanout.queueAwareness([...added!, ...updated!, ...removed!], origin),
    )
    for (const [i, c] of clients.entries()) {
      c.setLocalState({ user: { name: `U${i}` } })
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(c, [c.clientID]), peers[i])
    }
    fanout.flush()
    expect(peers[2]!.sent).toHaveLength(1)
    expect(published.awareness).toHaveLength(1)
    removeAwarenessStates(awareness, [clients[0]!.doc.clientID], null)
    fanout.flush()
    expect(peers[2]!.sent).toHaveLength(2)
    for (const c of clients) c.destroy()
    awareness.destroy()
  })
})
