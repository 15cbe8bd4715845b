// A directive as a record: its presentation, reading a list or one (with each receiving unit's first
// reading), creating and editing drafts, and its "Nơi nhận" lines. The lifecycle commands and the
// assignment table build on it.

import type { CurrentUser } from '@hub/auth'
import { type DirectiveRow, type DirectiveRecipientRow as RecipientRow, schema } from '@hub/db'
import {
  Conflict,
  type DirectiveKind,
  type DocumentLayout,
  directivePolicy,
  Forbidden,
  Invalid,
  isDraftStatus,
  NotFound,
  type Signer,
  staleVersion,
} from '@hub/domain'
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { audit, recordChange } from './audit'
import { Service } from './change'

const d = schema.directives

export function presentDirective(row: DirectiveRow, recipients: RecipientRow[] = []) {
  return {
    id: row.id,
    kind: row.kind,
    layout: row.layout,
    number: row.number,
    sequence: row.sequence,
    issuedAt: row.issuedAt,
    place: row.place,
    title: row.title,
    status: row.status,
    issuer: row.issuer,
    issuerUnitId: row.issuerUnitId,
    issuerSymbol: row.issuerSymbol,
    issuedBy: row.issuedBy,
    signer: row.signer ?? { name: '', title: '', onBehalfOf: '' },
    preamble: row.preamble,
    closing: row.closing,
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      unitId: r.unitId,
      groupLabel: r.groupLabel,
      receivedAt: r.receivedAt?.toISOString() ?? null,
      firstReadAt: r.firstReadAt?.toISOString() ?? null,
    })),
    docName: `directive:${row.id}`,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}
export type DirectiveDto = ReturnType<typeof presentDirective>

export interface DirectiveCreate {
  kind: DirectiveKind
  title: string
  layout?: DocumentLayout
  issuerUnitId?: string
  issuer?: string
  issuerSymbol?: string
  issuedBy?: string | null
  place?: string
  signer?: Signer
  preamble?: string
  closing?: string
}
export type DirectivePatch = Partial<Omit<DirectiveCreate, 'kind' | 'issuerUnitId'>> & {
  version: number
  kind?: DirectiveKind
}

