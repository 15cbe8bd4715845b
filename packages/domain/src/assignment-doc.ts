/**
 * The assignment table as a Yjs document (`assignments:<directiveId>`, `meeting-assignments:<meetingId>`):
 * one map `rows` from row id to a row map whose keys are the cells, so two people editing different
 * cells of one row both keep their edit, and the same cell is settled by Yjs (last writer wins).
 * Comments are a Y.Array inside the row. Removing a row sets its `removed` cell: an edit made to it
 * meanwhile is kept, and the row can be restored. The web table, the API (settling, export) and the
 * tests read and write rows only through these functions.
 */
import * as Y from 'yjs'
import {
  type AssignmentComment,
  type AssignmentField,
  type AssignmentRow,
  type AssignmentRowFields,
  assignmentFieldNames,
  assignmentFieldsSchema,
  emptyAssignmentFields,
} from './assignments'

export const ROWS_KEY = 'rows'
const COMMENTS = 'comments'

export function rowsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROWS_KEY)
}

/** Reads one row map; malformed cells (a hostile client) read as empty. */
export function readRow(id: string, m: Y.Map<unknown>): AssignmentRow {
  const raw: Record<string, unknown> = {}
  for (const f of assignmentFieldNames) raw[f] = m.get(f) ?? emptyAssignmentFields[f]
  const fields = assignmentFieldsSchema.parse(raw) as AssignmentRowFields
  const comments = m.get(COMMENTS)
  const pos = m.get('pos')
  return {
    ...fields,
    id,
    pos: typeof pos === 'number' && Number.isFinite(pos) ? pos : 0,
    sourceKey: typeof m.get('sourceKey') === 'string' ? (m.get('sourceKey') as string) : null,
    removed: m.get('removed') === true,
    comments: comments instanceof Y.Array ? comments.toArray().filter(isComment) : [],
  }
}

function isComment(c: unknown): c is AssignmentComment {
  if (!c || typeof c !== 'object') return false
  const x = c as Record<string, unknown>
  return typeof x.id === 'string' && typeof x.text === 'string' && typeof x.userId === 'string'
}

/** Every row in table order (removed ones included; callers filter). */
export function readRows(doc: Y.Doc): AssignmentRow[] {
  const out: AssignmentRow[] = []
  rowsMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(readRow(id, m))
  })
  return out.sort((a, b) => a.pos - b.pos || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function newId(): string {
  return globalThis.crypto.randomUUID()
}

/** Adds a row at the end (or with the given id: a proposal's row id is derived from its key, so two people proposing at once make one row). */
export function addRow(
  doc: Y.Doc,
  fields: Partial<AssignmentRowFields>,
  opts: { id?: string; sourceKey?: string; pos?: number } = {},
): string {
  const rows = rowsMap(doc)
  const id = opts.id ?? newId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    const last = readRows(doc).at(-1)?.pos ?? 0
    m.set('pos', opts.pos ?? last + 1)
    if (opts.sourceKey) m.set('sourceKey', opts.sourceKey)
    m.set('removed', false)
    for (const f of assignmentFieldNames) m.set(f, fields[f] ?? emptyAssignmentFields[f])
    m.set(COMMENTS, new Y.Array<AssignmentComment>())
    rows.set(id, m)
  })
  return id
}

/** Sets one cell. */
export function setCell<F extends AssignmentField>(
  doc: Y.Doc,
  rowId: string,
  field: F,
  value: AssignmentRowFields[F],
): void {
  const m = rowsMap(doc).get(rowId)
  if (!(m instanceof Y.Map)) return
  m.set(field, value)
}

/** Removes a row (kept, marked) or restores it. */
export function setRemoved(doc: Y.Doc, rowId: string, removed: boolean): void {
  const m = rowsMap(doc).get(rowId)
  if (m instanceof Y.Map) m.set('removed', removed)
}

/** Moves a row between two others (positions of its neighbours; null at an end). */
export function moveRow(doc: Y.Doc, rowId: string, before: number | null, after: number | null): void {
  const m = rowsMap(doc).get(rowId)
  if (!(m instanceof Y.Map)) return
  const pos = before === null ? (after ?? 0) - 1 : after === null ? before + 1 : (before + after) / 2
  m.set('pos', pos)
}

export function addComment(doc: Y.Doc, rowId: string, c: Omit<AssignmentComment, 'id' | 'at'>): void {
  const m = rowsMap(doc).get(rowId)
  if (!(m instanceof Y.Map)) return
  doc.transact(() => {
    let list = m.get(COMMENTS)
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<AssignmentComment>()
      m.set(COMMENTS, list)
    }
    ;(list as Y.Array<AssignmentComment>).push([{ ...c, id: newId(), at: new Date().toISOString() }])
  })
}

/** A row proposed from the text, as the API hands it to the table. */
export interface ProposedRow {
  /** Derived from the source key, the same for everyone. */
  id: string
  sourceKey: string
  fields: AssignmentRowFields
}

/**
 * Adds the proposals whose source key the table has never held, in the proposals' order after the
 * rows there; returns how many were added. Rows people edited or removed are left as they are.
 */
export function addProposals(doc: Y.Doc, proposals: ProposedRow[]): number {
  const known = new Set(readRows(doc).flatMap((r) => (r.sourceKey ? [r.sourceKey] : [])))
  const rows = rowsMap(doc)
  let added = 0
  doc.transact(() => {
    let pos = readRows(doc).at(-1)?.pos ?? 0
    for (const p of proposals) {
      if (known.has(p.sourceKey) || rows.has(p.id)) continue
      known.add(p.sourceKey)
      pos += 1
      addRow(doc, p.fields, { id: p.id, sourceKey: p.sourceKey, pos })
      added++
    }
  })
  return added
}

/** The rows of a stored document state (a Yjs update), for the server. */
export function rowsOfState(state: Uint8Array | null): AssignmentRow[] {
  if (!state) return []
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return readRows(doc)
  } finally {
    doc.destroy()
  }
}
