// Benchmark peer: a Hono hello-world on @hono/node-server, the ceiling an HTTP handler on this machine can reach.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.get('/', (c) => c.text('Hello Hono!'))
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
process.on('SIGTERM', () => server.close(() => process.exit(0)))
