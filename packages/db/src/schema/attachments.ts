// Photos (and other files) attached to a report: a periodic report of a unit or a progress update on a task.
import { index, pgTable, uuid } from 'drizzle-orm/pg-core'
import { id } from './columns'
import { storedFileColumns } from './stored-file'
import { reports } from './tasks'

/** A file sent with a report, read under the report's own rules; kept in the database so every process serves it. */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    ...storedFileColumns(),
  },
  (t) => [index('report_attachments_report').on(t.reportId)],
)
