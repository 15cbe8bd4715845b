/**
 * Issuing a directive fixes its particulars: the next number in the committee's term (Party) or in
 * the year (state) unless the document already carries one, the date, place and signer; the
 * editors' text is frozen as a version. Called by the transition command for `issue`.
 */
import type { CurrentUser } from '@hub/auth'
import { type DirectiveRow, schema, type Tx } from '@hub/db'
import { formatDirectiveNumber, Invalid, type Signer, vnDay } from '@hub/domain'
import { and, desc, eq, gte, isNull, lte, max, or, sql } from 'drizzle-orm'
import type { DocumentText } from '../services/document-text'
import { freezeVersion } from './directive-record'

const d = schema.directives

export interface IssueInput {
  issuedAt?: string
  place?: string
  signer?: Signer
}

/** The next number for this kind and issuing body: in the committee's term (Party), in the year (state). */
async function nextSequence(tx: Tx, row: DirectiveRow, issuedAt: string): Promise<number> {
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

/** The issuing unit's committee in office on that day (its term numbers Party documents). */
async function committeeFor(tx: Tx, unitId: string | null, day: string): Promise<string | null> {
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

/** The columns issuing sets, and the version it froze (`text`: the editors' text, frozen by the caller before the transaction). */
export async function issueParticulars(
  tx: Tx,
  row: DirectiveRow,
  actor: CurrentUser,
  input: IssueInput,
  text: DocumentText | null,
) {
  const issuedAt = input.issuedAt ?? vnDay()
  const signer = input.signer ?? row.signer
  if (!signer?.name || !signer.title) throw new Invalid('signer', 'signerRequired', {}, undefined, 'required')
  const committeeId = row.committeeId ?? (await committeeFor(tx, row.issuerUnitId, issuedAt))
  // A pasted document that already carries its number keeps it; a new one takes the next.
  const sequence = row.sequence ?? (await nextSequence(tx, { ...row, committeeId }, issuedAt))
  const set = {
    committeeId,
    sequence,
    number: row.number ?? formatDirectiveNumber(row.layout, sequence, row.kind, row.issuerSymbol),
    issuedAt,
    place: input.place ?? row.place,
    signer,
  }
  const label = `Bản ban hành ngày ${issuedAt.split('-').reverse().join('/')}`
  const frozen = await freezeVersion(tx, row, actor, label, undefined, text)
  return { set, frozen }
}
