// Test harness: a real HTTP server with the collab server, stock y-websocket clients, raw sockets, waits.
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import type { CurrentUser } from '@hub/auth'
import { createDb, type Db, type DbHandle } from '@hub/db'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Access } from '../access'
import { type CollabServer, type CollabServerOptions, createCollabServer } from '../server'

/** A fake user for protocol tests: the cookie `hub_session=<userId>` authenticates as userId. */
export function fakeUser(userId: string): CurrentUser {
  return { userId, email: `${userId}@test`, fullName: userId, position: '', unitId: null, locale: 'vi', grants: [] }
}

export interface TestServer {
  base: string
  collab: CollabServer
  dbh: DbHandle
  http: Server
  /** Closes the collab server and the HTTP server; the database too unless `keepDb`. */
  close(opts?: { keepDb?: boolean }): Promise<void>
}

export interface StartOptions {
  dataDir?: string
  dbh?: DbHandle
  /** Access per user id (default 'write'); documents in `missing` answer 'missing'. */
  access?: Record<string, Access>
  missing?: Set<string>
  server?: Partial<CollabServerOptions>
}

/** A real HTTP server on a loopback port with the collab server on its upgrades; stub auth unless overridden. */
export async function startCollab(opts: StartOptions = {}): Promise<TestServer> {
  const dbh = opts.dbh ?? (await createDb({ dataDir: opts.dataDir ?? 'memory://' }))
  const collab = createCollabServer({
    db: dbh.db,
    authenticate: async (req) => {
      const m = /hub_session=([\w-]+)/.exec(req.headers.cookie ?? '')
      return m ? fakeUser(m[1]!) : null
    },
    authorize: async (user, docName) =>
      opts.missing?.has(docName) ? 'missing' : (opts.access?.[user.userId] ?? 'write'),
    ...opts.server,
  })
  const http = createServer((_req, res) => {
    res.statusCode = 404
    res.end()
  })
  http.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head))
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r))
  const port = (http.address() as AddressInfo).port
  return {
    base: `http://127.0.0.1:${port}`,
    collab,
    dbh,
    http,
    async close(o = {}) {
      await collab.close()
      http.closeAllConnections()
      await new Promise<void>((r) => http.close(() => r()))
      if (!o.keepDb && !opts.dbh) await dbh.close()
    },
  }
}

/** A ws class carrying a cookie (and optionally an Origin) on its upgrade, for WebsocketProvider. */
export function wsWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  close(): void
}

/** A stock y-websocket client; resolves once synced. */
export async function connectClient(
  base: string,
  docName: string,
  user: string,
  timeoutMs = 10_000,
): Promise<TestClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: wsWithHeaders({ cookie: `hub_session=${user}` }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  })
  const synced = await new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs)
    provider.once('sync', (s: boolean) => {
      if (s) {
        clearTimeout(t)
        resolve(true)
      }
    })
  })
  const close = () => {
    provider.destroy()
    doc.destroy()
  }
  if (!synced) {
    close()
    throw new Error(`no sync for ${docName} in ${timeoutMs} ms`)
  }
  return { doc, provider, close }
}

/** Outcome of a raw upgrade: true when accepted, else the HTTP status. */
export function tryUpgrade(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<true | number | string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${path}`, { headers })
    const t = setTimeout(() => {
      ws.terminate()
      resolve('timeout')
    }, 5000)
    ws.on('open', () => {
      clearTimeout(t)
      ws.close()
      resolve(true)
    })
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(t)
      res.resume()
      ws.terminate()
      resolve(res.statusCode ?? 0)
    })
    ws.on('error', () => {
      clearTimeout(t)
      resolve('error')
    })
  })
}

/** An open raw websocket on a document (for sending hand-made frames). */
export async function rawSocket(base: string, docName: string, user: string): Promise<WebSocket> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/collab/${encodeURIComponent(docName)}`, {
    headers: { cookie: `hub_session=${user}` },
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return ws
}

/** Polls until `fn` holds; throws after `ms` naming the condition, so a wait that fails fails its test. */
export async function waitFor(fn: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const t = Date.now()
  while (Date.now() - t < ms) {
    if (await fn()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  if (await fn()) return
  throw new Error(`waitFor: not true within ${ms} ms: ${fn.toString().replace(/\s+/g, ' ').slice(0, 200)}`)
}

/** A database whose transactions wait while it is held: to see what happens before a write (the update log's, a compaction) commits. */
export interface GatedDb {
  db: Db
  /** Transactions started from now on wait for release(). */
  hold(): void
  release(): void
  /** Transactions waiting now. */
  readonly waiting: number
}

export function gatedDb(db: Db): GatedDb {
  let gate: Promise<void> | null = null
  let open = () => {}
  let waiting = 0
  const gated = new Proxy(db, {
    get(target, prop, recv) {
      if (prop === 'transaction') {
        return async (...args: Parameters<Db['transaction']>) => {
          while (gate) {
            waiting++
            await gate
            waiting--
          }
          return target.transaction(...args)
        }
      }
      const v = Reflect.get(target, prop, recv)
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
  return {
    db: gated,
    hold() {
      gate ??= new Promise<void>((r) => {
        open = r
      })
    },
    release() {
      gate = null
      open()
    },
    get waiting() {
      return waiting
    },
  }
}

/** A fresh document name of the given kind. */
export function newDocName(kind = 'directive'): string {
  return `${kind}:${randomUUID()}`
}

/** Whether redis-server is installed: the tests against a real Redis skip without it. */
export const hasRedisServer = (() => {
  try {
    execFileSync('which', ['redis-server'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** A real Redis on a free loopback port (no persistence); resolves once it answers. */
export async function startRedis(): Promise<{ url: string; port: number; stop(): void }> {
  const port = await new Promise<number>((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port
      s.close(() => resolve(p))
    })
  })
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  await waitFor(() => {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => redis.kill() }
}
