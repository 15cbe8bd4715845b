/** The part of a pino logger the collab server uses; pass the app's pino instance (or a child of it). */
export interface CollabLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
  debug(obj: object, msg?: string): void
}

/** A logger that drops everything (tests, scripts). */
export const silentLogger: CollabLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
}

const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * The request id of an HTTP request or websocket upgrade: the proxy's `X-Request-Id` when it is a
 * plain token (nginx sends `$request_id`), else a new one. API, collab and live-event logs carry it,
 * so one upgrade can be followed through every log.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header
  return given && PLAIN_ID.test(given) ? given : crypto.randomUUID()
}
