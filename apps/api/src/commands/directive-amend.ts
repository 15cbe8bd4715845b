/** A later change to an issued directive: a new frozen version, never an overwrite of the one in force. */
import type { CurrentUser } from '@hub/auth'
import { Conflict, directivePolicy, Forbidden, isDraftStatus } from '@hub/domain'
import { audit } from '../services/audit'
import { withChange } from '../services/change'
import { presentDirective } from '../services/directives'
import type { DirectiveBody } from '../services/document-text'
import type { CommandContext } from './context'
import { freezeVersion, loadDirective } from './directive-record'
import { listVersions } from './directive-versions'

export function amendDirective(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  input: { label: string; body?: DirectiveBody },
  requestId?: string,
) {
  return withChange(ctx, async (tx) => {
    const row = await loadDirective(tx, id)
    if (!directivePolicy.issue(actor, ctx.units.tree, row)) throw new Forbidden()
    if (isDraftStatus(row.status)) throw new Conflict('not_issued', 'notIssued')
    await freezeVersion(tx, row, actor, input.label, input.body)
    await audit(tx, { actor, requestId }, 'directive.amend', ['directive', id], {
      after: { label: input.label },
      event: { type: 'directive.updated', payload: { directive: presentDirective(row) } },
    })
    return listVersions(tx, id)
  })
}
