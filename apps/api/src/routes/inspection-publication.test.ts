// An inspection's conclusion reaches the inspected unit only when it is published: the unit's head
// reads neither findings nor outcome before that on any path (inspections, measure and its
// drill-down, trend, history, follow-up tasks, notifications); the recorder and the committee do.
import { vnDay } from '@hub/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { notificationHandler } from '../services/notifications'
import { ENGINES, useTestHub } from '../testing/harness'

describe.each(ENGINES)('inspection conclusions before publication on %s', (engine) => {
  const { hub, as } = useTestHub({ engine, accounts: ['bithu', 'tayho', 'kiemtra'] })
  let tayhoId: string

  beforeAll(async () => {
    tayhoId = (await hub.request('GET', '/api/auth/me', { cookie: as.tayho })).json.user.unitId
    hub.outbox.on(notificationHandler(() => {}))
  })

  const get = async (cookie: string, path: string) => {
    const res = await hub.request('GET', path, { cookie })
    expect(res.status, path).toBe(200)
    return res.json
  }
  const ownRow = async (cookie: string) =>
    (await get(cookie, '/api/measure?kind=district')).rows.find((r: any) => r.unitId === tayhoId)

  it('the inspected unit’s head sees the visit but not its conclusion until it is published; the committee sees it at once', async () => {
    const findings = 'Chốt kiểm soát số 4 bỏ trống từ 22 giờ đến 2 giờ sáng (kiểm thử công bố).'
    const headBefore = await ownRow(as.tayho)
    const committeeBefore = await ownRow(as.bithu)
    const headTrendBefore = (await get(as.tayho, `/api/measure/${tayhoId}/trend?cycle=weekly&count=2`)).points.at(-1)
    const recorded = await hub.request('POST', '/api/inspections', {
      cookie: as.kiemtra,
      body: {
        unitId: tayhoId,
        kind: 'unannounced',
        date: vnDay(),
        findings,
        conclusion: `${findings} Đề nghị xem xét kỷ luật.`,
        outcome: 'discipline',
      },
    })
    expect(recorded.status).toBe(201)
    const id: string = recorded.json.inspection.id
    expect(recorded.json.inspection).toMatchObject({ outcome: 'discipline', published: false, withheld: false })

    // The recorder and the committee read the whole conclusion; the head of the unit sees the visit only.
    for (const cookie of [as.kiemtra, as.bithu]) {
      const mine = (await get(cookie, `/api/inspections?unitId=${tayhoId}`)).inspections.find((i: any) => i.id === id)
      expect(mine).toMatchObject({ findings, outcome: 'discipline', withheld: false })
    }
    for (const path of [`/api/inspections?unitId=${tayhoId}`, '/api/inspections']) {
      const body = await get(as.tayho, path)
      const seen = body.inspections.find((i: any) => i.id === id)
      expect(seen).toMatchObject({
        kind: 'unannounced',
        published: false,
        withheld: true,
        outcome: null,
        findings: '',
        conclusion: '',
        checklist: [],
      })
      expect(JSON.stringify(body)).not.toContain('bỏ trống từ 22 giờ')
    }

    // The measure: the committee's view counts the outcome at once; the head's does not, nor lists it.
    expect((await ownRow(as.bithu)).inspections.discipline).toBe(committeeBefore.inspections.discipline + 1)
    const headRow = await ownRow(as.tayho)
    expect(headRow.inspections).toEqual(headBefore.inspections)
    expect(headRow.score).toBe(headBefore.score)
    const headDrill = await get(as.tayho, `/api/measure/${tayhoId}`)
    expect(headDrill.records.inspections.map((i: any) => i.id)).not.toContain(id)
    expect(JSON.stringify(headDrill)).not.toContain('bỏ trống từ 22 giờ')
    const committeeDrill = await get(as.bithu, `/api/measure/${tayhoId}`)
    expect(committeeDrill.records.inspections.find((i: any) => i.id === id)).toMatchObject({ outcome: 'discipline' })
    expect((await get(as.tayho, `/api/measure/${tayhoId}/trend?cycle=weekly&count=2`)).points.at(-1).score).toBe(
      headTrendBefore.score,
    )
    const sheet = await hub.request('GET', '/api/measure/export?kind=district', { cookie: as.tayho })
    expect(sheet.status).toBe(200)

    // Its history: the head reads that it was recorded, not what it found.
    const history = await get(as.tayho, `/api/history/inspection/${id}`)
    expect(history.entries.map((e: any) => e.action)).toEqual(['inspection.record'])
    expect(JSON.stringify(history)).not.toContain('bỏ trống từ 22 giờ')
    expect(history.entries[0].after).toMatchObject({ outcome: null, withheld: true })
    expect(JSON.stringify(await get(as.kiemtra, `/api/history/inspection/${id}`))).toContain('bỏ trống từ 22 giờ')

    await hub.outbox.kick()
    const notes = async () => (await get(as.tayho, '/api/notifications')).notifications
    expect((await notes()).some((n: any) => n.data?.inspectionId === id)).toBe(false)

    // Published: the head reads the conclusion everywhere, is told, and his own score counts it.
    expect((await hub.request('POST', `/api/inspections/${id}/publish`, { cookie: as.kiemtra })).status).toBe(200)
    const after = (await get(as.tayho, `/api/inspections?unitId=${tayhoId}`)).inspections.find((i: any) => i.id === id)
    expect(after).toMatchObject({ findings, outcome: 'discipline', published: true, withheld: false })
    expect((await ownRow(as.tayho)).inspections.discipline).toBe(headBefore.inspections.discipline + 1)
    expect((await get(as.tayho, `/api/measure/${tayhoId}`)).records.inspections.map((i: any) => i.id)).toContain(id)
    expect(JSON.stringify(await get(as.tayho, `/api/history/inspection/${id}`))).toContain('bỏ trống từ 22 giờ')
    await hub.outbox.kick()
    await expect
      .poll(async () => (await notes()).some((n: any) => n.data?.inspectionId === id), { timeout: 5_000 })
      .toBe(true)
  })

  it('a follow-up reaches the unit as a task at once, without the unpublished findings', async () => {
    const findings = 'Sổ theo dõi người về từ vùng dịch ghi thiếu 40 hộ (kiểm thử việc khắc phục).'
    const res = await hub.request('POST', '/api/inspections', {
      cookie: as.kiemtra,
      body: {
        unitId: tayhoId,
        kind: 'planned',
        date: vnDay(),
        findings,
        outcome: 'remind',
        followUps: [{ title: 'Rà soát, bổ sung sổ theo dõi người về từ vùng dịch' }],
      },
    })
    expect(res.status).toBe(201)
    const { tasks } = await get(as.tayho, `/api/tasks?unitId=${tayhoId}&q=${encodeURIComponent('bổ sung sổ theo dõi')}`)
    const task = tasks.find((t: any) => t.title === 'Rà soát, bổ sung sổ theo dõi người về từ vùng dịch')
    expect(task).toBeTruthy()
    const full = await get(as.tayho, `/api/tasks/${task.id}`)
    expect(JSON.stringify(full)).toContain(res.json.inspection.id)
    expect(JSON.stringify(full)).not.toContain('ghi thiếu 40 hộ')
  })

  it('another district’s head reads neither the visit nor its conclusion', async () => {
    const hoankiem = await hub.login('hoankiem@demo.local')
    const { inspections } = await get(hoankiem, '/api/inspections')
    expect(inspections.every((i: any) => i.unitId !== tayhoId)).toBe(true)
    expect((await hub.request('GET', `/api/inspections?unitId=${tayhoId}`, { cookie: hoankiem })).status).toBe(403)
  })
})
