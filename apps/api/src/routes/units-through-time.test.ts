// Units through time (issue 17) on the demo city through Hà Nội's 2025 reform: the tree of a day,
// successions, predecessors' records on a new unit's page, handing over open work, drafts and
// recipients read on the directive's day, and recording a future reorganisation.
import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

interface U {
  id: string
  name: string
  kind: string
  typeLabel: string
  code: string
  parentId: string | null
  successorIds: string[]
}

// Seeding the city through the reform (1,400 units, their people and rosters) takes a while on a busy machine.
const { hub, as } = useTestHub({ tree: 'today', accounts: ['vanphong'], timeoutMs: 300_000 })
let all: U[]
const named = (name: string) => all.find((u) => u.name === name && u.kind !== 'city')!
const tree = async (day: string) =>
  (await hub.request('GET', `/api/units?validOn=${day}`, { cookie: as.vanphong })).json.units as U[]

beforeAll(async () => {
  all = (await hub.request('GET', '/api/units', { cookie: as.vanphong })).json.units
})

describe('the dated tree', () => {
  it('answers 2021’s tree on 30/07/2021 and 2025’s on 01/12/2026; today by default', async () => {
    const old = await tree('2021-07-30')
    expect(old.filter((u) => u.kind === 'district')).toHaveLength(30)
    expect(old.filter((u) => u.kind === 'commune')).toHaveLength(579)
    const now = await tree('2026-12-01')
    expect(now.filter((u) => u.kind === 'district')).toHaveLength(0)
    const wards = now.filter((u) => u.kind === 'commune')
    expect(wards).toHaveLength(126)
    expect(wards.filter((u) => u.typeLabel === 'Phường')).toHaveLength(51)
    expect(wards.filter((u) => u.typeLabel === 'Xã')).toHaveLength(75)
    // The city, its Party bodies and sectors continue; the new units sit directly under the city.
    const city = now.find((u) => u.kind === 'city')!
    expect(old.find((u) => u.kind === 'city')!.id).toBe(city.id)
    expect(now.filter((u) => u.kind === 'body').length).toBe(old.filter((u) => u.kind === 'body').length)
    expect(new Set(wards.map((w) => w.parentId))).toEqual(new Set([city.id]))
    const today = (await hub.request('GET', '/api/units?validOn=&kind=commune', { cookie: as.vanphong })).json.units
    expect(today).toHaveLength(126)
  })

  it('gives every 2021 commune and district at least one successor in force today', async () => {
    const old = (await tree('2021-07-30')).filter((u) => u.kind === 'commune' || u.kind === 'district')
    const todayIds = new Set((await tree('2026-12-01')).map((u) => u.id))
    for (const u of old) {
      expect(u.successorIds.length, u.name).toBeGreaterThanOrEqual(1)
      expect(u.successorIds.every((s) => todayIds.has(s))).toBe(true)
    }
    const page = (await hub.request('GET', `/api/units/${named('Quận Tây Hồ').id}`, { cookie: as.vanphong })).json.unit
    expect(page.successors.map((s: { name: string }) => s.name).sort()).toEqual(
      [
        'Phường Ba Đình',
        'Phường Hồng Hà',
        'Phường Nghĩa Đô',
        'Phường Phú Thượng',
        'Phường Tây Hồ',
        'Phường Xuân Đỉnh',
      ].sort(),
    )
    // A closed district still shows its own communes.
    expect(page.children).toHaveLength(8)
  })
})

describe('the measure of a period on that period’s units', () => {
  it('ranks the 30 districts in July 2021, and the 126 communes and wards (no district) this month', async () => {
    const bithu = await hub.login('bithu@demo.local')
    const measure = async (q: string) => (await hub.request('GET', `/api/measure?${q}`, { cookie: bithu })).json.rows
    expect(await measure('kind=district&period=2021-07')).toHaveLength(30)
    expect(await measure('kind=commune&period=2021-07')).toHaveLength(579)
    expect(await measure('kind=district')).toHaveLength(0)
    expect(await measure('kind=commune')).toHaveLength(126)
  })
})

