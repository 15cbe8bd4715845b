// GET /api/changes: a phone back online catches up in one call, seeing only what its user may read
// (another district's head gets none of Tây Hồ's tasks or reports), with a cursor that moves on.
import { schema } from '@hub/db'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as, unitNamed } = useTestHub({ accounts: ['bithu', 'tayho', 'hoankiem'], districts: true })
const changes = async (cookie: string, since?: string) =>
  await hub.request('GET', `/api/changes${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`, {
    cookie,
  })
/** Time passes: every event written so far is older than the settling window. */
const settle = () =>
  hub.dbh.db
    .update(schema.domainEvents)
    .set({ createdAt: sql`${schema.domainEvents.createdAt} - interval '5 minutes'` })

describe('GET /api/changes', () => {
  it('answers a starting cursor, then what changed after it, each user only what he may read', async () => {
    await settle()
    const start = await changes(as.tayho)
    expect(start.status).toBe(200)
    expect(start.json).toMatchObject({ more: false, reset: false, tasks: [], reports: [], unitReports: [] })
    expect(start.json.cursor).toMatch(/^\d+$/)
    const since = start.json.cursor as string
    expect((await changes(as.hoankiem)).json.cursor).toBe(since)

    const create = async (title: string, leadUnitId: string) =>
      (await hub.request('POST', '/api/tasks', { cookie: as.bithu, body: { title, leadUnitId, dueAt: '2031-01-31' } }))
        .json.task
    const th = await create('Kiểm tra chốt chợ Bưởi', unitNamed('Tây Hồ'))
    const hk = await create('Kiểm tra chốt chợ Đồng Xuân', unitNamed('Hoàn Kiếm'))
    const moved = await hub.request('POST', `/api/tasks/${th.id}/reports`, {
      cookie: as.tayho,
      body: { progress: 40, narrative: 'Đã lập chốt' },
    })
    expect(moved.status).toBe(201)
    const hkReport = await hub.request('POST', `/api/tasks/${hk.id}/reports`, {
      cookie: as.hoankiem,
      body: { progress: 10, narrative: 'Bắt đầu rà soát Đồng Xuân' },
    })
    expect(hkReport.status).toBe(201)
    const periodic = await hub.request('POST', '/api/reports', {
      cookie: as.tayho,
      body: { unitId: unitNamed('Tây Hồ'), body: 'Báo cáo ngày của Tây Hồ' },
    })
    expect(periodic.status).toBe(201)

    const mine = (await changes(as.tayho, since)).json
    // The task as it is now (after the report moved it), once, however many events it had.
    expect(mine.tasks.map((t: any) => [t.id, t.progress, t.version])).toEqual([[th.id, 40, th.version + 1]])
    expect(mine.reports.map((r: any) => [r.taskId, r.report.narrative])).toEqual([[th.id, 'Đã lập chốt']])
    expect(mine.unitReports.map((r: any) => r.id)).toEqual([periodic.json.report.id])

    // Another district's head: his own task and report only; nothing of Tây Hồ, not even its ids.
    const other = await changes(as.hoankiem, since)
    expect(other.json.tasks.map((t: any) => t.id)).toEqual([hk.id])
    expect(other.json.reports.map((r: any) => r.taskId)).toEqual([hk.id])
    expect(other.json.unitReports).toEqual([])
    expect(JSON.stringify(other.json)).not.toContain(th.id)
    expect(JSON.stringify(other.json)).not.toContain(periodic.json.report.id)
    expect(JSON.stringify(other.json)).not.toContain('Tây Hồ')

    // The city's secretary reads both.
    const city = (await changes(as.bithu, since)).json
    expect(city.tasks.map((t: any) => t.id).sort()).toEqual([th.id, hk.id].sort())
  })

  it('moves the cursor past settled changes only: recent ones come again, settled ones once', async () => {
    await settle()
    const since = (await changes(as.tayho)).json.cursor as string
    const task = (
      await hub.request('POST', '/api/tasks', {
        cookie: as.bithu,
        body: { title: 'Rà soát hộ kinh doanh ven hồ', leadUnitId: unitNamed('Tây Hồ') },
      })
    ).json.task
    // Written a moment ago: another transaction with an earlier id might still commit, so the cursor waits.
    const first = (await changes(as.tayho, since)).json
    expect(first.tasks.map((t: any) => t.id)).toEqual([task.id])
    expect(first.cursor).toBe(since)
    // So does the starting cursor of a client that has none.
    expect((await changes(as.tayho)).json.cursor).toBe(since)
    expect((await changes(as.tayho, first.cursor)).json.tasks.map((t: any) => t.id)).toEqual([task.id])
    await settle()
    const settled = (await changes(as.tayho, since)).json
    expect(Number(settled.cursor)).toBeGreaterThan(Number(since))
    const after = (await changes(as.tayho, settled.cursor)).json
    expect(after).toMatchObject({ cursor: settled.cursor, tasks: [], reports: [], more: false })
  })

  it('refuses a malformed cursor (400), says reset for one it never gave, needs a session (401)', async () => {
    for (const bad of ['abc', '-1', '1.5', '1e9', '9999999999999999', "1' or '1'='1", ''])
      expect((await changes(as.tayho, bad)).status, bad).toBe(400)
    const ahead = await changes(as.tayho, '999999999')
    expect(ahead.status).toBe(200)
    expect(ahead.json).toMatchObject({ reset: true, tasks: [] })
    expect(Number(ahead.json.cursor)).toBeLessThan(999999999)
    expect((await hub.request('GET', '/api/changes?since=1')).status).toBe(401)
  })
})
