// Keeps kept-alive connections sound after an early answer: when the hub answered without reading the
// whole request body, the connection is closed. Mounted by app.ts.

import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'

/**
 * An answer given before the request body was read (413 for a body too large, 401 to an anonymous
 * upload) says `Connection: close`: the unread rest of the body would otherwise be taken for the
 * next request on a kept-alive connection, whose answer never comes.
 */
export function closeUnreadBodies(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    if (incoming && !incoming.complete) c.res.headers.set('Connection', 'close')
  }
}