describe('history follows the successor', () => {
  it('phường Tây Hồ’s page lists the tasks of its 2021 predecessors, marked with whose they were', async () => {
    const tayHo = named('Phường Tây Hồ')
    const page = (await hub.request('GET', `/api/units/${tayHo.id}`, { cookie: as.vanphong })).json.unit
    expect(page.predecessors.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Quận Tây Hồ', 'Phường Quảng An', 'Phường Bưởi', 'Phường Nghĩa Đô']),
    )
    const res = await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: as.vanphong })
    expect(res.status).toBe(200)
    const { tasks, predecessorIds } = res.json.history
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.some((t: { viaUnitName: string }) => t.viaUnitName === 'Quận Tây Hồ')).toBe(true)
    for (const t of tasks) {
      expect(predecessorIds).toContain(t.leadUnitId)
      // Nothing rewritten: the record keeps the unit it was made for.
      expect(t.leadUnitId).toBe(t.viaUnitId)
    }
    // The head of the new ward reads it too.
    const head = await hub.login('phuongtayho@demo.local')
    const own = await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: head })
    expect(own.status).toBe(200)
  })

  it('gives another district’s head none of those records: each is read under its own rule', async () => {
    const tayHo = named('Phường Tây Hồ')
    const full = (await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: as.vanphong })).json.history
    expect(full.reports.length).toBeGreaterThan(0)
    const outsider = await hub.login('hoankiem@demo.local')
    const res = await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: outsider })
    expect(res.status).toBe(200)
    const { tasks, reports, inspections } = res.json.history
    expect({ tasks, reports, inspections }).toEqual({ tasks: [], reports: [], inspections: [] })
  })
  it('withholds an unpublished conclusion of a predecessor from its own head, as the inspection list does', async () => {
    const tayHo = named('Phường Tây Hồ')
    const district = named('Quận Tây Hồ')
    const [row] = await hub.dbh.db
      .insert(schema.inspections)
      .values({ unitId: district.id, scheduledOn: '2021-07-20', status: 'done', outcome: 'discipline' })
      .returning()
    const find = (h: { inspections: { id: string }[] }) => h.inspections.find((x) => x.id === row!.id)
    const office = (await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: as.vanphong })).json.history
    expect(find(office)).toMatchObject({ outcome: 'discipline', withheld: false, viaUnitName: 'Quận Tây Hồ' })
    const head = await hub.login('tayho@demo.local')
    const own = (await hub.request('GET', `/api/units/${tayHo.id}/history`, { cookie: head })).json.history
    expect(find(own)).toMatchObject({ outcome: null, withheld: true, published: false })
  })
})

describe('open work across the reform', () => {
  it('proposes the successors of Quận Tây Hồ for its open tasks, the one successor for a ward passed whole', async () => {
    const district = named('Quận Tây Hồ')
    const res = await hub.request('GET', `/api/units/handover?unitId=${district.id}`, { cookie: as.vanphong })
    expect(res.status).toBe(200)
    const items = res.json.items
    expect(items.length).toBeGreaterThan(0)
    for (const it of items) {
      expect(it.unitId).toBe(district.id)
      expect(it.status).not.toBe('done')
      expect(it.candidates.map((c: { name: string }) => c.name)).toContain('Phường Tây Hồ')
      expect(it.candidates).toHaveLength(6)
      expect(it.proposedUnitId).toBeNull() // split: the as.vanphong picks
    }
    const buoi = named('Phường Bưởi')
    const whole = (await hub.request('GET', `/api/units/handover?unitId=${buoi.id}`, { cookie: as.vanphong })).json
      .items
    expect(whole.length).toBeGreaterThan(0)
    for (const it of whole) expect(it.proposedUnitId).toBe(named('Phường Tây Hồ').id)
  })

  it('hands them over in one audited step; a pick outside the successors or by a unit head is refused', async () => {
    const district = named('Quận Tây Hồ')
    const items = (await hub.request('GET', `/api/units/handover?unitId=${district.id}`, { cookie: as.vanphong })).json
      .items
    const tayHo = named('Phường Tây Hồ').id
    const wrong = await hub.request('POST', '/api/units/handover', {
      cookie: as.vanphong,
      body: { items: [{ taskId: items[0].taskId, toUnitId: named('Xã Sóc Sơn').id }] },
    })
    expect(wrong.status).toBe(409)
    const head = await hub.login('tayho@demo.local')
    const refused = await hub.request('POST', '/api/units/handover', {
      cookie: head,
      body: { items: [{ taskId: items[0].taskId, toUnitId: tayHo }] },
    })
    expect(refused.status).toBe(403)
    const picks = items.slice(0, 2).map((x: { taskId: string }) => ({ taskId: x.taskId, toUnitId: tayHo }))
    const done = await hub.request('POST', '/api/units/handover', { cookie: as.vanphong, body: { items: picks } })
    expect(done.status).toBe(200)
    expect(done.json.tasks.map((t: { leadUnitId: string }) => t.leadUnitId)).toEqual(
      [tayHo, tayHo].slice(0, picks.length),
    )
    const audit = await hub.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'task.handover'))
    expect(audit.map((a) => a.entityId).sort()).toEqual(picks.map((p: { taskId: string }) => p.taskId).sort())
    const after = (await hub.request('GET', `/api/units/handover?unitId=${district.id}`, { cookie: as.vanphong })).json
      .items
    expect(after).toHaveLength(items.length - picks.length)
  })

  it('tells who receives now for a directive’s abolished recipients', async () => {
    const ids = [named('Quận Tây Hồ').id, named('Phường Bưởi').id, named('Sở Y tế').id].join(',')
    const res = await hub.request('GET', `/api/units/receivers?ids=${ids}`, { cookie: as.vanphong })
    expect(res.status).toBe(200)
    const r = res.json.receivers
    expect(r[named('Quận Tây Hồ').id]).toHaveLength(6)
    expect(r[named('Phường Bưởi').id].map((u: { name: string }) => u.name)).toEqual(['Phường Tây Hồ'])
    expect(r[named('Sở Y tế').id].map((u: { name: string }) => u.name)).toEqual(['Sở Y tế'])
  })
})

