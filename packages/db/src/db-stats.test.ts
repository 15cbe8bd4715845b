import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type DbHandle } from './client'
import { migrationStatus } from './migration-status'

let h: DbHandle
beforeAll(async () => {
  h = await createDb({ dataDir: 'memory://' })
})
afterAll(() => h.close())

describe('database stats for the metrics', () => {
  it("counts PGlite's queue: calls started and not finished, back to zero after", async () => {
    expect(h.stats()).toEqual({ kind: 'pglite', inFlight: 0 })
    const pending = Array.from({ length: 12 }, () => h.ping())
    expect(h.stats().inFlight).toBe(12)
    await Promise.all(pending)
    expect(h.stats().inFlight).toBe(0)
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`)
      expect(h.stats().inFlight).toBe(1)
    })
    expect(h.stats().inFlight).toBe(0)
  })

  it('knows whether every committed migration is applied', async () => {
    expect(await migrationStatus(h.db)).toEqual({ applied: true, pending: 0 })
    // As if the newest migration had not run yet.
    await h.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    )
    expect(await migrationStatus(h.db)).toEqual({ applied: false, pending: 1 })
  })
})
