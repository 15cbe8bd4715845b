import { type DbOrTx, schema } from '@hub/db'
import { eq, inArray } from 'drizzle-orm'

/** The full names of users (through their person records), for showing who made a version or a report. */
export async function userNames(db: DbOrTx, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))]
  if (!ids.length) return new Map()
  const rows = await db
    .select({ id: schema.users.id, name: schema.people.fullName })
    .from(schema.users)
    .innerJoin(schema.people, eq(schema.people.id, schema.users.personId))
    .where(inArray(schema.users.id, ids))
  return new Map(rows.map((r) => [r.id, r.name]))
}
