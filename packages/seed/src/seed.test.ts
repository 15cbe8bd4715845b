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
    expect(await n(h.db.select({ n: count() }).from(s.units).where(eq(s.units.kind, 'commune')))).toBe(579 + 126)
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

  it('closes the 30 districts and 579 communes on 30/06/2025 with successors, and opens 126 units under the city on 01/07/2025', async () => {
    const all = await h.db.select().from(s.units)
    const on = (day: string) =>
      all.filter((u) => u.validFrom <= day && (!u.validTo || u.validTo >= day) && u.kind !== 'city')
    const old = on('2025-06-30')
    expect(old.filter((u) => u.kind === 'district')).toHaveLength(30)
    expect(old.filter((u) => u.kind === 'commune')).toHaveLength(579)
    const now = on('2026-12-01')
    expect(now.filter((u) => u.kind === 'district')).toHaveLength(0)
    const wards = now.filter((u) => u.kind === 'commune')
    expect(wards).toHaveLength(126)
    expect(wards.filter((u) => u.typeLabel === 'Phường')).toHaveLength(51)
    expect(wards.filter((u) => u.typeLabel === 'Xã')).toHaveLength(75)
    const city = all.find((u) => u.kind === 'city')!
    expect(city.validTo).toBeNull()
    expect(new Set(wards.map((w) => w.parentId))).toEqual(new Set([city.id]))
    // The city's bodies and sectors continue.
    expect(all.filter((u) => (u.kind === 'body' || u.kind === 'sector') && u.validTo)).toHaveLength(0)
    const links = await h.db.select().from(s.unitSuccessions)
    const successorsOf = new Map<string, string[]>()
    for (const l of links)
      successorsOf.set(l.predecessorId, [...(successorsOf.get(l.predecessorId) ?? []), l.successorId])
    for (const u of old) {
      if (u.kind !== 'commune' && u.kind !== 'district') continue
      expect(u.validTo).toBe('2025-06-30')
      expect(successorsOf.get(u.id)?.length ?? 0).toBeGreaterThanOrEqual(1)
    }
    const tayHo = wards.find((w) => w.name === 'Phường Tây Hồ')!
    const preds = links
      .filter((l) => l.successorId === tayHo.id)
      .map((l) => all.find((u) => u.id === l.predecessorId)!.name)
    expect(preds).toEqual(expect.arrayContaining(['Phường Quảng An', 'Phường Nhật Tân', 'Quận Tây Hồ']))
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
    // The head of a 2025 ward, member since the reform.
    const [ward] = await h.db
      .select({ unit: s.units.name, from: s.memberships.validFrom })
      .from(s.users)
      .innerJoin(s.memberships, eq(s.memberships.userId, s.users.id))
      .innerJoin(s.units, eq(s.units.id, s.memberships.unitId))
      .where(eq(s.users.email, 'phuongtayho@demo.local'))
    expect(ward).toEqual({ unit: 'Phường Tây Hồ', from: '2025-07-01' })
    // The demo goes on after the reform: the city's plan handed to the 126, and the ward's own work now.
    const [plan] = await h.db
      .select()
      .from(s.tasks)
      .where(eq(s.tasks.title, 'Vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025'))
    expect(await n(h.db.select({ n: count() }).from(s.tasks).where(eq(s.tasks.parentTaskId, plan!.id)))).toBe(126)
    const [tayHo] = await h.db.select().from(s.units).where(eq(s.units.name, 'Phường Tây Hồ'))
    const open = await h.db.select().from(s.tasks).where(eq(s.tasks.leadUnitId, tayHo!.id))
    expect(open.filter((t) => t.status !== 'done').length).toBeGreaterThanOrEqual(3)
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
