// Who did something, as shown beside it: a user's person (full name and position), looked up once for
// a batch of rows, so that a list need not join users and people itself.
import { type DbOrTx, schema } from '@hub/db'
import { eq, inArray } from 'drizzle-orm'

/** A user as shown: their person's full name and position. */
export interface UserPerson {
  name: string
  position: string
}

/** The persons of users (no entry for an unknown id). */
export async function userPeople(db: DbOrTx, userIds: readonly (string | null)[]): Promise<Map<string, UserPerson>> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))]
  if (!ids.length) return new Map()
  const rows = await db
    .select({ id: schema.users.id, name: schema.people.fullName, position: schema.people.position })
    .from(schema.users)
    .innerJoin(schema.people, eq(schema.people.id, schema.users.personId))
    .where(inArray(schema.users.id, ids))
  return new Map(rows.map((r) => [r.id, { name: r.name, position: r.position }]))
}

/** The full names of users (through their person records), for showing who made a version or a report. */
export async function userNames(db: DbOrTx, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const people = await userPeople(db, userIds)
  return new Map([...people].map(([id, p]) => [id, p.name]))
}

/**
 * Rows with who did each, in their order: `by(row)` names the user (null: nobody, e.g. the hub itself);
 * `name` and `position` are null when there is none.
 */
export async function withUsers<T>(db: DbOrTx, rows: T[], by: (row: T) => string | null) {
  const people = await userPeople(db, rows.map(by))
  return rows.map((row) => {
    const p = people.get(by(row) ?? '')
    return { row, name: p?.name ?? null, position: p?.position ?? null }
  })
}
