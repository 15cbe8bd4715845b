// The measure per head through the API: GET /api/measure/:unitId names the unit's heads over the
// period, each measured on the tasks naming him accountable and the unit's unnamed tasks, reports and
// inspections, with every record behind each figure.
import { beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, useTestHub } from '../testing/harness'

describe.each(ENGINES)('the measure per head on %s', (engine) => {
  const { hub, as } = useTestHub({ engine, accounts: ['bithu', 'tayho'] })
  let me: { id: string; fullName: string; unitId: string }

  beforeAll(async () => {
    me = (await hub.request('GET', '/api/auth/me', { cookie: as.tayho })).json.user
  })

  const drill = async (unitId: string) => {
    const res = await hub.request('GET', `/api/measure/${unitId}`, { cookie: as.bithu })
    expect(res.status).toBe(200)
    return res.json
  }

  it('names Tây Hồ’s head and moves his figures, not the district’s, with a ward task naming him', async () => {
    const before = await drill(me.unitId)
    expect(before.heads).toHaveLength(1)
    const head = before.heads[0]
    expect(head).toMatchObject({ userId: me.id, name: me.fullName, unitId: me.unitId })
    expect(typeof head.figures.score).toBe('number')
    expect(head.figures.rating).toBeTruthy()
    // A ward's overdue task that names him accountable: his backlog, the ward's, not the district's own.
    const ward = before.children[0]
    const title = 'Rà soát hộ chưa nhận phiếu đi chợ (người đứng đầu chịu trách nhiệm)'
    const created = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title, leadUnitId: ward.unitId, accountableUserId: me.id, dueAt: '2021-07-28' },
    })
    expect(created.status).toBe(201)
    const after = await drill(me.unitId)
    const mine = after.heads[0]
    expect(mine.figures.overdue).toBe(head.figures.overdue + 1)
    expect(after.figures.overdue).toBe(before.figures.overdue)
    expect(mine.records.overdue.find((t: any) => t.id === created.json.task.id)).toMatchObject({
      title,
      href: `/tasks/${created.json.task.id}`,
    })
  })

  it('a ward whose head has no account is measured on its first person, for the whole period', async () => {
    const tayho = await drill(me.unitId)
    const wards = await Promise.all(tayho.children.map((c: any) => drill(c.unitId)))
    // Some wards' heads have demo accounts; the others are people only.
    const ward = wards.find((w) => w.heads.every((h: any) => h.userId === null))!
    expect(ward).toBeTruthy()
    expect(ward.heads).toHaveLength(1)
    expect(ward.heads[0]).toMatchObject({ userId: null, from: ward.period.from, to: null })
    expect(ward.heads[0].name).toBe(ward.head.name)
  })
})
