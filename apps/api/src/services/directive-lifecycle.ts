import type { CurrentUser } from '@hub/auth'
import { type Db, schema, type Tx } from '@hub/db'
import { diffLines, withWords } from '@hub/documents'
import {
  createUnitMatcher,
  type DirectiveKind,
  type DirectiveStatus,
  directivePolicy,
  formatDirectiveNumber,
  kindTitles,
  parseDirective,
  proposeTaskDrafts,
  type Recipient,
  type Signer,
  type TaskDraft,
  taskPolicy,
  type UnitRef,
  vnDay,
} from '@hub/domain'
import { bodyPlainText, normaliseBody } from '@hub/domain/directive-body'
import { and, asc, desc, eq, gte, isNull, lte, max, or, sql } from 'drizzle-orm'
import { ApiError, conflict, forbidden, notFound } from '../errors'
import { recordChange } from './audit'
import { presentDirective } from './directives'
import { bodyOfText, type DirectiveBody, readDocumentText } from './document-text'
import { insertTask, type TaskDto } from './tasks'
import { headsOf, type UnitDirectory } from './unit-directory'
import { userNames } from './user-names'

const d = schema.directives
type DirectiveRow = typeof d.$inferSelect

export type Transition = 'submit' | 'return' | 'issue' | 'put_in_force' | 'close' | 'replace'

/** Which status each move starts from and leads to. */
const moves: Record<Transition, { from: DirectiveStatus[]; to: DirectiveStatus }> = {
  submit: { from: ['draft'], to: 'in_review' },
  return: { from: ['in_review'], to: 'draft' },
  issue: { from: ['in_review'], to: 'issued' },
  put_in_force: { from: ['issued'], to: 'in_force' },
  close: { from: ['issued', 'in_force'], to: 'closed' },
  replace: { from: ['issued', 'in_force'], to: 'replaced' },
}

export interface TransitionInput {
  action: Transition
  version: number
  issuedAt?: string
  place?: string
  signer?: Signer
  replacedById?: string
}

/** A version as stored: the frozen ProseMirror JSON plus the body it reads as. */
interface VersionContent {
  doc: unknown
  body: DirectiveBody
}

export interface DraftToConfirm {
  clauseOrdinal: number
  title: string
  description?: string
  leadUnitIds: string[]
  supportUnitIds: string[]
  dueAt: string | null
  recurrence: { freq: 'daily' | 'weekly' | 'monthly' | 'ongoing'; reportCycle: 'daily' | 'weekly' | 'monthly' } | null
  /** Give the task to every recipient "để thực hiện" (each gets its own copy). */
  toExecuteRecipients?: boolean
}

/**
 * A directive's life: draft → in review → issued (numbered, text frozen as a version) → in force →
 * closed or replaced; import from pasted text; clauses to task drafts and tasks; distribution.
 */
