import { type DbOrTx, schema } from '@hub/db'
import { plainTextOf, proseMirrorJsonOf, TIPTAP_FIELD } from '@hub/documents'
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

/** The stored state of a collaborative document (snapshot + update log), or null if never created. */
export async function readDocumentState(db: DbOrTx, docName: string): Promise<Y.Doc | null> {
  const [row] = await db.select().from(schema.yDocuments).where(eq(schema.yDocuments.name, docName)).limit(1)
  if (!row) return null
  const doc = new Y.Doc()
  if (row.snapshot) Y.applyUpdate(doc, row.snapshot)
  const updates = await db
    .select({ update: schema.yUpdates.update })
    .from(schema.yUpdates)
    .where(eq(schema.yUpdates.docName, docName))
    .orderBy(asc(schema.yUpdates.id))
  for (const u of updates) Y.applyUpdate(doc, u.update)
  return doc
}

/** Plain text and ProseMirror JSON of a stored document. */
export async function readDocumentText(
  db: DbOrTx,
  docName: string,
): Promise<{ plainText: string; json: unknown } | null> {
  const doc = await readDocumentState(db, docName)
  if (!doc) return null
  try {
    const fragment = doc.getXmlFragment(TIPTAP_FIELD)
    return { plainText: plainTextOf(fragment), json: proseMirrorJsonOf(fragment) }
  } finally {
    doc.destroy()
  }
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
