// Delivery of domain events after their change commits (transactional outbox): the notifications and
// live handlers hub.ts registers receive each committed event at least once, from one process.

import { type Db, schema, type Tx } from '@hub/db'
import type { DomainEventInput } from '@hub/domain'
import { asc, inArray, isNull } from 'drizzle-orm'
import type { Logger } from 'pino'

type EventRow = typeof schema.domainEvents.$inferSelect
/** A committed event as delivery sees it: its row, with the type and payload of the typed union. */
export type DomainEvent = Omit<EventRow, 'type' | 'payload'> & DomainEventInput
/**
 * Takes a batch of committed events inside the delivery transaction. Database effects (such as
 * notification rows) go through `tx`; effects outside the database (socket emits) are returned
 * as a function that runs only after the batch is marked delivered.
 */
export type EventHandler = (events: DomainEvent[], tx: Tx) => Promise<undefined | (() => void)>

const BATCH = 200

/**
 * Delivers domain events written with their changes (transactional outbox) after commit, at least
 * once. Several processes may drain together: rows are claimed with FOR UPDATE SKIP LOCKED, so an
 * event is handled by one process; a failed batch rolls back and is retried on the next tick.
 */
export class Outbox {
  private handlers: EventHandler[] = []
  private running: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  on(handler: EventHandler) {
    this.handlers.push(handler)
  }

  /** Polls too, so that events written by other processes or left by a crash are delivered. */
  start() {
    this.timer = setInterval(() => void this.kick(), this.pollMs)
    this.timer.unref()
  }

  /** Drain now (called after a commit that wrote events). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.drain()
      .catch((err) => this.log.error({ err }, 'event delivery failed; will retry'))
      .finally(() => {
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
      const after: (() => void)[] = []
      const n = await this.db.transaction(async (tx) => {
        const batch = (await tx
          .select()
          .from(schema.domainEvents)
          .where(isNull(schema.domainEvents.deliveredAt))
          .orderBy(asc(schema.domainEvents.id))
          .limit(BATCH)
          .for('update', { skipLocked: true })) as DomainEvent[]
        if (!batch.length) return 0
        for (const h of this.handlers) {
          const effect = await h(batch, tx)
          if (effect) after.push(effect)
        }
        await tx
          .update(schema.domainEvents)
          .set({ deliveredAt: new Date() })
          .where(
            inArray(
              schema.domainEvents.id,
              batch.map((e) => e.id),
            ),
          )
        return batch.length
      })
      for (const effect of after) {
        try {
          effect()
        } catch (err) {
          this.log.error({ err }, 'event effect failed')
        }
      }
      if (n < BATCH) return
    }
  }

  async stop() {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    await this.running
  }
}
