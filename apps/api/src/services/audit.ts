/** Audit rows and domain events: what a change leaves behind besides the change itself. */
import { type DbOrTx, schema } from '@hub/db'
import type { DomainEventInput } from '@hub/domain'

export interface ChangeRecord {
  actorUserId: string | null
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
  requestId?: string
  /** The domain event to deliver after commit (live layer, notifications). */
  event?: DomainEventInput
}

/**
 * Writes the audit row and the domain event of a change. Call inside the change's transaction, so
 * that a rolled-back change leaves neither.
 */
export async function recordChange(tx: DbOrTx, r: ChangeRecord): Promise<void> {
  await tx.insert(schema.auditLog).values({
    actorUserId: r.actorUserId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId ?? null,
  })
  if (r.event)
    await tx
      .insert(schema.domainEvents)
      .values({ type: r.event.type, payload: r.event.payload, actorUserId: r.actorUserId })
}

/** Who makes a change, and in which request. */
export interface ChangeAuthor {
  actor: { userId: string } | null
  requestId?: string
}

/** `recordChange` as a use case says it: its author, the action, the entity, and what changed. */
export function audit(
  tx: DbOrTx,
  by: ChangeAuthor,
  action: string,
  [entityType, entityId]: [string, string],
  change: Pick<ChangeRecord, 'before' | 'after' | 'event'> = {},
): Promise<void> {
  return recordChange(tx, {
    actorUserId: by.actor?.userId ?? null,
    action,
    entityType,
    entityId,
    requestId: by.requestId,
    ...change,
  })
}
