// Units through time (issue 17), on the city through Hà Nội's 2025 reform: a successor's score over
// time before the reform is computed on its predecessors' records (marked so, the seam given), and
// work is made only for units in force: a task, report or inspection for an abolished unit is refused.
import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

// Seeding the city through the reform takes a while on a busy machine.
const { hub, as } = useTestHub({ tree: 'today', accounts: ['vanphong'], timeoutMs: 300_000 })
let all: { id: string; name: string; kind: string }[]
const named = (name: string) => all.find((u) => u.name === name && u.kind !== 'city')!.id
beforeAll(async () => {
  all = (await hub.request('GET', '/api/units', { cookie: as.vanphong })).json.units
})

interface Point {
  period: { key: string; from: string; to: string }
  dueInPeriod: number
  onTimeRate: number | null
  beforeReform: boolean
  predecessors: { id: string; name: string; share: string }[]
}

describe('the trend across the reform', () => {
  const trend = async () =>
    (
      await hub.request('GET', `/api/measure/${named('Phường Tây Hồ')}/trend?cycle=monthly&count=4&until=2025-08-31`, {
        cookie: as.vanphong,
      })
    ).json as { seam: { on: string } | null; points: Point[] }

  it('measures phường Tây Hồ before 01/07/2025 on its predecessors’ records, marked so, the records unchanged', async () => {
    const before = await trend()
    expect(before.points.map((p) => p.period.key)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08'])
    expect(before.seam).toEqual({ on: '2025-07-01' })
    const [may, june, july, august] = before.points
    for (const p of [may!, june!]) {
      expect(p.beforeReform).toBe(true)
      const shares = Object.fromEntries(p.predecessors.map((x) => [x.name, x.share]))
      expect(shares).toMatchObject({ 'Phường Bưởi': 'whole', 'Quận Tây Hồ': 'part' })
    }
    for (const p of [july!, august!]) {
      expect(p.beforeReform).toBe(false)
      expect(p.predecessors).toEqual([])
    }

    // A task of phường Bưởi (a predecessor, passed whole) done on time in May 2025 counts in May's point.
    const [task] = await hub.dbh.db
      .insert(schema.tasks)
      .values({
        title: 'Rà soát hộ kinh doanh ven hồ',
        leadUnitId: named('Phường Bưởi'),
        status: 'done',
        progress: 100,
        dueAt: '2025-05-20',
        completedAt: new Date('2025-05-18T03:00:00Z'),
      })
      .returning()
    const after = await trend()
    expect(after.points[0]!.dueInPeriod).toBe(may!.dueInPeriod + 1)
    expect(after.points[0]!.onTimeRate).not.toBeNull()
    expect(after.points.slice(1).map((p) => p.dueInPeriod)).toEqual(before.points.slice(1).map((p) => p.dueInPeriod))
    // Nothing is rewritten: the task is still phường Bưởi's.
    const [row] = await hub.dbh.db.select().from(schema.tasks).where(eq(schema.tasks.id, task!.id))
    expect(row!.leadUnitId).toBe(named('Phường Bưởi'))
  })
})

describe('work only for units in force', () => {
  const refusal = (res: { status: number; json: any }, field: string) => {
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('validation_failed')
    expect(res.json.error.details.fields[0].path).toBe(field)
    expect(res.json.error.message).toContain('Quận Tây Hồ đã thôi hoạt động từ ngày 01/07/2025')
  }

  it('refuses a new task led or supported by Quận Tây Hồ after its abolition, and accepts its successor', async () => {
    const title = 'Kiểm tra an toàn phòng cháy khu phố cổ'
    refusal(
      await hub.request('POST', '/api/tasks', {
        cookie: as.vanphong,
        body: { title, leadUnitId: named('Quận Tây Hồ') },
      }),
      'leadUnitId',
    )
    refusal(
      await hub.request('POST', '/api/tasks', {
        cookie: as.vanphong,
        body: { title, leadUnitId: named('Phường Tây Hồ'), supportUnitIds: [named('Quận Tây Hồ')] },
      }),
      'supportUnitIds.0',
    )
    const ok = await hub.request('POST', '/api/tasks', {
      cookie: as.vanphong,
      body: { title, leadUnitId: named('Phường Tây Hồ'), supportUnitIds: [named('Phường Ba Đình')] },
    })
    expect(ok.status).toBe(201)
    refusal(
      await hub.request('PATCH', `/api/tasks/${ok.json.task.id}`, {
        cookie: as.vanphong,
        body: { version: ok.json.task.version, supportUnitIds: [named('Phường Ba Đình'), named('Quận Tây Hồ')] },
      }),
      'supportUnitIds.1',
    )
  })

  it('refuses confirmed directive drafts, adoptions and requests to adopt for Quận Tây Hồ', async () => {
    const directive = (
      await hub.request('POST', '/api/directives', {
        cookie: as.vanphong,
        body: { kind: 'CT', title: 'về phòng cháy, chữa cháy mùa khô' },
      })
    ).json.directive
    const draft = { clauseOrdinal: 1, title: 'Rà soát phương án chữa cháy', leadUnitIds: [named('Phường Tây Hồ')] }
    refusal(
      await hub.request('POST', `/api/directives/${directive.id}/tasks`, {
        cookie: as.vanphong,
        body: { drafts: [{ ...draft, leadUnitIds: [named('Quận Tây Hồ')] }] },
      }),
      'drafts.0.leadUnitIds',
    )
    refusal(
      await hub.request('POST', `/api/directives/${directive.id}/tasks`, {
        cookie: as.vanphong,
        body: { drafts: [{ ...draft, supportUnitIds: [named('Quận Tây Hồ')] }] },
      }),
      'drafts.0.supportUnitIds',
    )
    const bithu = await hub.login('bithu@demo.local')
    const model = (await hub.request('GET', '/api/models', { cookie: bithu })).json.models[0]
    refusal(
      await hub.request('POST', `/api/models/${model.id}/requests`, {
        cookie: bithu,
        body: { unitIds: [named('Quận Tây Hồ')] },
      }),
      'unitIds.0',
    )
    refusal(
      await hub.request('POST', `/api/models/${model.id}/adoptions`, {
        cookie: bithu,
        body: { unitId: named('Quận Tây Hồ'), startedAt: '2026-12-01' },
      }),
      'unitId',
    )
    const created = await hub.request('POST', `/api/directives/${directive.id}/tasks`, {
      cookie: as.vanphong,
      body: { drafts: [draft] },
    })
    expect(created.status).toBe(201)
  })

  it('refuses a periodic report or an inspection for Quận Tây Hồ made today', async () => {
    const tayho = await hub.login('tayho@demo.local')
    refusal(
      await hub.request('POST', '/api/reports', {
        cookie: tayho,
        body: { unitId: named('Quận Tây Hồ'), body: 'Báo cáo tình hình trong ngày.' },
      }),
      'unitId',
    )
    const kiemtra = await hub.login('kiemtra@demo.local')
    const today = new Date().toLocaleDateString('sv', { timeZone: 'Asia/Ho_Chi_Minh' })
    refusal(
      await hub.request('POST', '/api/inspections', {
        cookie: kiemtra,
        body: {
          unitId: named('Quận Tây Hồ'),
          kind: 'planned',
          date: today,
          findings: 'Kiểm tra định kỳ.',
          outcome: 'remind',
        },
      }),
      'unitId',
    )
  })
})
