// A directive's text between the editor and the record: the live document's text (asked of the collab
// store), the body it reads as, and the initial content of new collaborative documents.

import { createMetrics, DocumentStore, silentLogger } from '@hub/collab'
import { type Db, type DbHandle, type DbOrTx, schema } from '@hub/db'
import { TIPTAP_FIELD } from '@hub/documents'
import type { Clause } from '@hub/domain'
import { type DirectiveKind, kindTitles, parseDirectiveBody } from '@hub/domain'
import { asc, eq } from 'drizzle-orm'
import * as Y from 'yjs'

/** The body of a directive: preamble, numbered clauses, closing. */
export interface DirectiveBody {
  preamble: string
  clauses: Clause[]
  closing: string
}

/** Where the API asks for a collaborative document: the collab server's store, the only reader of its tables. */
export type DocumentSource = Pick<DocumentStore, 'snapshot'>

const readers = new WeakMap<Db, DocumentStore>()

/**
 * The store to ask: the collab server's when it runs in this process (`deps.documents`), else a
 * store over the same database that holds no live document (it reads what is written; with relay
 * after durable that is everything any editor has seen).
 */
export function documentsOf(ctx: { dbh: DbHandle; documents?: DocumentSource }): DocumentSource {
  if (ctx.documents) return ctx.documents
  const db = ctx.dbh.db
  let store = readers.get(db)
  if (!store) {
    store = new DocumentStore(db, {
      flushIntervalMs: 50,
      compactAfterUpdates: 200,
      plainTextDebounceMs: 1000,
      log: silentLogger,
      metrics: createMetrics(),
    })
    readers.set(db, store)
  }
  return store
}

/** A document's text as the editors saw it. */
export interface DocumentText {
  plainText: string
  /** ProseMirror JSON of the Tiptap field. */
  json: unknown
  /** Ends a freeze (no-op without one). */
  thaw(): void
}

/**
 * The text of a collaborative document now, everything the server received written first; null if
 * it was never opened. With `freeze` (issuing), editors' writes are refused from this instant until
 * `thaw()` or until their connections are judged again: version 1 is exactly what they saw.
 */
export async function documentText(
  docs: DocumentSource,
  docName: string,
  opts: { freeze?: boolean } = {},
): Promise<DocumentText | null> {
  const snap = await docs.snapshot(docName, opts)
  if (!snap.state) {
    snap.thaw()
    return null
  }
  return { plainText: snap.plainText, json: snap.content, thaw: snap.thaw }
}

/** Splits the editor's text into preamble, clauses and closing, as the importer reads a body. */
export function bodyOfText(plainText: string): DirectiveBody {
  return parseDirectiveBody(plainText)
}

/** The body as the editor's paragraphs: clause N starts with "N. ". */
export function paragraphsOfBody(body: DirectiveBody): string[] {
  const split = (s: string) =>
    s
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean)
  return [
    ...split(body.preamble),
    ...body.clauses.flatMap((c) => split(c.text).map((p, i) => (i === 0 ? `${c.ordinal}. ${p}` : p))),
    ...split(body.closing),
  ]
}

/** A Yjs update holding the body as Tiptap paragraphs: a new directive's initial content, made on the server. */
export function initialContentOf(body: DirectiveBody): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(TIPTAP_FIELD)
  const paragraphs = paragraphsOfBody(body).map((text) => {
    const p = new Y.XmlElement('paragraph')
    if (text) p.insert(0, [new Y.XmlText(text)])
    return p
  })
  if (paragraphs.length) fragment.insert(0, paragraphs)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The skeleton a new draft of a kind starts from: preamble, numbered clauses, closing. */
export function skeletonOf(kindTitle: string): DirectiveBody {
  return {
    preamble: `Căn cứ ...; để ..., Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể thực hiện tốt các nội dung sau:`,
    clauses: [
      { ordinal: 1, text: '...' },
      { ordinal: 2, text: '...' },
      { ordinal: 3, text: '...' },
    ],
    closing: `${kindTitle} này phổ biến đến chi bộ.`,
  }
}

/** Paragraphs as a Yjs update; a heading first when given. */
function paragraphsUpdate(heading: string | null, paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(TIPTAP_FIELD)
  const nodes: Y.XmlElement[] = []
  if (heading) {
    const h = new Y.XmlElement('heading')
    h.setAttribute('level', 2 as unknown as string)
    h.insert(0, [new Y.XmlText(heading)])
    nodes.push(h)
  }
  for (const text of paragraphs) {
    const p = new Y.XmlElement('paragraph')
    if (text) p.insert(0, [new Y.XmlText(text)])
    nodes.push(p)
  }
  fragment.insert(0, nodes)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/**
 * What a collaborative document holds when first opened, made on the server so that two clients
 * never both insert it: a directive's imported text or its kind's skeleton; a meeting's minutes
 * headed by its agenda; a model practice's write-up from its summary.
 */
export async function initialContentFor(db: DbOrTx, docName: string): Promise<Uint8Array | null> {
  const [kind, id] = docName.split(':') as [string, string]
  if (kind === 'directive' || kind === 'plan') {
    const [row] = await db.select().from(schema.directives).where(eq(schema.directives.id, id)).limit(1)
    if (!row) return null
    if (kind === 'plan')
      return paragraphsUpdate(`Kế hoạch triển khai ${row.number ?? ''} ${row.title}`.replace(/\s+/g, ' '), [
        'I. MỤC ĐÍCH, YÊU CẦU',
        '...',
        'II. NỘI DUNG, NHIỆM VỤ',
        '1. ...',
        'III. TỔ CHỨC THỰC HIỆN',
        '...',
      ])
    const clauses = await db
      .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
      .from(schema.directiveClauses)
      .where(eq(schema.directiveClauses.directiveId, id))
      .orderBy(asc(schema.directiveClauses.ordinal))
    if (clauses.length || row.preamble)
      return initialContentOf({ preamble: row.preamble, clauses, closing: row.closing })
    return initialContentOf(skeletonOf(kindTitleOf(row.kind)))
  }
  if (kind === 'meeting') {
    const [m] = await db.select().from(schema.meetings).where(eq(schema.meetings.id, id)).limit(1)
    if (!m) return null
    const agenda = await db
      .select()
      .from(schema.meetingAgendaItems)
      .where(eq(schema.meetingAgendaItems.meetingId, id))
      .orderBy(asc(schema.meetingAgendaItems.ordinal))
    return paragraphsUpdate(`Biên bản: ${m.title}`, [
      ...agenda.flatMap((a) => [`${a.ordinal}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`, '']),
      'Kết luận:',
      '',
    ])
  }
  if (kind === 'model') {
    const [p] = await db.select().from(schema.modelPractices).where(eq(schema.modelPractices.id, id)).limit(1)
    if (!p) return null
    return paragraphsUpdate(p.title, ['Cách làm:', p.summary, 'Kết quả:', p.results, 'Điều kiện để nhân rộng:', ''])
  }
  return null
}

/** "CHỈ THỊ" → "Chỉ thị", as the closing line writes the kind. */
function kindTitleOf(kind: DirectiveKind): string {
  const lower = kindTitles[kind].vi.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}
