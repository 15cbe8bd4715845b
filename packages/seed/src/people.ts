// Demo people: heads of every unit, hotlines, the duty roster, the demo accounts and the standing committee.

import { type Db, schema } from '@hub/db'
import { vnDay } from '@hub/domain'
import { personName, phoneNumber, type Rng } from './random'
import type { SeededUnits } from './units'

const { committeeMembers, committees, dutyShifts, hotlines, memberships, people, users } = schema

/** The demo accounts of DESIGN.md, plus two more heads so that boards have more than one viewer. */
export const demoAccounts = [
  {
    key: 'bithu',
    email: 'bithu@demo.local',
    fullName: 'Trần Quốc Hưng',
    position: 'Bí thư Thành ủy',
    role: 'committee_member',
    scope: 'city',
    personUnit: 'city',
    tree: '2021',
  },
  {
    key: 'vanphong',
    email: 'vanphong@demo.local',
    fullName: 'Lê Thị Thu Trang',
    position: 'Chuyên viên Văn phòng Thành ủy',
    role: 'office_drafter',
    scope: 'city',
    personUnit: 'TU-VP',
    tree: '2021',
  },
  {
    key: 'tayho',
    email: 'tayho@demo.local',
    fullName: 'Phạm Minh Tuấn',
    position: 'Bí thư Quận ủy Tây Hồ',
    role: 'unit_head',
    scope: 'Tây Hồ',
    personUnit: 'Tây Hồ',
    tree: '2021',
  },
  {
    key: 'kiemtra',
    email: 'kiemtra@demo.local',
    fullName: 'Đỗ Văn Khánh',
    position: 'Trưởng Đoàn kiểm tra số 3',
    role: 'inspector',
    scope: 'city',
    personUnit: 'TU-UBKT',
    tree: '2021',
  },
  {
    key: 'hoankiem',
    email: 'hoankiem@demo.local',
    fullName: 'Ngô Thanh Bình',
    position: 'Bí thư Quận ủy Hoàn Kiếm',
    role: 'unit_head',
    scope: 'Hoàn Kiếm',
    personUnit: 'Hoàn Kiếm',
    tree: '2021',
  },
  {
    key: 'quantri',
    email: 'quantri@demo.local',
    fullName: 'Hoàng Đức Thắng',
    position: 'Quản trị hệ thống, Văn phòng Thành ủy',
    role: 'admin',
    scope: 'city',
    personUnit: 'TU-VP',
    tree: '2021',
  },
  {
    key: 'quangan',
    email: 'quangan@demo.local',
    fullName: 'Vũ Thị Hạnh',
    position: 'Bí thư Đảng ủy phường Quảng An',
    role: 'unit_head',
    scope: 'Quảng An',
    personUnit: 'Quảng An',
    tree: '2021',
  },
  {
    key: 'phuongtayho',
    email: 'phuongtayho@demo.local',
    fullName: 'Nguyễn Thị Lan Anh',
    position: 'Bí thư Đảng ủy phường Tây Hồ',
    role: 'unit_head',
    scope: 'Tây Hồ',
    personUnit: 'Tây Hồ',
    tree: '2025',
  },
] as const

export interface SeededPeople {
  users: Map<string, string>
  /** The head (person id) and, where one exists, the user account heading each unit. */
  heads: Map<string, { personId: string; userId: string | null }>
  committeeId: string
}

function headTitle(typeLabel: string, kind: string): string {
  if (kind === 'district')
    return `Bí thư ${typeLabel === 'Quận' ? 'Quận ủy' : typeLabel === 'Huyện' ? 'Huyện ủy' : 'Thị ủy'}`
  if (kind === 'commune') return `Bí thư Đảng ủy ${typeLabel.toLowerCase()}`
  return 'Thủ trưởng đơn vị'
}

