// Named leases in the database, so that one of several hub processes leads a periodic job (the
// scheduler) and a crashed leader is replaced.

import { type DbOrTx, schema } from '@hub/db'
import { sql } from 'drizzle-orm'

/**
 * Takes or renews a named lease; true while this holder has it. A lease lapses `ttlMs` after its
 * last renewal, so a crashed leader is replaced within that time.
 */
export async function holdLease(db: DbOrTx, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const l = schema.leases
  const expiresAt = new Date(Date.now() + ttlMs)
  const rows = await db
    .insert(l)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: l.name,
      set: { holder, expiresAt },
      setWhere: sql`${l.expiresAt} < now() or ${l.holder} = ${holder}`,
    })
    .returning({ holder: l.holder })
  return rows[0]?.holder === holder
}

export async function releaseLease(db: DbOrTx, name: string, holder: string): Promise<void> {
  await db.execute(
    sql`delete from ${schema.leases} where ${schema.leases.name} = ${name} and ${schema.leases.holder} = ${holder}`,
  )
}
