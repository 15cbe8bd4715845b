// Tells a failure of the database itself (unreachable, restarting, out of disk, read-only) from a bug,
// so that the API answers 503 with the error shape while it lasts, instead of a 500 or a hang.
/** Node socket errors of a connection that could not be made or was cut. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])
/** Disk errors of the embedded database's folder. */
const diskCodes = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EIO'])
/** PostgreSQL: connection exceptions (08), shutting down or starting (57P01-57P03), disk full (53100), I/O (58030). */
const sqlStates = /^(08...|57P0[123]|53100|58030)$/
/** node-postgres and pg-pool say so in words only. */
const messages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|No space left|disk quota|read-only file system/i

function isDown(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const { code, message } = e as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (socketCodes.has(code) || diskCodes.has(code) || sqlStates.test(code))) return true
  return typeof message === 'string' && messages.test(message)
}

/** Whether an error or what caused it (Drizzle wraps the driver's, five deep at most) passes `test`. */
function anyCause(err: unknown, test: (e: unknown) => boolean): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) if (test(e)) return true
  return false
}

/** Whether an error (or what caused it, as Drizzle wraps the driver's) says the database is unavailable. */
export const isDatabaseUnavailable = (err: unknown): boolean => anyCause(err, isDown)

/** Disk full or over quota: the file system's codes, PostgreSQL's 53100, or the words alone. */
const fullCodes = new Set(['ENOSPC', 'EDQUOT', '53100'])
function isFull(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const { code, message } = e as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && fullCodes.has(code)) return true
  return typeof message === 'string' && /No space left|disk quota/i.test(message)
}

/** Whether an error (or what caused it) says the database's disk is full: a kind of unavailable. */
export const isDiskFull = (err: unknown): boolean => anyCause(err, isFull)
