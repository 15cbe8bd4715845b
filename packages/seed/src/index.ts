// The demo city and the real unit directory, seeded into an empty database: the package's one entry.

import { type Db, schema } from '@hub/db'
import { count } from 'drizzle-orm'
import { seedPeople, seedWardPeople } from './people'
import { rng } from './random'
import { seedReform, seedUnits } from './units'
import { seedWork } from './work'
import { seedWardWork } from './work-2025'

export { demoAccounts } from './people'
export { datedTree, recordReorganisation } from './reorganisation'

const { units } = schema

/** Whether the database holds no units yet (a fresh embedded database). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units)
  return (row?.n ?? 0) === 0
}

/**
 * Seeds the demo city in one transaction: all of it or nothing. `passwordHash` is the argon2id hash
 * every demo account gets. The city of 2021 with its lockdown work, then (`tree: 'today'`, the
 * default) Hà Nội's reform of 1 July 2025 with the people and accounts of the new communes and wards;
 * `tree: '2021'` stops before the reform (the fixture the older tests were written against).
 */
export async function seedDemo(db: Db, opts: { passwordHash: string; tree?: 'today' | '2021' }): Promise<void> {
  const { passwordHash } = opts
  const r = rng(20210730)
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db
    const u = await seedUnits(t)
    const p = await seedPeople(t, u, r, passwordHash)
    await seedWork(t, u, p, r)
    if (opts.tree === '2021') return
    const wards = await seedReform(t)
    const r2025 = rng(20250701)
    const heads = await seedWardPeople(t, wards, r2025, passwordHash)
    await seedWardWork(t, { cityId: u.cityId, wards, heads, officeUserId: p.users.get('vanphong')!, r: r2025 })
  })
}

/** Loads the real unit directory alone (production): no people, accounts or work. */
export async function seedUnitDirectory(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedUnits(tx as unknown as Db)
    await seedReform(tx as unknown as Db)
  })
}
