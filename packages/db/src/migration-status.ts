// Whether the database has every committed migration applied, for the API's system status.

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from './client'

const journal = join(dirname(fileURLToPath(import.meta.url)), '..', 'drizzle', 'meta', '_journal.json')

/**
 * Whether every committed migration has been applied to this database: Drizzle records each applied
 * migration with its folder time in drizzle.__drizzle_migrations and applies those newer than the
 * last one recorded, so the database is current when its last record is at least the newest
 * migration's. `pending` counts the committed migrations newer than that record.
 */
export async function migrationStatus(db: DbOrTx): Promise<{ applied: boolean; pending: number }> {
  const entries = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: { when: number }[] }).entries
  let last = 0
  try {
    const result = (await db.execute(
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: { last: string | number | null }[]
    }
    last = Number(result.rows[0]?.last ?? 0)
  } catch {
    // No migrations table: nothing was ever applied.
  }
  const pending = entries.filter((e) => e.when > last).length
  return { applied: pending === 0, pending }
}
