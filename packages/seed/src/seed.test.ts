// Tests of the demo city as seeded: real units, people, duty, work and accounts.

import { createDb, type DbHandle, schema as s } from '@hub/db'
import { hash } from '@node-rs/argon2'
import { and, count, eq, gt, isNotNull, lte, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isEmpty, seedDemo } from './index'

let h: DbHandle
beforeAll(async () => {
  h = await createDb({ dataDir: 'memory://' })
  expect(await isEmpty(h.db)).toBe(true)
  await seedDemo(h.db, { passwordHash: await hash('demo1234') })
})
afterAll(() => h.close())

const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n

describe('the demo city', () => {
  it('has the real units of Hà Nội (2021) and the city organs', async () => {
    expect(await isEmpty(h.db)).toBe(false)
    expect(await n(h.db.select({ n: count() }).from(s.units).where(eq(s.units.kind, 'district')))).toBe(30)
    expect(await n(h.db.select({ n: count() }).from(s.units).where(eq(s.units.kind, 'commune')))).toBe(579)
    const names = (await h.db.select({ name: s.units.name }).from(s.units)).map((u) => u.name)
    for (const organ of [
      'Văn phòng Thành ủy',
      'Ban cán sự đảng UBND Thành phố',
      'Đảng đoàn HĐND Thành phố',
      'Ủy ban MTTQ Thành phố',
      'Công an Thành phố',
      'Sở Y tế',
      'Sở Công Thương',
    ])
      expect(names).toContain(organ)
  })

  it('gives every district and commune a head, a hotline and someone on duty now', async () => {
    const places = await h.db
      .select({ id: s.units.id })
      .from(s.units)
      .where(sql`${s.units.kind} in ('district', 'commune')`)
    const headed = new Set((await h.db.select({ u: s.people.unitId }).from(s.people)).map((p) => p.u))
    const hotlines = new Set((await h.db.select({ u: s.hotlines.unitId }).from(s.hotlines)).map((x) => x.u))
    const now = new Date()
    const onDuty = new Set(
      (
        await h.db
          .select({ u: s.dutyShifts.unitId })
          .from(s.dutyShifts)
          .where(and(lte(s.dutyShifts.startsAt, now), gt(s.dutyShifts.endsAt, now)))
      ).map((x) => x.u),
    )
    for (const p of places) {
      expect(headed.has(p.id)).toBe(true)
      expect(hotlines.has(p.id)).toBe(true)
      expect(onDuty.has(p.id)).toBe(true)
    }
  })

  it('has a few hundred tasks in every state, cascaded from city to districts to wards', async () => {
    expect(await n(h.db.select({ n: count() }).from(s.tasks))).toBeGreaterThanOrEqual(200)
    const statuses = (await h.db.selectDistinct({ st: s.tasks.status }).from(s.tasks)).map((x) => x.st).sort()
    expect(statuses).toEqual(['done', 'in_progress', 'not_started', 'paused'])
    const families = await h.db
      .select({ parent: s.tasks.parentTaskId, n: count() })
      .from(s.tasks)
      .where(isNotNull(s.tasks.parentTaskId))
      .groupBy(s.tasks.parentTaskId)
    expect(families.filter((f) => f.n === 30).length).toBeGreaterThanOrEqual(3)
    expect(families.some((f) => f.n === 8)).toBe(true)
    expect(await n(h.db.select({ n: count() }).from(s.reports))).toBeGreaterThan(100)
    expect(
      await n(h.db.select({ n: count() }).from(s.inspections).where(isNotNull(s.inspections.outcome))),
    ).toBeGreaterThan(5)
  })

  it('has directives of several kinds, the four demo accounts, and the model practices with adoptions', async () => {
    const kinds = new Set((await h.db.select({ k: s.directives.kind }).from(s.directives)).map((d) => d.k))
    expect(kinds.size).toBeGreaterThanOrEqual(4)
    const emails = (await h.db.select({ e: s.users.email }).from(s.users)).map((u) => u.e)
    expect(emails).toEqual(
      expect.arrayContaining(['bithu@demo.local', 'vanphong@demo.local', 'tayho@demo.local', 'kiemtra@demo.local']),
    )
    const practices = await h.db.select().from(s.modelPractices)
    expect(practices.map((p) => p.title)).toEqual(expect.arrayContaining(['Phiếu đi chợ']))
    const market = practices.find((p) => p.title === 'Phiếu đi chợ')!
    const [origin] = await h.db.select().from(s.units).where(eq(s.units.id, market.originUnitId))
    expect(origin!.name).toBe('Quận Tây Hồ')
    expect(
      await n(h.db.select({ n: count() }).from(s.modelAdoptions).where(eq(s.modelAdoptions.practiceId, market.id))),
    ).toBeGreaterThan(20)
  })
})
