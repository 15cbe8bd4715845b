// Test helpers: a real y-websocket client of the hub's collab socket, and a wait that throws on timeout.
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A stock y-websocket client carrying a session cookie, synced before it resolves. */
export async function openDoc(base: string, docName: string, cookie: string) {
  const doc = new Y.Doc()
  const Polyfill = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: base } })
    }
  }
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: Polyfill as never,
    disableBc: true,
  })
  await new Promise<void>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`no sync for ${docName}`)), 10_000)
    provider.once('sync', () => {
      clearTimeout(t)
      res()
    })
  })
  return {
    doc,
    provider,
    text: () =>
      (doc.getXmlFragment('default').toArray() as Y.XmlElement[])
        .map((p) =>
          p
            .toArray()
            .map((t) => (t as Y.XmlText).toString())
            .join(''),
        )
        .join('\n'),
    /** Replaces the whole text with these paragraphs, as an editor would. */
    setParagraphs(paragraphs: string[]) {
      const f = doc.getXmlFragment('default')
      doc.transact(() => {
        f.delete(0, f.length)
        f.insert(
          0,
          paragraphs.map((t) => {
            const p = new Y.XmlElement('paragraph')
            p.insert(0, [new Y.XmlText(t)])
            return p
          }),
        )
      })
    },
    close() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * Waits, polling every 50 ms, until `check` holds; throws when `ms` pass first, so that a caller
 * cannot go on as if the awaited thing had happened. `what` names it in the error.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms = 5000,
  what = check.toString(),
): Promise<true> {
  const t = Date.now()
  while (Date.now() - t < ms) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  if (await check()) return true
  throw new Error(`timed out after ${ms} ms waiting for ${what}`)
}
