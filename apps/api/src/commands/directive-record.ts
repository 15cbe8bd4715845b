/**
 * What the directive commands share: loading a directive, its recipients, the unit directory as the
 * recipient matcher sees it, and its text (the live draft, or the frozen version once issued),
 * including freezing a new version. Commands compose these; none of them writes an event itself.
 */
import type { CurrentUser } from '@hub/auth'
import { type Db, type DbOrTx, type DirectiveRow, schema, type Tx } from '@hub/db'
import { bodyPlainText, Invalid, NotFound, normaliseBody, type UnitRef, vnDay } from '@hub/domain'
import { asc, desc, eq, max } from 'drizzle-orm'
import {
  bodyOfText,
  type DirectiveBody,
  type DocumentSource,
  type DocumentText,
  documentText,
} from '../services/document-text'
import type { UnitDirectory } from '../services/unit-directory'

const d = schema.directives

/** A version as stored: the frozen ProseMirror JSON plus the body it reads as. */
export interface VersionContent {
  doc: unknown
  body: DirectiveBody
}

export async function loadDirective(tx: DbOrTx, id: string): Promise<DirectiveRow> {
  const [row] = await tx.select().from(d).where(eq(d.id, id)).limit(1)
  if (!row) throw new NotFound('directive')
  return row
}

/** The recipient rows in their printed order. */
export function recipientsOf(tx: DbOrTx, id: string) {
  return tx
    .select()
    .from(schema.directiveRecipients)
    .where(eq(schema.directiveRecipients.directiveId, id))
    .orderBy(asc(schema.directiveRecipients.ordinal))
}

/** The unit directory as the matcher sees it (dated), limited to the issuer's part of the tree. */
export function unitRefs(units: UnitDirectory, issuerUnitId: string | null): UnitRef[] {
  return units.refs(issuerUnitId)
}

/**
 * Units a recipient line names on the tree of the directive's day (default today), group phrases
 * ("Các quận ủy, huyện ủy, thị ủy") expanded; a unit no longer in force that day is left out.
 */
export function unitsNamedIn(
  units: UnitDirectory,
  issuerUnitId: string | null,
  day: string = vnDay(),
): (name: string) => string[] {
  const match = units.matcherOn(day, issuerUnitId)
  return (name) => [...new Set(match(name).flatMap((m) => (m.ceased ? [] : m.unitIds)))]
}

/** The body now: the live document's text (asked of the store beforehand) when it has one, else the stored clauses. */
export async function currentBody(
  tx: DbOrTx,
  row: DirectiveRow,
  text: DocumentText | null,
): Promise<{ body: DirectiveBody; doc: unknown }> {
  if (text?.plainText.trim()) return { body: bodyOfText(text.plainText), doc: text.json }
  const clauses = await tx
    .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
    .from(schema.directiveClauses)
    .where(eq(schema.directiveClauses.directiveId, row.id))
    .orderBy(asc(schema.directiveClauses.ordinal))
  return { body: { preamble: row.preamble, clauses, closing: row.closing }, doc: null }
}

/** The text that counts: the latest frozen version once issued (a draft has none), the live draft before. */
export async function bodyOfRecord(db: Db, row: DirectiveRow, docs: DocumentSource): Promise<DirectiveBody> {
  const [v] = await db
    .select()
    .from(schema.directiveVersions)
    .where(eq(schema.directiveVersions.directiveId, row.id))
    .orderBy(desc(schema.directiveVersions.versionNo))
    .limit(1)
  if (v) return (v.content as VersionContent).body
  return (await currentBody(db, row, await documentText(docs, `directive:${row.id}`))).body
}

/** Freezes the given text, or the editors' current text, as the next version; its clauses become those of record. */
export async function freezeVersion(
  tx: Tx,
  row: DirectiveRow,
  actor: CurrentUser,
  label: string,
  given?: DirectiveBody,
  text: DocumentText | null = null,
): Promise<{ versionNo: number }> {
  const current = given ? { body: given, doc: null } : await currentBody(tx, row, text)
  // Clauses are stored without their own number, so the frozen text writes "1. " once.
  const body = normaliseBody(current.body)
  if (!body.clauses.length) throw new Invalid('clauses', 'noClauses', {}, undefined, 'empty')
  const [last] = await tx
    .select({ n: max(schema.directiveVersions.versionNo) })
    .from(schema.directiveVersions)
    .where(eq(schema.directiveVersions.directiveId, row.id))
  const versionNo = (last?.n ?? 0) + 1
  const content: VersionContent = { doc: current.doc, body }
  await tx.insert(schema.directiveVersions).values({
    directiveId: row.id,
    versionNo,
    label,
    content,
    plainText: bodyPlainText(body),
    createdBy: actor.userId,
  })
  await tx.delete(schema.directiveClauses).where(eq(schema.directiveClauses.directiveId, row.id))
  await tx
    .insert(schema.directiveClauses)
    .values(body.clauses.map((c) => ({ directiveId: row.id, ordinal: c.ordinal, text: c.text })))
  await tx.update(d).set({ preamble: body.preamble, closing: body.closing }).where(eq(d.id, row.id))
  return { versionNo }
}
