// The embedded database's disk after it ran out of space: once a write failed for lack of space, every
// write is refused (503, the error shape) while the data folder's file system has less free space than a
// margin, and accepted again as soon as space is back. Without it a write that happens to need no new
// block (room left in a page or in a write-ahead segment a refused write had extended) would commit on a
// full disk between refusals, so clients could not tell "full" from "working".
import { statfs } from 'node:fs/promises'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../context'
import { isDiskFull } from './database-down'
import { bodyMethods } from './input-guard'

/** Free space under which writes stay refused after a disk error: one write-ahead segment and more. */
export const DISK_MARGIN_BYTES = 32 * 1024 * 1024
export interface DiskGuardOptions {
  marginBytes?: number
  /** Free bytes of the folder's file system (statfs by default; tests give their own). */
  freeBytes?: (dir: string) => Promise<number>
}

/** Watches the embedded database's folder after a disk-full error; see the file's first comment. */
export class DiskGuard {
  private low = false
  private checking: Promise<boolean> | null = null
  private readonly margin: number
  private readonly freeBytes: (dir: string) => Promise<number>

  constructor(
    private readonly dir: string,
    options: DiskGuardOptions = {},
  ) {
    this.margin = options.marginBytes ?? DISK_MARGIN_BYTES
    this.freeBytes =
      options.freeBytes ??
      (async (d) => {
        const s = await statfs(d)
        return s.bavail * s.bsize
      })
  }

  /** Called with every failure the API answers: a disk-full error starts refusing writes. */
  failed(err: unknown): void {
    if (!isDiskFull(err)) return
    this.low = true
  }

  /**
   * Whether writes are refused now. While they are, each write looks at the free space again (one
   * statfs, shared by the writes that arrive meanwhile), so the hub accepts writes the moment space is back.
   */
  async refusing(): Promise<boolean> {
    if (!this.low) return false
    this.checking ??= this.freeBytes(this.dir)
      .then(
        (free) => free < this.margin,
        () => true, // the folder cannot even be measured: stay careful
      )
      .then((low) => {
        this.low = low
        return low
      })
      .finally(() => {
        this.checking = null
      })
    return this.checking
  }

  /** For health: "low" while writes are refused. */
  get state(): 'ok' | 'low' {
    return this.low ? 'low' : 'ok'
  }
}

/** Refuses writes (503) while the guard says the disk is still full; reads go on. */
export function diskLowWrites(guard: DiskGuard, refuse: () => Error): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bodyMethods.has(c.req.method) && (await guard.refusing())) throw refuse()
    await next()
  }
}
