/**
 * Distribution of an issued directive: every recipient unit receives it now, audited like any
 * change, and the heads of those units are told (the `directive.distributed` event).
 */
import type { CurrentUser } from '@hub/auth'
import { type DirectiveRow, schema, type Tx } from '@hub/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { recordChange } from '../services/audit'
import { headsOf } from '../services/unit-directory'

/** Runs inside the issuing transaction. */
export async function distributeDirective(tx: Tx, row: DirectiveRow, actor: CurrentUser, requestId?: string) {
  const r = schema.directiveRecipients
  const received = await tx
    .update(r)
    .set({ receivedAt: new Date() })
    .where(and(eq(r.directiveId, row.id), isNull(r.receivedAt), sql`${r.unitId} is not null`))
    .returning()
  if (!received.length) return
  const unitIds = received.map((x) => x.unitId!)
  const heads = await headsOf(tx, unitIds)
  const userIds = [...new Set([...heads.values()].flat())]
  await recordChange(tx, {
    actorUserId: actor.userId,
    action: 'directive.distribute',
    entityType: 'directive',
    entityId: row.id,
    after: { unitIds, userIds },
    requestId,
    event: userIds.length
      ? {
          type: 'directive.distributed',
          payload: { directiveId: row.id, number: row.number, title: row.title, userIds },
        }
      : undefined,
  })
}
