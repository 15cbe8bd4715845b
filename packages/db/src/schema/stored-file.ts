// The columns of a file kept in the database (report photos, a practice's materials): one definition for every attachment table.
import { integer, text, uuid } from 'drizzle-orm/pg-core'
import { bytea, createdAt } from './columns'
import { users } from './people'

/** Name, checked type, size, bytes, uploader and time of an uploaded file; spread after the table's id and owner key. */
export const storedFileColumns = () => ({
  filename: text('filename').notNull(),
  /** One of the allowed types, checked against the file's first bytes on upload. */
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
})