/** Defaults by layout: the Party committee's or the people's committee's header and symbol. */
const layoutDefaults: Record<DocumentLayout, { issuer: string; issuerSymbol: string; issuedBy: string | null }> = {
  party: { issuer: 'THÀNH ỦY HÀ NỘI', issuerSymbol: 'TU', issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY' },
  state: { issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', issuerSymbol: 'UBND', issuedBy: null },
}

export class DirectiveService extends Service {
  private async load(id: string) {
    const [row] = await this.db.select().from(d).where(eq(d.id, id)).limit(1)
    if (!row) throw new NotFound('directive')
    return row
  }

  async get(actor: CurrentUser, id: string) {
    const row = await this.load(id)
    if (!directivePolicy.read(actor, this.units.tree, row)) throw new Forbidden()
    const recipients = await this.db
      .select()
      .from(schema.directiveRecipients)
      .where(eq(schema.directiveRecipients.directiveId, id))
      .orderBy(asc(schema.directiveRecipients.ordinal))
    const clauses = await this.db
      .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
      .from(schema.directiveClauses)
      .where(eq(schema.directiveClauses.directiveId, id))
      .orderBy(asc(schema.directiveClauses.ordinal))
    return { directive: presentDirective(row, recipients), clauses }
  }

  /** Records the first reading by each of the reader's units that received the directive. */
  async markRead(actor: CurrentUser, id: string) {
    const r = schema.directiveRecipients
    const myUnits = [...new Set(actor.grants.map((g) => g.unitId))]
    if (!myUnits.length) return
    await this.db
      .update(r)
      .set({ firstReadAt: new Date(), firstReadBy: actor.userId })
      .where(and(eq(r.directiveId, id), inArray(r.unitId, myUnits), isNull(r.firstReadAt), isNotNull(r.receivedAt)))
  }

  async list(actor: CurrentUser, q: { status?: string; kind?: string; limit: number; offset: number }) {
    const rows = await this.db
      .select()
      .from(d)
      .where(
        and(
          q.status ? eq(d.status, q.status as DirectiveRow['status']) : undefined,
          q.kind ? eq(d.kind, q.kind as DirectiveKind) : undefined,
        ),
      )
      .orderBy(sql`${d.issuedAt} desc nulls first`, desc(d.createdAt))
    const visible = rows.filter((r) => directivePolicy.read(actor, this.units.tree, r))
    const page = visible.slice(q.offset, q.offset + q.limit)
    const recipients = page.length
      ? await this.db
          .select()
          .from(schema.directiveRecipients)
          .where(
            inArray(
              schema.directiveRecipients.directiveId,
              page.map((p) => p.id),
            ),
          )
      : []
    return {
      directives: page.map((r) =>
        presentDirective(
          r,
          recipients.filter((x) => x.directiveId === r.id),
        ),
      ),
      total: visible.length,
      limit: q.limit,
      offset: q.offset,
    }
  }

  async create(actor: CurrentUser, input: DirectiveCreate, requestId?: string) {
    const issuerUnitId = input.issuerUnitId ?? this.units.root()?.id
    if (!issuerUnitId || !this.units.get(issuerUnitId))
      throw new Invalid('issuerUnitId', 'unknownIssuer', {}, undefined, 'unknown unit')
    if (!directivePolicy.create(actor, this.units.tree, issuerUnitId)) throw new Forbidden()
    const layout = input.layout ?? 'party'
    const defaults = layoutDefaults[layout]
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(d)
        .values({
          kind: input.kind,
          layout,
          issuerUnitId,
          issuer: input.issuer ?? defaults.issuer,
          issuerSymbol: input.issuerSymbol ?? defaults.issuerSymbol,
          issuedBy: input.issuedBy === undefined ? defaults.issuedBy : input.issuedBy,
          place: input.place ?? 'Hà Nội',
          title: input.title,
          signer: input.signer ?? null,
          preamble: input.preamble ?? '',
          closing: input.closing ?? '',
          createdBy: actor.userId,
        })
        .returning()
      const dto = presentDirective(row!)
      await audit(tx, { actor, requestId }, 'directive.create', ['directive', dto.id], {
        after: dto,
        event: { type: 'directive.created', payload: { directive: dto } },
      })
      return dto
    })
  }

  async patch(actor: CurrentUser, id: string, patch: DirectivePatch, requestId?: string) {
    return await this.change(async (tx) => {
      const [row] = await tx.select().from(d).where(eq(d.id, id)).limit(1)
      if (!row) throw new NotFound('directive')
      if (!directivePolicy.edit(actor, this.units.tree, row)) throw new Forbidden()
      const before = presentDirective(row)
      if (row.version !== patch.version) throw staleVersion(before)
      if (!isDraftStatus(row.status)) throw new Conflict('directive_frozen', 'issuedTextFrozen')
      const { version, ...fields } = patch
      const [updated] = await tx
        .update(d)
        .set({ ...fields, updatedAt: new Date(), version: sql`${d.version} + 1` })
        .where(and(eq(d.id, id), eq(d.version, version)))
        .returning()
      if (!updated) throw staleVersion(before)
      const dto = presentDirective(updated)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'directive.update',
        entityType: 'directive',
        entityId: id,
        before,
        after: dto,
        requestId,
        event: { type: 'directive.updated', payload: { directive: dto } },
      })
      return dto
    })
  }
}

/**
 * Recipients as printed under "Nơi nhận": units listed as one group are one line (the group's
 * label), everyone else a line each, in their order.
 */
export function printedRecipients(
  rows: readonly { name: string; capacity: RecipientRow['capacity']; groupLabel: string | null }[],
) {
  const out: { name: string; capacity: RecipientRow['capacity'] }[] = []
  let lastGroup: string | null = null
  for (const r of rows) {
    if (r.groupLabel && r.groupLabel === lastGroup) continue
    lastGroup = r.groupLabel
    out.push({ name: r.groupLabel ?? r.name, capacity: r.capacity })
  }
  return out
}
