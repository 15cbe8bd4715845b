// The lock that keeps an embedded (PGlite) data folder to one process, taken when the database opens: a
// second hub on the same folder refuses to start instead of corrupting it.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** Thrown when another live process holds the embedded database folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dir} is in use by process ${holderPid}. The embedded database allows one process; ` +
        'stop that process, or use DATABASE_URL (PostgreSQL) to run several.',
    )
  }
}

/**
 * Whether a process is running. A process killed with -9 whose parent died too stays a zombie until
 * init reaps it, and signal 0 still reaches a zombie: on Linux its state in /proc tells.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    // No /proc (not Linux), or the process ended between the two looks.
    return existsSync('/proc') ? false : true
  }
}

/**
 * Takes an exclusive lock on an embedded database folder. PGlite corrupts a folder opened by two
 * processes, so the second one must refuse. The lock file holds the owner's pid; a lock left by a
 * process that died (kill -9) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'hub.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        rmSync(file, { force: true })
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      let holder = 0
      try {
        holder = Number(JSON.parse(readFileSync(file, 'utf8')).pid) || 0
      } catch {
        // A half-written lock file: its writer died while writing; treat as stale.
      }
      if (holder && holder !== process.pid && alive(holder)) throw new DataDirLockedError(dir, holder)
      rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`)
}
