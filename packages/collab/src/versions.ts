// Named versions of collaborative documents: save (from the store's snapshot), list, view, diff, restore.
import { type Db, schema } from '@hub/db'
import { diffLines, type PmNode, proseMirrorJsonOf, TIPTAP_FIELD, type WordedDiffPart, withWords } from '@hub/documents'
import { and, desc, eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { parseDocName } from './doc-name'
import type { CollabDocument } from './document'
import { SERVER_ORIGIN } from './document'
import type { DocumentSnapshot, DocumentStore } from './document-store'
import type { DocumentRegistry } from './registry'

/** What the version functions need: the collab server returned by createCollabServer has all three. */
export interface VersionContext {
  db: Db
  registry: DocumentRegistry
  store: DocumentStore
}

/** A version as listed (without its content). */
export interface VersionSummary {
  id: string
  docName: string
  label: string
  createdBy: string | null
  createdAt: Date
}

/** A version with its content: plain text and ProseMirror JSON of the Tiptap field. */
export interface VersionDetail extends VersionSummary {
  plainText: string
  content: PmNode
}

/** Thrown for a document name that is not one of ours, or a version of another document. */
export class VersionError extends Error {
  constructor(
    readonly code: 'bad_document_name' | 'not_found',
    message: string,
  ) {
    super(message)
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const v = schema.yDocVersions
const summaryColumns = { id: v.id, docName: v.docName, label: v.label, createdBy: v.createdBy, createdAt: v.createdAt }

function checkName(docName: string): void {
  if (!parseDocName(docName)) throw new VersionError('bad_document_name', `not a document name: ${docName}`)
}

/** Runs `fn` on the live document, holding it (loading it if nobody has it open) for the duration. */
async function withDocument<T>(ctx: VersionContext, docName: string, fn: (d: CollabDocument) => T): Promise<T> {
  const lease = await ctx.registry.acquire(docName)
  try {
    return fn(lease.document)
  } finally {
    lease.release()
  }
}

/** Saves the live document's current state as a named version ("bản trình Thường trực ngày ..."). */
export async function saveVersion(
  ctx: VersionContext,
  docName: string,
  label: string,
  userId: string | null,
): Promise<VersionSummary> {
  checkName(docName)
  // Held open while saved: the store's snapshot of it is what the editors see, written first.
  const lease = await ctx.registry.acquire(docName)
  let snap: DocumentSnapshot
  try {
    snap = await ctx.store.snapshot(docName)
  } finally {
    lease.release()
  }
  const state = snap.state ?? Y.encodeStateAsUpdate(new Y.Doc())
  const plainText = snap.plainText
  const [row] = await ctx.db
    .insert(v)
    .values({ docName, label, state, plainText, createdBy: userId })
    .returning(summaryColumns)
  return row!
}

/** The versions of a document, newest first. */
export async function listVersions(ctx: Pick<VersionContext, 'db'>, docName: string): Promise<VersionSummary[]> {
  checkName(docName)
  return ctx.db.select(summaryColumns).from(v).where(eq(v.docName, docName)).orderBy(desc(v.createdAt))
}

async function loadVersion(db: Db, id: string) {
  if (!UUID.test(id)) return null
  const [row] = await db
    .select({ ...summaryColumns, state: v.state, plainText: v.plainText })
    .from(v)
    .where(eq(v.id, id))
    .limit(1)
  return row ?? null
}

function contentOf(state: Uint8Array): PmNode {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return proseMirrorJsonOf(doc.getXmlFragment(TIPTAP_FIELD))
  } finally {
    doc.destroy()
  }
}

/** One version with its content, or null. */
export async function getVersion(ctx: Pick<VersionContext, 'db'>, id: string): Promise<VersionDetail | null> {
  const row = await loadVersion(ctx.db, id)
  if (!row) return null
  const { state, ...rest } = row
  return { ...rest, content: contentOf(state) }
}

/** Line diff of two versions' plain texts, from `fromId` (older) to `toId` (newer); null if either is missing. */
export async function diffVersions(
  ctx: Pick<VersionContext, 'db'>,
  fromId: string,
  toId: string,
): Promise<{ from: VersionSummary; to: VersionSummary; parts: WordedDiffPart[] } | null> {
  const [a, b] = await Promise.all([loadVersion(ctx.db, fromId), loadVersion(ctx.db, toId)])
  if (!a || !b) return null
  const summary = ({ state: _s, plainText: _p, ...rest }: typeof a): VersionSummary => rest
  return { from: summary(a), to: summary(b), parts: withWords(diffLines(a.plainText, b.plainText)) }
}

/**
 * Restores a version as a new edit: the live Tiptap field's content is replaced by the version's in
 * one transaction, which connected clients receive like any edit and which is stored like any edit.
 * Nothing is rewound: everyone's earlier work stays in the history, and with `backupLabel` the state
 * just before the restore is first saved as a version of its own.
 */
export async function restoreVersion(
  ctx: VersionContext,
  docName: string,
  versionId: string,
  userId: string | null,
  opts: { backupLabel?: string } = {},
): Promise<{ restored: VersionSummary; backup: VersionSummary | null }> {
  checkName(docName)
  const row = await loadVersion(ctx.db, versionId)
  if (!row || row.docName !== docName) throw new VersionError('not_found', 'no such version of this document')
  const backup = opts.backupLabel ? await saveVersion(ctx, docName, opts.backupLabel, userId) : null
  const old = new Y.Doc()
  try {
    Y.applyUpdate(old, row.state)
    const source = old.getXmlFragment(TIPTAP_FIELD)
    await withDocument(ctx, docName, (d) => {
      const target = d.doc.getXmlFragment(TIPTAP_FIELD)
      d.doc.transact(() => {
        if (target.length > 0) target.delete(0, target.length)
        const copies = (source.toArray() as (Y.XmlElement | Y.XmlText)[]).map((n) => n.clone())
        if (copies.length > 0) target.insert(0, copies)
      }, SERVER_ORIGIN)
    })
  } finally {
    old.destroy()
  }
  const { state: _s, plainText: _p, ...restored } = row
  return { restored, backup }
}

/** Whether a version belongs to a document (for routes that take both ids). */
export async function versionBelongsTo(ctx: Pick<VersionContext, 'db'>, versionId: string, docName: string) {
  if (!UUID.test(versionId)) return false
  const [row] = await ctx.db
    .select({ id: v.id })
    .from(v)
    .where(and(eq(v.id, versionId), eq(v.docName, docName)))
    .limit(1)
  return !!row
}