describe('drafts and recipients on the directive’s day', () => {
  const importText = (date: string, clause: string) =>
    [
      'THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM',
      `Số 31 -CT/TU\t\tHà Nội, ngày ${date}`,
      'CHỈ THỊ',
      'về công tác rà soát',
      '-----',
      `1. ${clause}`,
      '',
      'Nơi nhận:',
      '- Các quận ủy, huyện ủy, thị ủy,',
      '- Các đảng ủy xã, phường,',
      '- Lưu VPTU.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Quốc Hưng',
    ].join('\n')
  const bithu = () => hub.login('bithu@demo.local')

  it('a 2021 text: "các quận, huyện, thị xã" are the 30 districts of 2021', async () => {
    const cookie = await bithu()
    const imp = await hub.request('POST', '/api/directives/import', {
      cookie,
      body: { text: importText('02 tháng 8 năm 2021', 'Các quận, huyện, thị xã tổ chức xét nghiệm diện rộng.') },
    })
    expect(imp.status).toBe(201)
    const drafts = await hub.request('POST', `/api/directives/${imp.json.directive.id}/task-drafts`, { cookie })
    expect(drafts.json.drafts[0].leadUnitIds).toHaveLength(30)
  })

  it('a 2026 text: "các xã, phường" are the 126; naming an abolished district is flagged', async () => {
    const cookie = await bithu()
    const imp = await hub.request('POST', '/api/directives/import', {
      cookie,
      body: {
        text: importText(
          '20 tháng 11 năm 2026',
          'Các xã, phường rà soát hộ nghèo. Quận ủy Tây Hồ báo cáo kết quả trước ngày 30/12/2026.',
        ),
      },
    })
    expect(imp.status).toBe(201)
    const res = (await hub.request('POST', `/api/directives/${imp.json.directive.id}/task-drafts`, { cookie })).json
    expect(res.drafts[0].leadUnitIds).toHaveLength(126)
    expect(res.ceasedUnits).toEqual([{ clauseOrdinal: 1, unitId: named('Quận Tây Hồ').id, name: 'Quận Tây Hồ' }])
    // The drafts keep their shape: they go back to POST /tasks as they are.
    expect(res.drafts[0]).not.toHaveProperty('ceasedUnitIds')
  })
})

describe('recording a future reorganisation', () => {
  const future = (units: unknown[]) => ({ source: 'Nghị quyết thử nghiệm', validFrom: '2099-01-01', units })
  const merge = (code: string, preds: string[]) => ({
    code,
    name: 'Phường Tây Hồ Mới',
    kind: 'ward',
    predecessors: preds.map((n) => ({ code: named(n).code, name: n, part: 'whole' })),
  })

  it('checks a file first: a closing unit without successor and a duplicate code are problems; nothing is written', async () => {
    const bad = future([merge('99001', ['Phường Tây Hồ']), merge('99001', ['Phường Tây Hồ'])])
    const res = await hub.request('POST', '/api/units/reorganisations/check', {
      cookie: as.vanphong,
      body: { file: bad },
    })
    expect(res.status).toBe(200)
    expect(res.json.ok).toBe(false)
    expect(res.json.problems.join('\n')).toMatch(/99001 trùng/)
    const refused = await hub.request('POST', '/api/units/reorganisations', {
      cookie: as.vanphong,
      body: { file: bad },
    })
    expect(refused.status).toBe(400)
    expect(
      (await hub.request('GET', '/api/units/reorganisations', { cookie: as.vanphong })).json.reorganisations,
    ).toHaveLength(1)
  })

  it('records a sound one for its day, audited; the tree of that day shows it, today’s is unchanged', async () => {
    const file = future([merge('99002', ['Phường Tây Hồ', 'Phường Phú Thượng'])])
    const check = await hub.request('POST', '/api/units/reorganisations/check', { cookie: as.vanphong, body: { file } })
    expect(check.json).toMatchObject({ ok: true, summary: { newUnits: 1, closing: 2 } })
    const head = await hub.login('phuongtayho@demo.local')
    expect((await hub.request('POST', '/api/units/reorganisations', { cookie: head, body: { file } })).status).toBe(403)
    const res = await hub.request('POST', '/api/units/reorganisations', { cookie: as.vanphong, body: { file } })
    expect(res.status).toBe(201)
    expect((await tree('2026-12-01')).filter((u) => u.kind === 'commune')).toHaveLength(126)
    const later = (await tree('2099-01-01')).filter((u) => u.kind === 'commune')
    expect(later).toHaveLength(125)
    expect(later.map((u) => u.name)).toContain('Phường Tây Hồ Mới')
    const audit = await hub.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'unit.reorganise'))
    expect(audit).toHaveLength(1)
  })
})
