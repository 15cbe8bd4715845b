// Party committees by term (nhiệm kỳ) and their members, with the locality each member has in charge.

import { date, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { people } from './people'
import { units } from './units'

/** A Party committee or its standing committee for one term (nhiệm kỳ). */
export const committees = pgTable('committees', {
  id: id(),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  name: text('name').notNull(),
  termStart: date('term_start', { mode: 'string' }).notNull(),
  termEnd: date('term_end', { mode: 'string' }),
  createdAt: createdAt(),
})

/** A committee member, with the locality the committee put in their charge. */
export const committeeMembers = pgTable(
  'committee_members',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    position: text('position').notNull(),
    assignedUnitId: uuid('assigned_unit_id').references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.personId] })],
)
