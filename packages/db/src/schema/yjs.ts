// Storage of the collab server's documents: a compacted state per document, the log of updates since,
// and named versions.

import { bigserial, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { bytea, createdAt, id, updatedAt } from './columns'
import { users } from './people'

/** A collaborative document's compacted state; `name` is "directive:<id>", "plan:<id>", "model:<id>", "meeting:<id>". */
export const yDocuments = pgTable('y_documents', {
  name: text('name').primaryKey(),
  snapshot: bytea('snapshot'),
  /** Plain-text projection refreshed after each flush, for search and exports. */
  plainText: text('plain_text').notNull().default(''),
  /** Updates in the log since the snapshot; compaction runs when this grows. */
  pendingUpdates: integer('pending_updates').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** Append-only update log, merged into the snapshot by compaction. */
export const yUpdates = pgTable(
  'y_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    update: bytea('update').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('y_updates_doc').on(t.docName, t.id)],
)

/** A named version of a document ("bản trình Thường trực ngày ..."). */
export const yDocVersions = pgTable(
  'y_doc_versions',
  {
    id: id(),
    docName: text('doc_name').notNull(),
    label: text('label').notNull(),
    state: bytea('state').notNull(),
    plainText: text('plain_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('y_doc_versions_doc').on(t.docName, t.createdAt)],
)
