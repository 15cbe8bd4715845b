// Photos (and other files) attached to a report: a periodic report of a unit or a progress update on a task.
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { bytea, createdAt, id } from './columns'
import { users } from './people'
import { reports } from './tasks'

/** A file sent with a report, read under the report's own rules; kept in the database so every process serves it. */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    filename: text('filename').notNull(),
    /** One of the allowed types, checked against the file's first bytes on upload. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_attachments_report').on(t.reportId)],
)
