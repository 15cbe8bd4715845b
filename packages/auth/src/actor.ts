// Who is signed in, as the API's routes and policies and the collab server see it: a user with the roles
// they hold today, loaded from the database, and the shape the API returns for them.

import { type DbOrTx, schema } from '@hub/db'
import type { Actor, Role, UnitTree } from '@hub/domain'
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

/** Reach by unit-tree version (each reload builds a new tree), then by the units a caller holds roles in. */
const reaches = new WeakMap<UnitTree, Map<string, readonly string[]>>()

/**
 * The units where an actor holds a role and every unit below them (what they may see), computed once
 * per unit-tree version and set of role units, not on every request.
 */
export function reachOf(actor: Actor, tree: UnitTree): readonly string[] {
  const roots = [...new Set(actor.grants.map((g) => g.unitId))].sort()
  const key = roots.join(',')
  const byRoots = reaches.get(tree) ?? new Map<string, readonly string[]>()
  reaches.set(tree, byRoots)
  let reach = byRoots.get(key)
  if (!reach) {
    reach = Object.freeze([...new Set(roots.flatMap((id) => tree.subtree(id)))])
    byRoots.set(key, reach)
  }
  return reach
}