/** People heading every unit, hotlines and a 24/7 duty roster, the demo accounts and the standing committee. */
export async function seedPeople(db: Db, u: SeededUnits, r: Rng, passwordHash: string): Promise<SeededPeople> {
  const unitIdOf = (ref: string) =>
    ref === 'city'
      ? u.cityId
      : (u.organs.get(ref) ??
          u.districts.find((d) => d.shortName === ref)?.id ??
          u.communes.find(
            (c) => c.shortName === ref && c.districtId === u.districts.find((d) => d.shortName === 'Tây Hồ')?.id,
          )?.id)!

  const heads = new Map<string, { personId: string; userId: string | null }>()
  // Heads are recorded before their staff: a unit's first person is its head.
  const headsSince = new Date('2020-01-01T08:00:00+07:00')
  const demoHeadUnits = new Set(
    demoAccounts.filter((a) => a.role === 'unit_head' && a.tree === '2021').map((a) => unitIdOf(a.scope)),
  )
  const unitList = [
    ...[...u.organs].map(([code, id]) => ({
      id,
      title: code.startsWith('S-') ? 'Giám đốc' : 'Trưởng ban',
      kind: 'organ',
    })),
    ...u.districts.map((d) => ({ id: d.id, title: headTitle(d.typeLabel, 'district'), kind: 'district' })),
    ...u.communes.map((c) => ({ id: c.id, title: headTitle(c.name.split(' ')[0] ?? '', 'commune'), kind: 'commune' })),
  ].filter((x) => !demoHeadUnits.has(x.id))
  for (let i = 0; i < unitList.length; i += 300) {
    const chunk = unitList.slice(i, i + 300)
    const rows = await db
      .insert(people)
      .values(
        chunk.map((x) => ({
          fullName: personName(r),
          position: x.title,
          unitId: x.id,
          phone: phoneNumber(r, true),
          createdAt: headsSince,
        })),
      )
      .returning({ id: people.id, unitId: people.unitId })
    for (const row of rows) heads.set(row.unitId!, { personId: row.id, userId: null })
  }

  const userIds = new Map<string, string>()
  for (const a of demoAccounts.filter((x) => x.tree === '2021')) {
    const unitId = unitIdOf(a.personUnit)
    const account = await insertAccount(db, r, a, {
      unitId,
      scopeId: unitIdOf(a.scope),
      since: headsSince,
      passwordHash,
    })
    userIds.set(a.key, account.userId)
    if (a.role === 'unit_head') heads.set(unitId, account)
  }

  // Hotlines: every district, commune and city organ publishes office lines (never a person's
  // mobile); the duty desk's line is the number the officer on duty answers.
  const dutyLine = new Map<string, string>()
  const hotlineRows = [
    ...u.districts.flatMap((d) => [
      { unitId: d.id, label: 'Đường dây nóng Ban Chỉ đạo', phone: phoneNumber(r) },
      { unitId: d.id, label: 'Trực ban phòng, chống dịch', phone: phoneNumber(r) },
    ]),
    ...u.communes.map((c) => ({ unitId: c.id, label: 'Đường dây nóng', phone: phoneNumber(r) })),
    ...[...u.organs.values()].map((id) => ({ unitId: id, label: 'Đường dây nóng', phone: phoneNumber(r) })),
  ]
  for (const h of hotlineRows) dutyLine.set(h.unitId, h.phone)
  for (let i = 0; i < hotlineRows.length; i += 500) await db.insert(hotlines).values(hotlineRows.slice(i, i + 500))

  // Duty officers: each unit's office staff take the shifts in turn, the head among them now and
  // then (not the secretary round the clock).
  const staffTitles = {
    district: ['Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Chuyên viên Văn phòng', 'Chuyên viên Ban Tuyên giáo'],
    organ: ['Chánh Văn phòng', 'Chuyên viên', 'Chuyên viên'],
    commune: ['Phó Bí thư Thường trực Đảng ủy', 'Công chức Văn phòng - Thống kê', 'Chỉ huy trưởng Quân sự'],
  }
  const rosterUnits = [
    ...u.districts.map((d) => ({ id: d.id, hours: 8, staff: staffTitles.district })),
    ...[...u.organs.values()].map((id) => ({ id, hours: 8, staff: staffTitles.organ })),
    ...u.communes.map((c) => ({ id: c.id, hours: 12, staff: staffTitles.commune })),
  ]
  const staffRows = rosterUnits.flatMap((unit) =>
    unit.staff.map((position) => ({
      fullName: personName(r),
      position,
      unitId: unit.id,
      phone: phoneNumber(r, true),
      createdAt: new Date('2021-01-04T08:00:00+07:00'),
    })),
  )
  const officers = new Map<string, string[]>()
  for (let i = 0; i < staffRows.length; i += 500) {
    const rows = await db
      .insert(people)
      .values(staffRows.slice(i, i + 500))
      .returning({ id: people.id, unitId: people.unitId })
    for (const row of rows) officers.set(row.unitId!, [...(officers.get(row.unitId!) ?? []), row.id])
  }

  // Duty roster: districts and organs in three 8-hour shifts, communes in two 12-hour shifts,
  // from two days ago to five days ahead, so "on duty now" always has an answer. One gap is left
  // on purpose (Quảng An, tomorrow afternoon and night) for the roster check to flag.
  await insertRoster(db, r, {
    units: rosterUnits,
    team: (id) => [...(officers.get(id) ?? []), heads.get(id)!.personId],
    phone: (id) => dutyLine.get(id)!,
    gapUnit: unitIdOf('Quảng An'),
  })

  const [committee] = await db
    .insert(committees)
    .values({
      unitId: u.cityId,
      // The term covering today, so that the demo's numbers run in the current term.
      name: 'Ban Thường vụ Thành ủy khóa XVIII',
      termStart: '2025-10-01',
      termEnd: '2030-09-30',
    })
    .returning({ id: committees.id })
  const bithuPerson = await db.query.users.findFirst({ where: (t, { eq }) => eq(t.id, userIds.get('bithu')!) })
  const members = [
    { personId: bithuPerson!.personId, position: 'Bí thư Thành ủy', assignedUnitId: null as string | null },
  ]
  for (let i = 0; i < 14; i++) {
    const [p] = await db
      .insert(people)
      .values({
        fullName: personName(r),
        position: 'Ủy viên Ban Thường vụ Thành ủy',
        unitId: u.cityId,
        phone: phoneNumber(r, true),
      })
      .returning({ id: people.id })
    members.push({
      personId: p!.id,
      position: i < 3 ? 'Phó Bí thư Thành ủy' : 'Ủy viên Ban Thường vụ',
      assignedUnitId: u.districts[i * 2]?.id ?? null,
    })
  }
  await db.insert(committeeMembers).values(members.map((m) => ({ committeeId: committee!.id, ...m })))
  return { users: userIds, heads, committeeId: committee!.id }
}

