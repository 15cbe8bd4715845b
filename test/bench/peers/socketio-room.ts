// Benchmark peer: a bare socket.io server on node:http, every socket in one room, and POST /emit
// broadcasting the posted JSON to the room: the floor of "one change to 1,000 subscribed sockets"
// (no session, no database, no outbox).
import { createServer } from 'node:http'
import { Server } from 'socket.io'

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(req.url === '/' ? 200 : 404).end()
    return
  }
  let body = ''
  req.on('data', (chunk) => {
    body += chunk
  })
  req.on('end', () => {
    io.to('room').emit('task:created', JSON.parse(body))
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
})
const io = new Server(http, { serveClient: false })
io.on('connection', (socket) => void socket.join('room'))
http.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => {
  io.close()
  process.exit(0)
})
