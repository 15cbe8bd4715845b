import { type DbOrTx, schema } from '@hub/db'
import type { Actor, Role } from '@hub/domain'
import { vnDay } from '@hub/domain'
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm'

/** The signed-in user as routes and policies see it. */
export interface CurrentUser extends Actor {
  email: string
  fullName: string
  position: string
  unitId: string | null
  locale: string
}

/** Loads a user with the roles they hold today. */
export async function loadCurrentUser(db: DbOrTx, userId: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      disabled: schema.users.disabled,
      locale: schema.users.locale,
      fullName: schema.people.fullName,
      position: schema.people.position,
      unitId: schema.people.unitId,
    })
    .from(schema.users)
    .innerJoin(schema.people, eq(schema.people.id, schema.users.personId))
    .where(eq(schema.users.id, userId))
    .limit(1)
  if (!row || row.disabled) return null
  const today = vnDay()
  const m = schema.memberships
  const grants = await db
    .select({ role: m.role, unitId: m.unitId })
    .from(m)
    .where(and(eq(m.userId, userId), lte(m.validFrom, today), or(isNull(m.validTo), gte(m.validTo, today))))
  return {
    userId: row.id,
    email: row.email,
    fullName: row.fullName,
    position: row.position,
    unitId: row.unitId,
    locale: row.locale,
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unitId })),
  }
}

/** The user as the API returns it. */
export function presentUser(u: CurrentUser) {
  return {
    id: u.userId,
    email: u.email,
    fullName: u.fullName,
    position: u.position,
    unitId: u.unitId,
    locale: u.locale,
    roles: u.grants,
  }
}
