// Backups of the embedded database (PGlite): a consistent copy of its folder, from the running hub
// or from a stopped folder, and a restore of one into an empty folder. PostgreSQL uses pg_dump.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { DbHandle } from './client'
import { lockDataDir } from './lock'

/** Where the database lives inside a hub data folder (HUB_DATA_DIR). */
export const embeddedDatabaseDir = (dataDir: string) => resolve(dataDir, 'pg')

async function dumpOf(client: PGlite): Promise<Uint8Array> {
  // Written pages first, so that the copy needs no recovery; the copy itself is taken while PGlite
  // runs nothing else (it runs one statement at a time): what was committed before it is in it.
  await client.query('checkpoint')
  const tarball = await client.dumpDataDir('gzip')
  return new Uint8Array(await tarball.arrayBuffer())
}

/** A gzipped tar of the running hub's embedded database, taken through its own connection. */
export async function dumpEmbedded(dbh: DbHandle): Promise<Uint8Array> {
  if (dbh.kind !== 'pglite') throw new Error('PostgreSQL is backed up with pg_dump, not by the hub')
  return dumpOf((dbh.db as unknown as { $client: PGlite }).$client)
}

/**
 * A gzipped tar of a data folder no hub runs on (it is locked meanwhile, so none starts); throws
 * DataDirLockedError when a hub holds it: ask that hub instead.
 */
export async function dumpStoppedFolder(dataDir: string): Promise<Uint8Array> {
  if (!existsSync(embeddedDatabaseDir(dataDir))) throw new Error(`No database in ${resolve(dataDir)}`)
  const release = lockDataDir(resolve(dataDir))
  try {
    const client = new PGlite(embeddedDatabaseDir(dataDir))
    try {
      return await dumpOf(client)
    } finally {
      await client.close()
    }
  } finally {
    release()
  }
}

/**
 * Unpacks a dump into `pgDir` (which must not exist or be empty) and opens it once to prove it;
 * resolves with the number of tables it holds.
 */
export async function restoreEmbedded(pgDir: string, tarball: Uint8Array): Promise<number> {
  const client = new PGlite(pgDir, { loadDataDir: new Blob([tarball]) })
  try {
    await client.waitReady
    const r = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    )
    return r.rows[0]?.n ?? 0
  } finally {
    await client.close()
  }
}
