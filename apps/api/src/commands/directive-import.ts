/**
 * Creates a draft from a pasted directive (PDF or Word text): the parser's fields, its clauses, and
 * its recipients matched to units, a group line ("Các quận ủy, huyện ủy, thị ủy") becoming one row
 * per unit so each unit's receipt is recorded. A document already in the hub under the same number
 * is reported, not refused (another issuer may use the number).
 */
import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  type DirectiveKind,
  directivePolicy,
  Forbidden,
  Invalid,
  kindTitles,
  parseDirective,
  type Recipient,
} from '@hub/domain'
import { eq } from 'drizzle-orm'
import { recordChange } from '../services/audit'
import { withChange } from '../services/change'
import { presentDirective } from '../services/directives'
import type { CommandContext } from './context'
import { recipientsOf, unitsNamedIn } from './directive-record'

const d = schema.directives

export async function importDirective(ctx: CommandContext, actor: CurrentUser, text: string, requestId?: string) {
  const { units } = ctx
  const root = units.root()
  if (!root || !directivePolicy.create(actor, units.tree, root.id)) throw new Forbidden()
  const parsed = parseDirective(text)
  if (!parsed.kind && !parsed.clauses.length)
    throw new Invalid('text', 'unrecognisedDocument', {}, 'unrecognised_document', 'no kind or clauses found')
  const kind: DirectiveKind = parsed.kind ?? 'CT'
  const symbol = parsed.number?.match(/[-/]([^-/]+)$/)?.[1] ?? (parsed.layout === 'party' ? 'TU' : 'UBND')
  const named = unitsNamedIn(units, root.id, parsed.issuedAt ?? undefined)
  const existing = parsed.number
    ? (await ctx.dbh.db.select().from(d).where(eq(d.number, parsed.number)))
        .filter((x) => directivePolicy.read(actor, units.tree, x))
        .map((x) => ({ id: x.id, number: x.number, title: x.title, status: x.status, issuedAt: x.issuedAt }))
    : []
  return withChange(ctx, async (tx) => {
    const [row] = await tx
      .insert(d)
      .values({
        kind,
        layout: parsed.layout,
        issuerUnitId: root.id,
        issuer: parsed.issuer ?? (parsed.layout === 'party' ? 'THÀNH ỦY HÀ NỘI' : 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'),
        issuedBy: parsed.issuedBy,
        issuerSymbol: symbol,
        sequence: parsed.sequence,
        number: parsed.number,
        issuedAt: parsed.issuedAt,
        place: parsed.place ?? 'Hà Nội',
        title: parsed.title ?? kindTitles[kind].vi,
        signer: parsed.signer,
        preamble: parsed.preamble,
        closing: parsed.closing,
        createdBy: actor.userId,
      })
      .returning()
    const id = row!.id
    if (parsed.clauses.length)
      await tx
        .insert(schema.directiveClauses)
        .values(parsed.clauses.map((c) => ({ directiveId: id, ordinal: c.ordinal, text: c.text })))
    const rows = parsed.recipients.flatMap(
      (r): { name: string; capacity: Recipient['capacity']; unitId: string | null; groupLabel: string | null }[] => {
        const ids = named(r.name)
        if (ids.length > 1)
          return ids.map((unitId) => ({
            name: units.get(unitId)?.name ?? r.name,
            capacity: r.capacity,
            unitId,
            groupLabel: r.name,
          }))
        return [{ name: r.name, capacity: r.capacity, unitId: ids[0] ?? null, groupLabel: null }]
      },
    )
    if (rows.length)
      await tx.insert(schema.directiveRecipients).values(rows.map((r, i) => ({ directiveId: id, ...r, ordinal: i })))
    const dto = presentDirective(row!, await recipientsOf(tx, id))
    await recordChange(tx, {
      actorUserId: actor.userId,
      action: 'directive.import',
      entityType: 'directive',
      entityId: dto.id,
      after: dto,
      requestId,
      event: { type: 'directive.created', payload: { directive: dto } },
    })
    return { directive: { ...dto, citations: parsed.citations }, clauses: parsed.clauses, existing }
  })
}
