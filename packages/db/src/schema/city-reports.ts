// The city's report of a period (báo cáo của thành phố): composed from the units' periodic reports,
// its text kept in the collaborative document `city-report:<id>` that the office edits and exports.
import { date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, ts } from './columns'
import { users } from './people'
import { units } from './units'

/**
 * One report per period and issuing unit (the city). The period is written as the periodic reports
 * write theirs (a day, `YYYY-Www`, `YYYY-MM`), with its first and last day. `version` counts the
 * record's changes (1 when composed).
 */
export const cityReports = pgTable(
  'city_reports',
  {
    id: id(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Number and symbol once registered ("12-BC/TU"); a blank for the number until then. */
    number: text('number'),
    composedBy: uuid('composed_by').references(() => users.id),
    composedAt: ts('composed_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('city_reports_period').on(t.issuerUnitId, t.period)],
)
