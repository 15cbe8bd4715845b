// Limits of the collab server: frame and document sizes, buffered bytes, per-connection rates, close codes.
import type { RawData } from 'ws'

/** Default largest frame a client may send: a big pasted document fits, a memory bomb does not. */
export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024
/** A client that has not read this much of what it was sent is dropped rather than buffered for. */
export const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024
/** Awareness client ids one connection may speak for (a browser tab has one). */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 8

/** A document larger than this (its stored state plus what was added since it was opened) takes no more edits. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

/** Per-connection rates: sustained per second and burst. Typing sends tens of updates a second, a cursor fewer. */
export interface RateLimits {
  awarenessPerSecond: number
  awarenessBurst: number
  updatesPerSecond: number
  updatesBurst: number
  updateBytesPerSecond: number
  updateBytesBurst: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  updatesPerSecond: 200,
  updatesBurst: 1000,
  updateBytesPerSecond: 2 * 1024 * 1024,
  updateBytesBurst: 8 * 1024 * 1024,
}

/** A token bucket: `take(n)` is false when the connection has spent more than its rate allows. */
export class TokenBucket {
  private tokens: number
  private last = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
  }

  take(n = 1): boolean {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }
}

/** Websocket close codes the server uses. */
export const CloseCode = {
  /** Server shutting down. */
  goingAway: 1001,
  /** A frame that is not a well-formed y-websocket message. */
  protocolError: 1002,
  /** A frame over the size limit. */
  tooBig: 1009,
  /** The server could not continue (e.g. the document was unloaded under the connection). */
  internalError: 1011,
  /** The user's rights on the document changed; the client reconnects and is judged again. */
  accessChanged: 4000,
  /** The connection sent updates or presence faster than its rate limit (the client may reconnect and resync). */
  rateLimited: 4429,
  /** The document reached its size limit; the update was not applied. */
  documentTooLarge: 4413,
} as const

/** The bytes of a received frame, whatever form ws delivered it in. */
export function frameBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}

/** Whether a ws error event means the peer sent a frame over maxPayload. */
export function isOversizeError(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
}
