// Compaction of collaborative documents: a document's snapshot and update log merged into one
// snapshot in one transaction, so that a load costs the document's size, not its history.
import { type Db, schema } from '@hub/db'
import { and, asc, eq, lte } from 'drizzle-orm'
import { compactedState } from './compacted-state.mjs'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import { encodeOffThread, OFF_THREAD_BYTES } from './state-encoder'
import type { Serial } from './update-log'

const { yDocuments, yUpdates } = schema

export interface CompactorOptions {
  log: CollabLogger
  metrics: CollabMetrics
  serial: Serial
}

/**
 * Merges snapshot and log into one snapshot, in one transaction: the document row is locked, the
 * log read, the merged state (garbage-collected, as a loaded Y.Doc encodes it) written and exactly
 * the rows read deleted. Works from the database, so it is correct whichever process wrote the log.
 * Runs on the same write queue as the update log (a flush never interleaves with a compaction).
 */
export class Compactor {
  private readonly running = new Map<string, Promise<void>>()

  constructor(
    private readonly db: Db,
    private readonly opts: CompactorOptions,
  ) {}

  /** Compacts the document (joins a compaction of it already queued). */
  compact(name: string): Promise<void> {
    const queued = this.running.get(name)
    if (queued) return queued
    const run = this.opts.serial(() => this.run(name)).finally(() => this.running.delete(name))
    this.running.set(name, run)
    return run
  }

  private async run(name: string): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ snapshot: yDocuments.snapshot, pendingUpdates: yDocuments.pendingUpdates })
          .from(yDocuments)
          .where(eq(yDocuments.name, name))
          .for('update')
        if (!row) return
        const log = await tx
          .select({ id: yUpdates.id, update: yUpdates.update })
          .from(yUpdates)
          .where(eq(yUpdates.docName, name))
          .orderBy(asc(yUpdates.id))
        if (log.length === 0 && row.pendingUpdates === 0) return
        const parts = row.snapshot ? [row.snapshot, ...log.map((r) => r.update)] : log.map((r) => r.update)
        // A large state or a long log is applied and encoded in the worker thread: the event loop
        // goes on serving the other documents meanwhile (the row stays locked as before).
        const heavy = log.length > 1000 || parts.reduce((n, u) => n + u.byteLength, 0) >= OFF_THREAD_BYTES
        const snapshot = heavy
          ? await encodeOffThread(parts, null, true).catch(() => compactedState(parts))
          : compactedState(parts)
        await tx
          .update(yDocuments)
          .set({ snapshot, pendingUpdates: 0, updatedAt: new Date() })
          .where(eq(yDocuments.name, name))
        const last = log[log.length - 1]
        if (last) await tx.delete(yUpdates).where(and(eq(yUpdates.docName, name), lte(yUpdates.id, last.id)))
      })
      this.opts.metrics.compactions++
    } catch (err) {
      this.opts.metrics.compactionErrors++
      this.opts.log.error({ err, doc: name }, 'collab: compaction failed')
      throw err
    }
  }

  /** Documents being compacted now (leak checks). */
  get size(): number {
    return this.running.size
  }
}
