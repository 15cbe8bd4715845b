// Who is who: people in the political system, the user accounts of those who log in, and the dated roles
// they hold in units, which the policies read.

import { roles } from '@hub/domain'
import { boolean, date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { units } from './units'

/** A person in the political system, whether or not they log in. */
export const people = pgTable(
  'people',
  {
    id: id(),
    fullName: text('full_name').notNull(),
    /** Position as printed: "Bí thư Quận ủy", "Chủ tịch UBND phường". */
    position: text('position').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id),
    phone: text('phone'),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [index('people_unit').on(t.unitId)],
)

export const users = pgTable(
  'users',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('vi'),
    disabled: boolean('disabled').notNull().default(false),
    /** True for accounts created by the demo seed; never created on a production database. */
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
)

export const roleName = pgEnum('role_name', roles)

/** A role held in a unit for a period; policies read these to decide what a user may see and change. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: roleName('role').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('memberships_user').on(t.userId), index('memberships_unit').on(t.unitId)],
)
