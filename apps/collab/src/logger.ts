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