/**
 * The duty roster from two days ago to five days ahead, so "on duty now" always has an answer; one
 * gap is left on purpose (the gap unit, tomorrow afternoon and night) for the roster check to flag.
 */
async function insertRoster(
  db: Db,
  r: Rng,
  o: {
    units: { id: string; hours: number }[]
    team: (unitId: string) => string[]
    phone: (unitId: string) => string
    gapUnit?: string
  },
): Promise<void> {
  const today = vnDay()
  const shifts: (typeof dutyShifts.$inferInsert)[] = []
  for (const unit of o.units) {
    const team = o.team(unit.id)
    let turn = r.int(0, team.length - 1)
    for (let day = -2; day <= 5; day++) {
      const base = new Date(`${today}T00:00:00+07:00`).getTime() + day * 86_400_000
      for (let h = 0; h < 24; h += unit.hours) {
        if (unit.id === o.gapUnit && day === 1 && h >= 12) continue
        shifts.push({
          unitId: unit.id,
          personId: team[turn++ % team.length]!,
          startsAt: new Date(base + h * 3_600_000),
          endsAt: new Date(base + (h + unit.hours) * 3_600_000),
          phone: o.phone(unit.id),
        })
      }
    }
  }
  for (let i = 0; i < shifts.length; i += 1000) await db.insert(dutyShifts).values(shifts.slice(i, i + 1000))
}

