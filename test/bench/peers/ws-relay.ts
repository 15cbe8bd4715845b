// Benchmark peer: the floor of a collab relay, a bare `ws` server without Yjs on 127.0.0.1:$PORT.
// Clients on the same URL path share a room; every frame is sent on to the room's other clients as
// it is, except a y-websocket sync step 1, answered with an empty sync step 2 (so a client counts as
// synced) and not relayed. No state, no persistence, no auth: what any relay costs at the least.
import { createServer } from 'node:http'
import { type WebSocket, WebSocketServer } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
/** messageSync, syncStep2, an empty Yjs update (no structs, empty delete set) as a byte array of 2. */
const EMPTY_STEP2 = Uint8Array.of(0, 1, 2, 0, 0)
const http = createServer((_req, res) => res.end('ws relay'))
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/'
  const room = rooms.get(name) ?? new Set<WebSocket>()
  rooms.set(name, room)
  room.add(ws)
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 0) {
      ws.send(EMPTY_STEP2)
      return
    }
    for (const other of room) if (other !== ws) other.send(data)
  })
  ws.on('close', () => {
    room.delete(ws)
    if (room.size === 0) rooms.delete(name)
  })
})
http.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => {
  for (const c of wss.clients) c.terminate()
  http.close(() => process.exit(0))
})
