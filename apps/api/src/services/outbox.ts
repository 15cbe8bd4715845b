import { type Db, schema } from '@hub/db'
import { asc, inArray, isNull } from 'drizzle-orm'
import type { Logger } from 'pino'

export type DomainEvent = typeof schema.domainEvents.$inferSelect
export type EventHandler = (events: DomainEvent[]) => Promise<void>

/**
 * Delivers domain events written with their changes (transactional outbox) to the handlers
 * (live layer, notifications), after commit and at least once: an event is marked delivered
 * only after every handler has taken it; a failed batch is retried on the next tick.
 */
export class Outbox {
  private handlers: EventHandler[] = []
  private running: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  on(handler: EventHandler) {
    this.handlers.push(handler)
  }

  /** Starts polling, so events written by other processes or left by a crash are delivered too. */
  start() {
    this.timer = setInterval(() => this.kick(), this.pollMs)
    this.timer.unref()
  }

  /** Drain now (called after a commit that wrote events). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.drain().finally(() => {
      this.running = null
      if (this.again) {
        this.again = false
        void this.kick()
      }
    })
    return this.running
  }

  private async drain() {
    for (;;) {
      const batch = await this.db
        .select()
        .from(schema.domainEvents)
        .where(isNull(schema.domainEvents.deliveredAt))
        .orderBy(asc(schema.domainEvents.id))
        .limit(200)
      if (!batch.length) return
      try {
        for (const h of this.handlers) await h(batch)
      } catch (err) {
        this.log.error({ err }, 'event delivery failed; will retry')
        return
      }
      await this.db
        .update(schema.domainEvents)
        .set({ deliveredAt: new Date() })
        .where(
          inArray(
            schema.domainEvents.id,
            batch.map((e) => e.id),
          ),
        )
      if (batch.length < 200) return
    }
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    await this.running
  }
}
