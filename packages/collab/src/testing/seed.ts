// Test fixture: a minimal city with users, sessions and one document of each kind, for access tests.
import { createSession } from '@hub/auth'
import { type Db, schema } from '@hub/db'
import type { Role } from '@hub/domain'
import { UnitTree } from '@hub/domain'

/** A minimal city for access tests: two units, four users with sessions, a directive of each state, a meeting, a model practice. */
export async function seedCollabFixture(db: Db) {
  const [city] = await db
    .insert(schema.units)
    .values({ code: 'HN', name: 'Thành phố Hà Nội', shortName: 'Hà Nội', kind: 'city', validFrom: '2000-01-01' })
    .returning({ id: schema.units.id })
  const [tayho] = await db
    .insert(schema.units)
    .values({
      code: 'TH',
      name: 'Quận Tây Hồ',
      shortName: 'Tây Hồ',
      kind: 'district',
      parentId: city!.id,
      validFrom: '2000-01-01',
    })
    .returning({ id: schema.units.id })
  const units = { city: city!.id, tayho: tayho!.id }

  async function user(key: string, grants: { role: Role; unitId: string }[]) {
    const [person] = await db.insert(schema.people).values({ fullName: key }).returning({ id: schema.people.id })
    const [u] = await db
      .insert(schema.users)
      .values({ personId: person!.id, email: `${key}@collab.test`, passwordHash: 'x' })
      .returning({ id: schema.users.id })
    for (const g of grants) await db.insert(schema.memberships).values({ userId: u!.id, ...g, validFrom: '2000-01-01' })
    const { token } = await createSession(db, u!.id)
    return { id: u!.id, cookie: `hub_session=${token}` }
  }
  const users = {
    drafter: await user('drafter', [{ role: 'office_drafter', unitId: units.city }]),
    tayho: await user('tayho', [{ role: 'unit_head', unitId: units.tayho }]),
    attendee: await user('attendee', [{ role: 'viewer', unitId: units.tayho }]),
    nobody: await user('nobody', []),
  }

  async function directive(status: 'draft' | 'issued') {
    const [d] = await db
      .insert(schema.directives)
      .values({
        kind: 'CT',
        issuer: 'THÀNH ỦY HÀ NỘI',
        issuerSymbol: 'TU',
        title: `Chỉ thị ${status}`,
        issuerUnitId: units.city,
        status,
        createdBy: users.drafter.id,
      })
      .returning({ id: schema.directives.id })
    return d!.id
  }
  const [meeting] = await db
    .insert(schema.meetings)
    .values({ title: 'Họp Thường trực', hostUnitId: units.city, startsAt: new Date() })
    .returning({ id: schema.meetings.id })
  await db.insert(schema.meetingAttendees).values({ meetingId: meeting!.id, userId: users.attendee.id })
  const [model] = await db
    .insert(schema.modelPractices)
    .values({ title: 'Dân vận khéo', originUnitId: units.tayho })
    .returning({ id: schema.modelPractices.id })

  const tree = new UnitTree([
    { id: units.city, parentId: null },
    { id: units.tayho, parentId: units.city },
  ])
  return {
    units,
    users,
    tree,
    draft: await directive('draft'),
    issued: await directive('issued'),
    meeting: meeting!.id,
    model: model!.id,
  }
}
