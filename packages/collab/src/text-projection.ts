// The stored plain-text projection of collaborative documents (y_documents.plain_text), which search
// reads: the only code that writes it, from the live document, debounced while the document changes.
import { type Db, schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import type { CollabLogger } from './logger'
import type { CollabMetrics } from './metrics'
import type { Serial } from './update-log'

const { yDocuments } = schema

export interface TextProjectionOptions {
  /** The projection is rewritten at most this often while a document changes. */
  debounceMs: number
  log: CollabLogger
  metrics: CollabMetrics
  serial: Serial
  /** Current plain text of a document held in memory, null when it is not. */
  textOf(name: string): string | null
}

/** Keeps y_documents.plain_text equal to the document's text, a debounce interval behind at most. */
export class TextProjection {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly written = new Map<string, string>()
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly opts: TextProjectionOptions,
  ) {}

  /** The document's stored state changed: rewrite its text after the debounce interval. */
  changed(name: string): void {
    if (this.timers.has(name) || this.closed) return
    const t = setTimeout(() => {
      this.timers.delete(name)
      void this.settle(name).catch((err) => this.opts.log.warn({ err, doc: name }, 'collab: plain-text refresh failed'))
    }, this.opts.debounceMs)
    t.unref()
    this.timers.set(name, t)
  }

  /** Writes the document's current text now if it differs from the last one written. */
  settle(name: string): Promise<void> {
    const t = this.timers.get(name)
    if (t) clearTimeout(t)
    this.timers.delete(name)
    return this.opts.serial(async () => {
      const text = this.opts.textOf(name)
      if (text == null || this.written.get(name) === text) return
      await this.db.update(yDocuments).set({ plainText: text }).where(eq(yDocuments.name, name))
      this.written.set(name, text)
      this.opts.metrics.plainTextRefreshes++
    })
  }

  /** Drops what is kept about a document that left memory. */
  forget(name: string): void {
    const t = this.timers.get(name)
    if (t) clearTimeout(t)
    this.timers.delete(name)
    this.written.delete(name)
  }

  /** Documents with state kept here (leak checks). */
  get size(): number {
    return this.timers.size + this.written.size
  }

  /** Stops the timers. */
  stop(): void {
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }
}
