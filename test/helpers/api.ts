// The hub's API called straight from a browser test (setting up data, checking what the page did), as
// one demo account.
import { demoEmail, PASSWORD } from './accounts'

/** A task as the API answers it (the fields the browser tests read). */
export interface Task {
  id: string
  title: string
  status: string
  progress: number
  leadUnitId: string
  supportUnitIds: string[]
  parentTaskId: string | null
  dueAt: string | null
  version: number
}

/** Direct calls to a hub's API from a test, with a session of one demo account. */
export interface ApiSession {
  base: string
  cookie: string
  user: {
    id: string
    email: string
    fullName: string
    unitId: string | null
    roles: { role: string; unitId: string }[]
  }
  get<T = unknown>(path: string): Promise<T>
  post<T = unknown>(path: string, body: unknown): Promise<T>
  patch<T = unknown>(path: string, body: unknown): Promise<T>
  /** Status only: for routes that may not exist yet. */
  status(path: string): Promise<number>
}

export async function apiLogin(base: string, email: string, password = PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: demoEmail(email), password }),
  })
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ')
  const { user } = (await res.json()) as { user: ApiSession['user'] }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}/api${path}`, {
      method,
      headers: { cookie, origin: base, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }
  return {
    base,
    cookie,
    user,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    patch: (p, b) => call('PATCH', p, b),
    status: async (p) => (await fetch(`${base}/api${p}`, { headers: { cookie } })).status,
  }
}