/** A ward of the 2025 tree as seeded. */
export interface SeededWard {
  id: string
  code: string
  name: string
  shortName: string
  typeLabel: string
}

/**
 * People of the 126 communes and wards of 2025: a head, office staff, a hotline and a 12-hour duty
 * roster each, and the demo accounts of the 2025 tree (member from 1 July 2025). Drawn from their
 * own random stream, so the 2021 city stays the same as before the reform was seeded.
 */
export async function seedWardPeople(
  db: Db,
  wards: SeededWard[],
  r: Rng,
  passwordHash: string,
): Promise<Map<string, { personId: string; userId: string | null }>> {
  const heads = new Map<string, { personId: string; userId: string | null }>()
  const since = new Date('2025-07-01T08:00:00+07:00')
  for (const a of demoAccounts.filter((x) => x.tree === '2025')) {
    const ward = wards.find((w) => w.shortName === a.scope)!
    heads.set(ward.id, await insertAccount(db, r, a, { unitId: ward.id, scopeId: ward.id, since, passwordHash }))
  }
  const headless = wards.filter((w) => !heads.has(w.id))
  const headRows = await db
    .insert(people)
    .values(
      headless.map((w) => ({
        fullName: personName(r),
        position: `Bí thư Đảng ủy ${w.typeLabel.toLowerCase()}`,
        unitId: w.id,
        phone: phoneNumber(r, true),
        createdAt: since,
      })),
    )
    .returning({ id: people.id, unitId: people.unitId })
  for (const row of headRows) heads.set(row.unitId!, { personId: row.id, userId: null })
  const staff = ['Phó Bí thư Thường trực Đảng ủy', 'Chánh Văn phòng HĐND và UBND', 'Chỉ huy trưởng Quân sự']
  const staffRows = await db
    .insert(people)
    .values(
      wards.flatMap((w) =>
        staff.map((position) => ({
          fullName: personName(r),
          position,
          unitId: w.id,
          phone: phoneNumber(r, true),
          createdAt: since,
        })),
      ),
    )
    .returning({ id: people.id, unitId: people.unitId })
  const lines = new Map(wards.map((w) => [w.id, phoneNumber(r)]))
  await db
    .insert(hotlines)
    .values(wards.map((w) => ({ unitId: w.id, label: 'Đường dây nóng', phone: lines.get(w.id)! })))
  await insertRoster(db, r, {
    units: wards.map((w) => ({ id: w.id, hours: 12 })),
    team: (id) => [...staffRows.filter((x) => x.unitId === id).map((x) => x.id), heads.get(id)!.personId],
    phone: (id) => lines.get(id)!,
  })
  return heads
}

/** A demo account: its person in `unitId`, the user, and its role in `scopeId` from the day it starts. */
async function insertAccount(
  db: Db,
  r: Rng,
  a: (typeof demoAccounts)[number],
  o: { unitId: string; scopeId: string; since: Date; passwordHash: string },
): Promise<{ personId: string; userId: string }> {
  const [person] = await db
    .insert(people)
    .values({
      fullName: a.fullName,
      position: a.position,
      unitId: o.unitId,
      phone: phoneNumber(r, true),
      email: a.email,
      createdAt: o.since,
    })
    .returning({ id: people.id })
  const [user] = await db
    .insert(users)
    .values({ personId: person!.id, email: a.email, passwordHash: o.passwordHash, demo: true })
    .returning({ id: users.id })
  const validFrom = a.tree === '2021' ? '2020-01-01' : '2025-07-01'
  await db.insert(memberships).values({ userId: user!.id, unitId: o.scopeId, role: a.role, validFrom })
  return { personId: person!.id, userId: user!.id }
}
