// A unit's round-the-clock reachability: its published hotlines and its duty roster (lịch trực).

import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, ts } from './columns'
import { people } from './people'
import { units } from './units'

/** Đường dây nóng: published hotline numbers of a unit. */
export const hotlines = pgTable(
  'hotlines',
  {
    id: id(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    label: text('label').notNull(),
    phone: text('phone').notNull(),
  },
  (t) => [index('hotlines_unit').on(t.unitId)],
)

/** Lịch trực: who is on duty for a unit, 24/7. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: id(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    phone: text('phone').notNull(),
  },
  (t) => [index('duty_shifts_unit_time').on(t.unitId, t.startsAt)],
)
