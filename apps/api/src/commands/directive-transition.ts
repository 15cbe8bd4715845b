/**
 * Moves a directive along its life by the domain's transition table (submit, return, issue, put in
 * force, close, replace): the actor must pass the move's policy and send the version he read;
 * issuing numbers, freezes and distributes it.
 */
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  Conflict,
  type DirectiveTransition,
  directiveMoves,
  directivePolicy,
  Forbidden,
  Invalid,
  nextDirectiveStatus,
  staleVersion,
} from '@hub/domain'
import { and, eq, sql } from 'drizzle-orm'
import { AssignmentService, putInForce } from '../services/assignments'
import { audit } from '../services/audit'
import { withChange } from '../services/change'
import { presentDirective } from '../services/directives'
import { type DocumentText, documentsOf, documentText } from '../services/document-text'
import type { CommandContext } from './context'
import { distributeDirective } from './directive-distribute'
import { type IssueInput, issueParticulars } from './directive-issue'
import { loadDirective, recipientsOf } from './directive-record'

const d = schema.directives

export interface TransitionInput extends IssueInput {
  action: DirectiveTransition
  version: number
  replacedById?: string
}

export async function transitionDirective(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  input: TransitionInput,
  requestId?: string,
) {
  const tree = ctx.units.tree
  // Issuing freezes the editors' text before the transaction (the store writes what it holds, then
  // refuses edits): version 1 is what they saw. A refused issue lets them write again.
  let text: DocumentText | null = null
  if (input.action === 'issue') {
    const row = await loadDirective(ctx.dbh.db, id)
    const may = directivePolicy.read(actor, tree, row) && directivePolicy[directiveMoves.issue.needs](actor, tree, row)
    if (may && row.version === input.version)
      text = await documentText(documentsOf(ctx), `directive:${id}`, { freeze: true })
  }
  try {
    return await transitionIn(ctx, actor, id, input, text, requestId)
  } catch (err) {
    text?.thaw()
    throw err
  }
}

function transitionIn(
  ctx: CommandContext,
  actor: CurrentUser,
  id: string,
  input: TransitionInput,
  text: DocumentText | null,
  requestId?: string,
) {
  const tree = ctx.units.tree
  return withChange(ctx, async (tx) => {
    const row = await loadDirective(tx, id)
    if (!directivePolicy.read(actor, tree, row)) throw new Forbidden()
    const move = directiveMoves[input.action]
    if (!directivePolicy[move.needs](actor, tree, row)) throw new Forbidden()
    if (row.version !== input.version) throw staleVersion(presentDirective(row))
    const to = nextDirectiveStatus(row.status, input.action)
    if (!to) throw new Conflict('invalid_transition', 'invalidTransition', { action: input.action, status: row.status })
    const set: Partial<typeof d.$inferInsert> = { status: to }
    let frozen: { versionNo: number } | null = null
    if (input.action === 'issue') {
      const issued = await issueParticulars(tx, row, actor, input, text)
      Object.assign(set, issued.set)
      frozen = issued.frozen
    }
    if (move.requires === 'replacedById') {
      if (!input.replacedById) throw new Invalid('replacedById', 'replacementRequired', {}, undefined, 'required')
      const replacement = await loadDirective(tx, input.replacedById)
      if (!directivePolicy.read(actor, tree, replacement)) throw new Forbidden()
      set.replacedById = input.replacedById
    }
    const [updated] = await tx
      .update(d)
      .set({ ...set, updatedAt: new Date(), version: sql`${d.version} + 1` })
      .where(and(eq(d.id, id), eq(d.version, input.version)))
      .returning()
    if (!updated) throw staleVersion(presentDirective(row))
    if (input.action === 'issue') await distributeDirective(tx, updated, actor, requestId)
    const dto = presentDirective(updated, await recipientsOf(tx, id))
    await audit(tx, { actor, requestId }, `directive.${input.action}`, ['directive', id], {
      before: { status: row.status, number: row.number },
      after: { status: dto.status, number: dto.number, issuedAt: dto.issuedAt, version: frozen?.versionNo },
      event: { type: 'directive.updated', payload: { directive: dto, statusChanged: true } },
    })
    if (input.action !== 'issue') return dto
    // The assignment rows settled while it was a draft go out with it; their tasks put it in force.
    const issuer = updated.issuerUnitId ?? ctx.units.root()!.id
    const sent = await AssignmentService.sendHeld(tx, actor, updated, issuer, requestId)
    const inForce = sent ? await putInForce(tx, actor, updated, sent, requestId) : null
    return inForce ? presentDirective(inForce, await recipientsOf(tx, id)) : dto
  })
}
