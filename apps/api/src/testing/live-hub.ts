import pino from 'pino'
import { io, type Socket } from 'socket.io-client'
import { type RunningHub, startHub } from '../hub'

/** A real hub on a loopback port over an in-memory PGlite with the demo city (no scheduler unless asked). */
export async function startTestHub(
  opts: { scheduler?: boolean; services?: string[]; dataDir?: string } = {},
): Promise<RunningHub & { base: string }> {
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
