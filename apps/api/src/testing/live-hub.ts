// The hub as it runs, for tests over real sockets: started on a loopback port over PGlite with the demo
// city, its API called with fetch, its live events read with socket.io-client.
import pino from 'pino'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll } from 'vitest'
import WebSocket from 'ws'
import { type RunningHub, startHub } from '../hub'
import { type SignedIn, signIn } from './harness'
import { lateBound } from './late-bound'

export type LiveHub = RunningHub & { base: string }
export type LiveHubOptions = { scheduler?: boolean; services?: string[]; dataDir?: string }

/** A real hub on a loopback port over an in-memory PGlite with the demo city (no scheduler unless asked). */
export async function startTestHub(opts: LiveHubOptions = {}): Promise<LiveHub> {
  const hub = await startHub({
    dataDir: opts.dataDir ?? 'memory://',
    port: 0,
    host: '127.0.0.1',
    services: new Set(opts.services ?? ['api', 'collab']),
    seed: 'auto',
    demoPassword: 'demo1234',
    // The 2021 city alone: the fixture these tests were written against (see harness.ts).
    demoTree: '2021',
    log: pino({ level: 'silent' }),
    scheduler: opts.scheduler ? { intervalMs: 3_600_000 } : false,
  })
  const address = hub.server.address() as { port: number }
  return Object.assign(hub, { base: `http://127.0.0.1:${address.port}` })
}

export async function loginCookie(base: string, email: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  })
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`)
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

export async function api(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(base + path, {
    method,
    headers: { cookie, origin: base, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: r.status, json: (await r.json()) as any }
}

/** A connected socket.io client carrying the cookie; rejects if the server refuses it. */
export async function liveSocket(base: string, cookie?: string, origin?: string): Promise<Socket> {
  const s = io(base, {
    transports: ['websocket'],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    reconnection: false,
    timeout: 5000,
  })
  await new Promise<void>((res, rej) => {
    s.once('connect', () => res())
    s.once('connect_error', (e) => {
      s.close()
      rej(e)
    })
  })
  return s
}

export function subscribe(s: Socket, room: string): Promise<{ ok: boolean; error?: string }> {
  return s.timeout(5000).emitWithAck('subscribe', room)
}

/** Resolves with the first matching event's payload, or null after `ms`. */
export function nextEvent<T = any>(
  s: Socket,
  name: string,
  pred: (p: T) => boolean = () => true,
  ms = 5000,
): Promise<T | null> {
  return new Promise((res) => {
    const timer = setTimeout(() => {
      s.off(name, on)
      res(null)
    }, ms)
    const on = (p: T) => {
      if (!pred(p)) return
      clearTimeout(timer)
      s.off(name, on)
      res(p)
    }
    s.on(name, on)
  })
}

/**
 * The usual setup of a test file over the running hub, as hooks: started before the file's tests,
 * closed after them, signed in as `accounts` (short names: 'bithu' for bithu@demo.local).
 */
export function useLiveHub<const N extends string>(
  accounts: readonly N[],
  opts: LiveHubOptions = {},
): { hub: LiveHub; as: SignedIn<N> } {
  const hub = lateBound<LiveHub>('the running hub')
  const as = {} as SignedIn<N>
  let started: LiveHub | undefined
  beforeAll(async () => {
    started = await startTestHub(opts)
    hub.set(started)
    const base = started.base
    Object.assign(as, await signIn((email) => loginCookie(base, email), accounts))
  })
  afterAll(async () => {
    await started?.close()
  })
  return { hub: hub.value, as }
}

/** How the city's secretary signs the directives these tests issue. */
export const SECRETARY_SIGNS = { name: 'Trần Quốc Hưng', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' }

/** Submits a draft directive for review at its version. */
export function submitDirective(base: string, cookie: string, id: string, version: number) {
  return api(base, cookie, 'POST', `/api/directives/${id}/transition`, { action: 'submit', version })
}

/** Issues a directive in review at its version, signed by the secretary, on `issuedAt` (or today). */
export function issueDirective(base: string, cookie: string, id: string, version: number, issuedAt?: string) {
  return api(base, cookie, 'POST', `/api/directives/${id}/transition`, {
    action: 'issue',
    version,
    ...(issuedAt ? { issuedAt } : {}),
    signer: SECRETARY_SIGNS,
  })
}

/** Asks for a websocket upgrade at `path` (e.g. /collab/<name>): 'open' if the hub took it, else the refusal's status. */
export function upgradeStatus(base: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<number | 'open'>((resolve) => {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + path, { headers })
    ws.on('open', () => {
      ws.close()
      resolve('open')
    })
    ws.on('unexpected-response', (_req, res) => {
      res.resume()
      ws.terminate()
      resolve(res.statusCode ?? 0)
    })
    ws.on('error', () => {})
  })
}
