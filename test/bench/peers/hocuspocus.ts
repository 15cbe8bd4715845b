// Benchmark peer: @hocuspocus/server with its defaults (no extensions: no persistence, no auth hook),
// on 127.0.0.1:$PORT; the collab suites measure the hub beside it.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true, stopOnSignals: false })
await server.listen()
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)))
