/** Replaces a directive's recipient list while it is a draft (draft or in review); audited. */
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import { Conflict, directivePolicy, Forbidden, Invalid, isDraftStatus, type Recipient } from '@hub/domain'
import { eq } from 'drizzle-orm'
import { audit } from '../services/audit'
import { withChange } from '../services/change'
import { presentDirective } from '../services/directives'
import type { CommandContext } from './context'
import { loadDirective, recipientsOf } from './directive-record'

export function setDirectiveRecipients(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  recipients: Recipient[],
  requestId?: string,
) {
  return withChange(ctx, async (tx) => {
    const row = await loadDirective(tx, id)
    if (!directivePolicy.edit(actor, ctx.units.tree, row)) throw new Forbidden()
    if (!isDraftStatus(row.status)) throw new Conflict('directive_frozen', 'alreadyIssued')
    for (const [i, r] of recipients.entries())
      if (r.unitId && !ctx.units.get(r.unitId))
        throw new Invalid(`recipients.${i}.unitId`, 'unknownRecipientUnit', { index: i }, undefined, 'unknown unit')
    await tx.delete(schema.directiveRecipients).where(eq(schema.directiveRecipients.directiveId, id))
    if (recipients.length)
      await tx.insert(schema.directiveRecipients).values(
        recipients.map((r, i) => ({
          directiveId: id,
          name: r.name,
          capacity: r.capacity,
          unitId: r.unitId ?? null,
          groupLabel: r.groupLabel ?? null,
          ordinal: i,
        })),
      )
    const dto = presentDirective(row, await recipientsOf(tx, id))
    await audit(tx, { actor, requestId }, 'directive.recipients', ['directive', id], { after: recipients })
    return dto
  })
}
