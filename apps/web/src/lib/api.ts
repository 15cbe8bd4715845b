/** A failed call to the hub: its HTTP status and the stable error code from `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The server does not offer this route (yet): the UI says so instead of failing. */
  get isUnavailable(): boolean {
    return this.status === 404 && /Route|Đường dẫn/.test(this.message)
  }

  get isConflict(): boolean {
    return this.status === 409
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Whether an error means the feature is missing on the server (a 404 for the route itself). */
export function isUnavailable(e: unknown): boolean {
  return e instanceof ApiError && e.isUnavailable
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Sent as `Idempotency-Key`: a retry of the same write gets the first answer instead of writing twice. */
  idempotencyKey?: string
}

/**
 * Calls the hub's JSON API on the same origin with the session cookie. The browser adds the
 * Origin header that the server demands on writes. Any non-2xx answer becomes an ApiError.
 */
export async function api<T>(
  path: string,
  { method = 'GET', body, signal, idempotencyKey }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  // A form (a file upload) sets its own multipart type; everything else is JSON.
  const form = body instanceof FormData
  if (body !== undefined && !form) headers['content-type'] = 'application/json'
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
  let res: Response
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal,
    })
  } catch (e) {
    if (signal?.aborted) throw e
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error')
  }
  const text = await res.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText, err?.details)
  }
  return data as T
}

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    sp.set(k, String(v))
  }
  const s = sp.toString()
  return s ? `?${s}` : ''
}
