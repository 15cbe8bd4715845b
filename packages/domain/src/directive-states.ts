/**
 * A directive's life as a transition table: draft → in review → issued → in force → closed or
 * replaced. Each move names the statuses it starts from, where it leads, which policy the actor must
 * pass, and the input it cannot do without. The API's commands ask this table, nothing else.
 */
import type { DirectiveStatus } from './directive'

export const directiveTransitions = ['submit', 'return', 'issue', 'put_in_force', 'close', 'replace'] as const
export type DirectiveTransition = (typeof directiveTransitions)[number]

export interface DirectiveMove {
  from: readonly DirectiveStatus[]
  to: DirectiveStatus
  /** The policy the actor must pass: drafters `edit`, the standing committee `issue`. */
  needs: 'edit' | 'issue'
  /** An input without which the move cannot happen. */
  requires?: 'signer' | 'replacedById'
}

export const directiveMoves: Readonly<Record<DirectiveTransition, DirectiveMove>> = {
  submit: { from: ['draft'], to: 'in_review', needs: 'edit' },
  return: { from: ['in_review'], to: 'draft', needs: 'issue' },
  issue: { from: ['in_review'], to: 'issued', needs: 'issue', requires: 'signer' },
  put_in_force: { from: ['issued'], to: 'in_force', needs: 'issue' },
  close: { from: ['issued', 'in_force'], to: 'closed', needs: 'issue' },
  replace: { from: ['issued', 'in_force'], to: 'replaced', needs: 'issue', requires: 'replacedById' },
}

/** Where the move leads from this status, or null when the table does not allow it. */
export function nextDirectiveStatus(status: DirectiveStatus, action: DirectiveTransition): DirectiveStatus | null {
  const move = directiveMoves[action]
  return move.from.includes(status) ? move.to : null
}

/** Before issue the text is a draft its editors change; from issue on it changes only by new versions. */
export const isDraftStatus = (status: DirectiveStatus): boolean => status === 'draft' || status === 'in_review'

/** Confirming its tasks puts an issued directive in force (the tasks are how it is carried out). */
export const statusAfterTasksConfirmed = (status: DirectiveStatus): DirectiveStatus | null =>
  status === 'issued' ? 'in_force' : null
