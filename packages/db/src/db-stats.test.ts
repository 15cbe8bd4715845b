// On a real in-memory PGlite: the metrics see the queue of statements in flight, a request's statements
// run before those of requests that came later, and the migration status notices a missing migration.

import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb, type DbHandle, inRequestOrder } from './client'
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

  it('runs the statements of a request that came first before those of later ones (PGlite)', async () => {
    const order: string[] = []
    const request = (name: string) =>
      inRequestOrder(async () => {
        for (let i = 1; i <= 3; i++) {
          await h.db.execute(sql`select 1`)
          order.push(`${name}${i}`)
        }
      })
    // A transaction holds the database while the requests queue up.
    let release: (() => void) | undefined
    const held = h.db.transaction(() => new Promise<void>((r) => (release = r)))
    const a = request('a')
    const b = request('b')
    // Work outside any request takes its place when it asks: behind the requests already waiting.
    const background = h.ping().then(() => order.push('background'))
    const c = request('c')
    await vi.waitFor(() => expect(h.stats().inFlight).toBe(5))
    release?.()
    await Promise.all([held, a, b, background, c])
    // Without the order, each request would advance one statement at a time: a1 b1 background c1 a2 ...
    expect(order).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'background', 'c1', 'c2', 'c3'])
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