export class DirectiveLifecycle {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
  ) {}

  private async load(tx: Db | Tx, id: string) {
    const [row] = await tx.select().from(d).where(eq(d.id, id)).limit(1)
    if (!row) throw notFound('Văn bản / Directive')
    return row
  }

  /** The unit directory as the matcher sees it, limited to the issuer's part of the tree. */
  unitRefs(issuerUnitId: string | null): UnitRef[] {
    const within = new Set(issuerUnitId ? this.units.tree.subtree(issuerUnitId) : this.units.all().map((u) => u.id))
    return this.units
      .all()
      .filter((u) => within.has(u.id) && !u.validTo)
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        code: u.code,
        parentId: u.parentId,
        aliases: u.aliases,
      }))
  }

  /** The body now: the live document's text when it has one, else the stored clauses. */
  async currentBody(tx: Db | Tx, row: DirectiveRow): Promise<{ body: DirectiveBody; doc: unknown }> {
    const text = await readDocumentText(tx, `directive:${row.id}`)
    if (text?.plainText.trim()) return { body: bodyOfText(text.plainText), doc: text.json }
    const clauses = await tx
      .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
      .from(schema.directiveClauses)
      .where(eq(schema.directiveClauses.directiveId, row.id))
      .orderBy(asc(schema.directiveClauses.ordinal))
    return { body: { preamble: row.preamble, clauses, closing: row.closing }, doc: null }
  }

  /** The text that counts: the latest frozen version once issued, the live draft before. */
  async bodyForExport(row: DirectiveRow): Promise<DirectiveBody> {
    const [v] = await this.db
      .select()
      .from(schema.directiveVersions)
      .where(eq(schema.directiveVersions.directiveId, row.id))
      .orderBy(desc(schema.directiveVersions.versionNo))
      .limit(1)
    if (v) return (v.content as VersionContent).body
    return (await this.currentBody(this.db, row)).body
  }

  /** The next number for this kind and issuing body: in the committee's term (Party), in the year (state). */
  private async nextSequence(tx: Tx, row: DirectiveRow, issuedAt: string): Promise<number> {
    // One issuer numbering at a time, across processes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`directive-number:${row.issuerSymbol}:${row.kind}`}))`)
    const scope =
      row.layout === 'party' && row.committeeId
        ? eq(d.committeeId, row.committeeId)
        : and(gte(d.issuedAt, `${issuedAt.slice(0, 4)}-01-01`), lte(d.issuedAt, `${issuedAt.slice(0, 4)}-12-31`))
    const [r] = await tx
      .select({ n: max(d.sequence) })
      .from(d)
      .where(and(eq(d.issuerSymbol, row.issuerSymbol), eq(d.kind, row.kind), scope))
    return (r?.n ?? 0) + 1
  }

  private async committeeFor(tx: Tx, unitId: string | null, day: string): Promise<string | null> {
    if (!unitId) return null
    const c = schema.committees
    const [row] = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.unitId, unitId), lte(c.termStart, day), or(isNull(c.termEnd), gte(c.termEnd, day))))
      .orderBy(desc(c.termStart))
      .limit(1)
    return row?.id ?? null
  }

  async transition(actor: CurrentUser, id: string, input: TransitionInput, requestId?: string) {
    return await this.db.transaction(async (tx) => {
      const row = await this.load(tx, id)
      if (!directivePolicy.read(actor, this.units.tree, row)) throw forbidden()
      const allowed =
        input.action === 'submit'
          ? directivePolicy.edit(actor, this.units.tree, row)
          : directivePolicy.issue(actor, this.units.tree, row)
      if (!allowed) throw forbidden()
      if (row.version !== input.version) throw conflict(presentDirective(row))
      const move = moves[input.action]
      if (!move.from.includes(row.status)) {
        throw new ApiError(
          409,
          'invalid_transition',
          `Không thể "${input.action}" văn bản ở trạng thái "${row.status}" / Not allowed from this status`,
        )
      }
      const set: Partial<typeof d.$inferInsert> = { status: move.to }
      let frozen: { versionNo: number } | null = null
      if (input.action === 'issue') {
        const issuedAt = input.issuedAt ?? vnDay()
        const signer = input.signer ?? row.signer
        if (!signer?.name || !signer.title)
          throw new ApiError(400, 'validation_failed', 'Thiếu người ký / Signer required', {
            fields: [{ path: 'signer', message: 'required' }],
          })
        const committeeId = row.committeeId ?? (await this.committeeFor(tx, row.issuerUnitId, issuedAt))
        const withCommittee = { ...row, committeeId }
        // A pasted document that already carries its number keeps it; a new one takes the next.
        const sequence = row.sequence ?? (await this.nextSequence(tx, withCommittee, issuedAt))
        Object.assign(set, {
          committeeId,
          sequence,
          number: row.number ?? formatDirectiveNumber(row.layout, sequence, row.kind, row.issuerSymbol),
          issuedAt,
          place: input.place ?? row.place,
          signer,
        })
        frozen = await this.freeze(tx, row, actor, `Bản ban hành ngày ${issuedAt.split('-').reverse().join('/')}`)
      }
      if (input.action === 'replace') {
        if (!input.replacedById)
          throw new ApiError(400, 'validation_failed', 'Thiếu văn bản thay thế / replacedById required', {
            fields: [{ path: 'replacedById', message: 'required' }],
          })
        const replacement = await this.load(tx, input.replacedById)
        if (!directivePolicy.read(actor, this.units.tree, replacement)) throw forbidden()
        set.replacedById = input.replacedById
      }
      const [updated] = await tx
        .update(d)
        .set({ ...set, updatedAt: new Date(), version: sql`${d.version} + 1` })
        .where(and(eq(d.id, id), eq(d.version, input.version)))
        .returning()
      if (!updated) throw conflict(presentDirective(row))
      if (input.action === 'issue') await this.distribute(tx, updated)
      const recipients = await tx
        .select()
        .from(schema.directiveRecipients)
        .where(eq(schema.directiveRecipients.directiveId, id))
        .orderBy(asc(schema.directiveRecipients.ordinal))
      const dto = presentDirective(updated, recipients)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: `directive.${input.action}`,
        entityType: 'directive',
        entityId: id,
        before: { status: row.status, number: row.number },
        after: { status: dto.status, number: dto.number, issuedAt: dto.issuedAt, version: frozen?.versionNo },
        requestId,
        event: { type: 'directive.updated', payload: { directive: dto, statusChanged: true } },
      })
      return dto
    })
  }

  /** Freezes the given text, or the editors' current text, as the next version. */
  private async freeze(tx: Tx, row: DirectiveRow, actor: CurrentUser, label: string, given?: DirectiveBody) {
    const current = given ? { body: given, doc: null } : await this.currentBody(tx, row)
    // Clauses are stored without their own number, so the frozen text writes "1. " once.
    const body = normaliseBody(current.body)
    const doc = current.doc
    if (!body.clauses.length)
      throw new ApiError(
        400,
        'validation_failed',
        'Văn bản chưa có điều khoản nào / The text has no numbered clauses',
        { fields: [{ path: 'clauses', message: 'empty' }] },
      )
    const [last] = await tx
      .select({ n: max(schema.directiveVersions.versionNo) })
      .from(schema.directiveVersions)
      .where(eq(schema.directiveVersions.directiveId, row.id))
    const versionNo = (last?.n ?? 0) + 1
    const plainText = bodyPlainText(body)
    const content: VersionContent = { doc, body }
    await tx
      .insert(schema.directiveVersions)
      .values({ directiveId: row.id, versionNo, label, content, plainText, createdBy: actor.userId })
    // The clauses of record are those of the frozen text.
    await tx.delete(schema.directiveClauses).where(eq(schema.directiveClauses.directiveId, row.id))
    await tx
      .insert(schema.directiveClauses)
      .values(body.clauses.map((c) => ({ directiveId: row.id, ordinal: c.ordinal, text: c.text })))
    await tx.update(d).set({ preamble: body.preamble, closing: body.closing }).where(eq(d.id, row.id))
    return { versionNo }
  }

  /** A later change to an issued directive: a new version, never an overwrite. */
  async amend(actor: CurrentUser, id: string, input: { label: string; body?: DirectiveBody }, requestId?: string) {
    return await this.db.transaction(async (tx) => {
      const row = await this.load(tx, id)
      if (!directivePolicy.issue(actor, this.units.tree, row)) throw forbidden()
      if (row.status === 'draft' || row.status === 'in_review')
        throw new ApiError(409, 'not_issued', 'Dự thảo chưa ban hành; hãy sửa trực tiếp / Edit the draft directly')
      await this.freeze(tx, row, actor, input.label, input.body)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'directive.amend',
        entityType: 'directive',
        entityId: id,
        after: { label: input.label },
        requestId,
        event: { type: 'directive.updated', payload: { directive: presentDirective(row) } },
      })
      return this.listVersions(tx, id)
    })
  }

  async listVersions(tx: Db | Tx, id: string) {
    const rows = await tx
      .select({
        versionNo: schema.directiveVersions.versionNo,
        label: schema.directiveVersions.label,
        createdAt: schema.directiveVersions.createdAt,
        createdBy: schema.directiveVersions.createdBy,
      })
      .from(schema.directiveVersions)
      .where(eq(schema.directiveVersions.directiveId, id))
      .orderBy(asc(schema.directiveVersions.versionNo))
    const names = await userNames(
      tx,
      rows.map((r) => r.createdBy),
    )
    return {
      versions: rows.map((r) => ({
        ...r,
        createdByName: names.get(r.createdBy ?? '') ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
    }
  }

  async versions(actor: CurrentUser, id: string) {
    const row = await this.load(this.db, id)
    if (!directivePolicy.read(actor, this.units.tree, row)) throw forbidden()
    return this.listVersions(this.db, id)
  }

  async version(actor: CurrentUser, id: string, versionNo: number) {
    const row = await this.load(this.db, id)
    if (!directivePolicy.read(actor, this.units.tree, row)) throw forbidden()
    const [v] = await this.db
      .select()
      .from(schema.directiveVersions)
      .where(and(eq(schema.directiveVersions.directiveId, id), eq(schema.directiveVersions.versionNo, versionNo)))
      .limit(1)
    if (!v) throw notFound('Phiên bản / Version')
    return {
      version: {
        versionNo: v.versionNo,
        label: v.label,
        plainText: v.plainText,
        body: (v.content as VersionContent).body,
        doc: (v.content as VersionContent).doc,
        createdAt: v.createdAt.toISOString(),
      },
    }
  }

  async diff(actor: CurrentUser, id: string, from: number, to: number) {
    const [a, b] = [await this.version(actor, id, from), await this.version(actor, id, to)]
    return { from, to, parts: withWords(diffLines(a.version.plainText, b.version.plainText)) }
  }

  /** Creates a draft from pasted text; recognised recipients are matched to units. */
  async import(actor: CurrentUser, text: string, requestId?: string) {
    const root = this.units.root()
    if (!root || !directivePolicy.create(actor, this.units.tree, root.id)) throw forbidden()
    const parsed = parseDirective(text)
    if (!parsed.kind && !parsed.clauses.length)
      throw new ApiError(
        400,
        'unrecognised_document',
        'Không nhận dạng được văn bản (không thấy loại văn bản hay điều khoản) / Not a recognisable directive',
        { fields: [{ path: 'text', message: 'no kind or clauses found' }] },
      )
    const kind: DirectiveKind = parsed.kind ?? 'CT'
    const symbol = parsed.number?.match(/[-/]([^-/]+)$/)?.[1] ?? (parsed.layout === 'party' ? 'TU' : 'UBND')
    const named = this.unitsNamedIn(root.id)
    // A document already in the hub under this number: the import still makes a draft (another
    // issuer may use the same number), but says so and links the one there, if the user may read it.
    const existing = parsed.number
      ? (await this.db.select().from(d).where(eq(d.number, parsed.number)))
          .filter((x) => directivePolicy.read(actor, this.units.tree, x))
          .map((x) => ({ id: x.id, number: x.number, title: x.title, status: x.status, issuedAt: x.issuedAt }))
      : []
    return await this.db.transaction(async (tx) => {
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
      if (parsed.clauses.length)
        await tx
          .insert(schema.directiveClauses)
          .values(parsed.clauses.map((c) => ({ directiveId: row!.id, ordinal: c.ordinal, text: c.text })))
      // A line naming a group ("Các quận ủy, huyện ủy, thị ủy") becomes one row per unit under that
      // label, so each unit's receipt and reading are recorded; it still prints as one line.
      const rows = parsed.recipients.flatMap(
        (r): { name: string; capacity: Recipient['capacity']; unitId: string | null; groupLabel: string | null }[] => {
          const ids = named(r.name)
          if (ids.length > 1)
            return ids.map((unitId) => ({
              name: this.units.get(unitId)?.name ?? r.name,
              capacity: r.capacity,
              unitId,
              groupLabel: r.name,
            }))
          return [{ name: r.name, capacity: r.capacity, unitId: ids[0] ?? null, groupLabel: null }]
        },
      )
      if (rows.length)
        await tx
          .insert(schema.directiveRecipients)
          .values(rows.map((r, i) => ({ directiveId: row!.id, ...r, ordinal: i })))
      const recipients = await tx
        .select()
        .from(schema.directiveRecipients)
        .where(eq(schema.directiveRecipients.directiveId, row!.id))
        .orderBy(asc(schema.directiveRecipients.ordinal))
      const dto = presentDirective(row!, recipients)
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

  /** Units a recipient line names, group phrases ("Các quận ủy, huyện ủy, thị ủy") expanded. */
  private unitsNamedIn(issuerUnitId: string | null): (name: string) => string[] {
    const match = createUnitMatcher(this.unitRefs(issuerUnitId))
    return (name) => [...new Set(match(name).flatMap((m) => m.unitIds))]
  }

  async taskDrafts(
    actor: CurrentUser,
    id: string,
  ): Promise<{ drafts: (TaskDraft & { toExecuteRecipients: boolean })[] }> {
    const row = await this.load(this.db, id)
    if (!directivePolicy.edit(actor, this.units.tree, row)) throw forbidden()
    const clauses = (await this.currentBodyForDrafts(row)).clauses
    const drafts = proposeTaskDrafts(clauses, this.unitRefs(row.issuerUnitId), { issuedAt: row.issuedAt })
    // A clause that names no unit is for the recipients "để thực hiện".
    return { drafts: drafts.map((x) => ({ ...x, toExecuteRecipients: x.leadUnitIds.length === 0 })) }
  }

  private async currentBodyForDrafts(row: DirectiveRow): Promise<DirectiveBody> {
    if (row.status !== 'draft' && row.status !== 'in_review') return this.bodyForExport(row)
    return (await this.currentBody(this.db, row)).body
  }

  /**
   * Turns reviewed drafts into tasks. One lead unit: one task. Several (or the execute recipients):
   * one parent led by the issuer with a child per unit, so progress rolls up.
   */
  async confirmDrafts(actor: CurrentUser, id: string, drafts: DraftToConfirm[], requestId?: string) {
    const row = await this.load(this.db, id)
    if (!directivePolicy.edit(actor, this.units.tree, row)) throw forbidden()
    const issuer = row.issuerUnitId ?? this.units.root()!.id
    // A recipient line may stand for a group ("Các quận ủy, huyện ủy, thị ủy (để thực hiện)").
    const named = this.unitsNamedIn(row.issuerUnitId)
    const executeRecipients = [
      ...new Set(
        (
          await this.db
            .select()
            .from(schema.directiveRecipients)
            .where(
              and(eq(schema.directiveRecipients.directiveId, id), eq(schema.directiveRecipients.capacity, 'execute')),
            )
        ).flatMap((r) => (r.unitId ? [r.unitId] : named(r.name))),
      ),
    ]
    for (const [i, draft] of drafts.entries()) {
      for (const u of [...draft.leadUnitIds, ...draft.supportUnitIds])
        if (!this.units.get(u))
          throw new ApiError(400, 'validation_failed', `Đơn vị không tồn tại / Unknown unit in drafts.${i}`, {
            fields: [{ path: `drafts.${i}`, message: 'unknown unit' }],
          })
      const leads = draft.toExecuteRecipients ? executeRecipients : draft.leadUnitIds
      if (!leads.length)
        throw new ApiError(400, 'validation_failed', `Nhiệm vụ chưa có đơn vị chủ trì / drafts.${i} has no lead unit`, {
          fields: [{ path: `drafts.${i}.leadUnitIds`, message: 'empty' }],
        })
      for (const u of leads) if (!taskPolicy.create(actor, this.units.tree, u)) throw forbidden()
    }
    const created = await this.db.transaction(async (tx) => {
      const heads = await headsOf(tx, [
        ...new Set(drafts.flatMap((x) => (x.toExecuteRecipients ? executeRecipients : x.leadUnitIds))),
      ])
      const out: TaskDto[] = []
      for (const draft of drafts) {
        const leads = draft.toExecuteRecipients ? executeRecipients : [...new Set(draft.leadUnitIds)]
        const base = {
          title: draft.title,
          description: draft.description ?? '',
          directiveId: id,
          clauseOrdinal: draft.clauseOrdinal,
          dueAt: draft.dueAt,
          recurrence: draft.recurrence,
          createdBy: actor.userId,
        }
        const insert = async (values: typeof schema.tasks.$inferInsert, supports: string[]) => {
          const dto = await insertTask(tx, values, supports, actor.userId, 'task.create', requestId)
          out.push(dto)
          return dto
        }
        if (leads.length === 1) {
          await insert(
            { ...base, leadUnitId: leads[0]!, accountableUserId: heads.get(leads[0]!)?.[0] ?? null },
            draft.supportUnitIds,
          )
        } else {
          const parent = await insert({ ...base, leadUnitId: issuer, accountableUserId: null }, [])
          for (const u of leads)
            await insert(
              { ...base, leadUnitId: u, parentTaskId: parent.id, accountableUserId: heads.get(u)?.[0] ?? null },
              draft.supportUnitIds,
            )
        }
      }
      if (row.status === 'issued')
        await tx
          .update(d)
          .set({ status: 'in_force', updatedAt: new Date(), version: sql`${d.version} + 1` })
          .where(eq(d.id, id))
      return out
    })
    return { tasks: created }
  }

  /** Replaces the recipient list (draft or in review). */
  async setRecipients(actor: CurrentUser, id: string, recipients: Recipient[], requestId?: string) {
    return await this.db.transaction(async (tx) => {
      const row = await this.load(tx, id)
      if (!directivePolicy.edit(actor, this.units.tree, row)) throw forbidden()
      if (row.status !== 'draft' && row.status !== 'in_review')
        throw new ApiError(409, 'directive_frozen', 'Văn bản đã ban hành / Already issued')
      for (const [i, r] of recipients.entries())
        if (r.unitId && !this.units.get(r.unitId))
          throw new ApiError(400, 'validation_failed', `Đơn vị không tồn tại / recipients.${i}.unitId`, {
            fields: [{ path: `recipients.${i}.unitId`, message: 'unknown unit' }],
          })
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
      const rows = await tx
        .select()
        .from(schema.directiveRecipients)
        .where(eq(schema.directiveRecipients.directiveId, id))
        .orderBy(asc(schema.directiveRecipients.ordinal))
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'directive.recipients',
        entityType: 'directive',
        entityId: id,
        after: recipients,
        requestId,
      })
      return presentDirective(row, rows)
    })
  }

  /** On issue: every recipient unit receives it now; their heads are told. */
  private async distribute(tx: Tx, row: DirectiveRow) {
    const now = new Date()
    const received = await tx
      .update(schema.directiveRecipients)
      .set({ receivedAt: now })
      .where(
        and(
          eq(schema.directiveRecipients.directiveId, row.id),
          isNull(schema.directiveRecipients.receivedAt),
          sql`${schema.directiveRecipients.unitId} is not null`,
        ),
      )
      .returning()
    const heads = await headsOf(
      tx,
      received.map((r) => r.unitId!),
    )
    const userIds = [...new Set([...heads.values()].flat())]
    if (userIds.length) {
      await tx.insert(schema.domainEvents).values({
        type: 'directive.distributed',
        payload: { directiveId: row.id, number: row.number, title: row.title, userIds },
      })
    }
  }
}
