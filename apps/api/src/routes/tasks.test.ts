// Tasks through the API on a real in-process hub (PGlite, demo city): create and update with versions
// and audit, who may change or assign what, every linked id authorized, lists limited to what the user
// may see and paged as a board reads them, bad input refused with nothing written.

import { schema } from '@hub/db'
import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as, unitNamed } = useTestHub({ accounts: ['bithu', 'tayho'], districts: true })

describe('tasks', () => {
  it('creates a task with 201, a version, and an audit row and event in the same transaction', async () => {
    const res = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'Kiểm tra chốt kiểm soát giáp ranh', leadUnitId: unitNamed('Hoàn Kiếm'), dueAt: '2031-08-05' },
    })
    expect(res.status).toBe(201)
    expect(res.json.task).toMatchObject({
      title: 'Kiểm tra chốt kiểm soát giáp ranh',
      version: 1,
      status: 'not_started',
      dueAt: '2031-08-05',
      timeliness: 'open',
    })
    const audit = await hub.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, res.json.task.id))
    expect(audit.map((a) => a.action)).toEqual(['task.create'])
    const [event] = await hub.dbh.db.select().from(schema.domainEvents).orderBy(desc(schema.domainEvents.id)).limit(1)
    expect(event!.type).toBe('task.created')
  })

  it('PATCH with the current version succeeds and bumps it; a stale version gets 409 and changes nothing', async () => {
    const created = (
      await hub.request('POST', '/api/tasks', {
        cookie: as.bithu,
        body: { title: 'Rà soát hộ khó khăn', leadUnitId: unitNamed('Hoàn Kiếm') },
      })
    ).json.task
    const ok = await hub.request('PATCH', `/api/tasks/${created.id}`, {
      cookie: as.bithu,
      body: { version: created.version, progress: 20 },
    })
    expect(ok.status).toBe(200)
    expect(ok.json.task).toMatchObject({ progress: 20, status: 'in_progress', version: created.version + 1 })
    const stale = await hub.request('PATCH', `/api/tasks/${created.id}`, {
      cookie: as.bithu,
      body: { version: created.version, progress: 40 },
    })
    expect(stale.status).toBe(409)
    expect(stale.json.error.code).toBe('version_conflict')
    const now = await hub.request('GET', `/api/tasks/${created.id}`, { cookie: as.bithu })
    expect(now.json.task.progress).toBe(20)
  })

  it("refuses the head of Tây Hồ changing Hoàn Kiếm's task (403) but lets him change his own district's", async () => {
    const hk = (
      await hub.request('POST', '/api/tasks', {
        cookie: as.bithu,
        body: { title: 'Việc của Hoàn Kiếm', leadUnitId: unitNamed('Hoàn Kiếm') },
      })
    ).json.task
    const denied = await hub.request('PATCH', `/api/tasks/${hk.id}`, {
      cookie: as.tayho,
      body: { version: hk.version, progress: 90 },
    })
    expect(denied.status).toBe(403)
    expect(denied.json.error.code).toBe('forbidden')
    expect((await hub.request('GET', `/api/tasks/${hk.id}`, { cookie: as.tayho })).status).toBe(403)
    const th = (
      await hub.request('POST', '/api/tasks', {
        cookie: as.bithu,
        body: { title: 'Việc của Tây Hồ', leadUnitId: unitNamed('Tây Hồ') },
      })
    ).json.task
    const allowed = await hub.request('PATCH', `/api/tasks/${th.id}`, {
      cookie: as.tayho,
      body: { version: th.version, status: 'done' },
    })
    expect(allowed.status).toBe(200)
    expect(allowed.json.task).toMatchObject({ status: 'done', progress: 100, timeliness: 'on_time' })
    expect(allowed.json.task.completedAt).toBeTruthy()
  })

  it('lets a district head assign work to his communes but not to another district', async () => {
    const communes = (await hub.request('GET', `/api/units?parentId=${unitNamed('Tây Hồ')}`, { cookie: as.tayho })).json
      .units
    expect(communes.length).toBe(8)
    const ok = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Phát phiếu đi chợ', leadUnitId: communes[0].id, dueAt: '2031-01-02' },
    })
    expect(ok.status).toBe(201)
    const no = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Không được', leadUnitId: unitNamed('Hoàn Kiếm') },
    })
    expect(no.status).toBe(403)
  })

  it('authorizes every id a task names: parent, directive, meeting and accountable person', async () => {
    const tayhoId = unitNamed('Tây Hồ')
    const hk = unitNamed('Hoàn Kiếm')
    const other = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'Việc riêng của Hoàn Kiếm', leadUnitId: hk, dueAt: '2031-05-01' },
    })
    expect(other.status).toBe(201)
    const count = async () => (await hub.dbh.db.select({ id: schema.tasks.id }).from(schema.tasks)).length
    const before = await count()
    // A child under another district's task (whose roll-up he would then drive).
    const child = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Con', leadUnitId: tayhoId, parentTaskId: other.json.task.id },
    })
    expect(child.status).toBe(403)
    expect(child.json.error.details.fields[0].path).toBe('parentTaskId')
    // A draft directive he cannot read.
    const vanphong = await hub.login('vanphong@demo.local')
    const draft = await hub.request('POST', '/api/directives', {
      cookie: vanphong,
      body: { kind: 'CT', title: 'Dự thảo mật' },
    })
    expect(draft.status).toBe(201)
    const onDraft = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Theo dự thảo', leadUnitId: tayhoId, directiveId: draft.json.directive.id },
    })
    expect(onDraft.status).toBe(403)
    expect(onDraft.json.error.details.fields[0].path).toBe('directiveId')
    // A meeting he does not attend.
    const meeting = await hub.request('POST', '/api/meetings', {
      cookie: as.bithu,
      body: { title: 'Họp Thường trực', startsAt: '2031-05-02T08:00:00+07:00' },
    })
    expect(meeting.status).toBe(201)
    const inMeeting = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Giao tại họp', leadUnitId: tayhoId, meetingId: meeting.json.meeting.id },
    })
    expect(inMeeting.status).toBe(403)
    // Another district's head as the accountable person.
    const hkUser = (await hub.request('GET', '/api/auth/me', { cookie: await hub.login('hoankiem@demo.local') })).json
      .user.id
    const accountable = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Giao cho người ngoài', leadUnitId: tayhoId, accountableUserId: hkUser },
    })
    expect(accountable.status).toBe(403)
    // Unknown ids are a 400 naming the field.
    const ghost = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Ma', leadUnitId: tayhoId, parentTaskId: '00000000-0000-4000-8000-000000000000' },
    })
    expect(ghost.status).toBe(400)
    expect(await count()).toBe(before)
    // The other district's task is untouched: no child drove its roll-up.
    const after = await hub.request('GET', `/api/tasks/${other.json.task.id}`, { cookie: as.bithu })
    expect(after.json.task).toMatchObject({ status: 'not_started', progress: 0, version: 1 })
    // His own parent, an issued directive and the accountable head of his own ward are fine.
    const own = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Cha', leadUnitId: tayhoId },
    })
    const issued = (await hub.request('GET', '/api/directives', { cookie: as.tayho })).json.directives.find(
      (d: any) => d.status === 'issued' || d.status === 'in_force',
    )
    const ok = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: { title: 'Con', leadUnitId: tayhoId, parentTaskId: own.json.task.id, directiveId: issued.id },
    })
    expect(ok.status).toBe(201)
  })

  it('refuses an empty meeting change with 400, not 500', async () => {
    const meeting = await hub.request('POST', '/api/meetings', {
      cookie: as.bithu,
      body: { title: 'Họp giao ban', startsAt: '2031-05-03T08:00:00+07:00' },
    })
    const res = await hub.request('PATCH', `/api/meetings/${meeting.json.meeting.id}`, { cookie: as.bithu, body: {} })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('validation_failed')
  })

  it('lists only what the user may see, with filters and pagination', async () => {
    const all = await hub.request('GET', '/api/tasks?limit=500', { cookie: as.bithu })
    const mine = await hub.request('GET', '/api/tasks?limit=500', { cookie: as.tayho })
    expect(all.json.total).toBeGreaterThan(mine.json.total)
    const tayhoTree = new Set([
      unitNamed('Tây Hồ'),
      ...(await hub.request('GET', `/api/units?parentId=${unitNamed('Tây Hồ')}`, { cookie: as.tayho })).json.units.map(
        (u: { id: string }) => u.id,
      ),
    ])
    for (const t of mine.json.tasks)
      expect(
        tayhoTree.has(t.leadUnitId) || t.supportUnitIds.some((u: string) => tayhoTree.has(u)) || t.accountableUserId,
      ).toBeTruthy()
    const page1 = await hub.request('GET', '/api/tasks?limit=10&offset=0', { cookie: as.bithu })
    const page2 = await hub.request('GET', '/api/tasks?limit=10&offset=10', { cookie: as.bithu })
    expect(page1.json.tasks).toHaveLength(10)
    expect(page1.json.tasks.map((t: { id: string }) => t.id)).not.toEqual(
      expect.arrayContaining(page2.json.tasks.map((t: { id: string }) => t.id)),
    )
    const overdue = await hub.request('GET', '/api/tasks?timeliness=overdue&limit=500', { cookie: as.bithu })
    expect(overdue.json.total).toBeGreaterThan(0)
    for (const t of overdue.json.tasks) expect(t.timeliness).toBe('overdue')
    const done = await hub.request('GET', '/api/tasks?status=done&limit=500', { cookie: as.bithu })
    for (const t of done.json.tasks) expect(t.status).toBe('done')
    const window = await hub.request('GET', '/api/tasks?dueFrom=2031-01-01&dueTo=2031-12-31&limit=500', {
      cookie: as.bithu,
    })
    expect(window.json.tasks.length).toBeGreaterThan(0)
    for (const t of window.json.tasks) expect(t.dueAt >= '2031-01-01' && t.dueAt <= '2031-12-31').toBe(true)
    const byUnit = await hub.request('GET', `/api/tasks?unitId=${unitNamed('Tây Hồ')}&includeSubunits=true&limit=500`, {
      cookie: as.bithu,
    })
    for (const t of byUnit.json.tasks)
      expect(tayhoTree.has(t.leadUnitId) || t.supportUnitIds.some((u: string) => tayhoTree.has(u))).toBe(true)
  })

  it('rejects bad input with 400 in the error shape and writes nothing', async () => {
    const before = (await hub.request('GET', '/api/tasks?limit=1', { cookie: as.bithu })).json.total
    const malformed = await hub.request('POST', '/api/tasks', { cookie: as.bithu, raw: '{"title": "x", ' })
    expect(malformed.status).toBe(400)
    expect(malformed.json.error.code).toBe('malformed_json')
    const wrongTypes = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 42, leadUnitId: 'nope' },
    })
    expect(wrongTypes.status).toBe(400)
    expect(wrongTypes.json.error.code).toBe('validation_failed')
    expect(wrongTypes.json.error.message).toContain('title')
    expect(wrongTypes.json.error.message).toContain('leadUnitId')
    const badDate = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'x', leadUnitId: unitNamed('Tây Hồ'), dueAt: '2031-02-30' },
    })
    expect(badDate.status).toBe(400)
    const unknownUnit = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'x', leadUnitId: '00000000-0000-4000-8000-000000000000' },
    })
    expect(unknownUnit.status).toBe(400)
    const extra = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'x', leadUnitId: unitNamed('Tây Hồ'), version: 5 },
    })
    expect(extra.status).toBe(400)
    const badPatch = await hub.request('PATCH', '/api/tasks/not-a-uuid', { cookie: as.bithu, body: { version: 1 } })
    expect(badPatch.status).toBe(400)
    const progress = await hub.request(
      'PATCH',
      `/api/tasks/${(await hub.request('GET', '/api/tasks?limit=1', { cookie: as.bithu })).json.tasks[0].id}`,
      { cookie: as.bithu, body: { version: 1, progress: 150 } },
    )
    expect(progress.status).toBe(400)
    expect((await hub.request('GET', '/api/tasks?limit=1', { cookie: as.bithu })).json.total).toBe(before)
  })

  it('needs a session (401) and refuses foreign or missing Origin on writes (403)', async () => {
    expect((await hub.request('GET', '/api/tasks')).status).toBe(401)
    expect(
      (await hub.request('POST', '/api/tasks', { body: { title: 'x', leadUnitId: unitNamed('Tây Hồ') } })).json.error
        .code,
    ).toBe('unauthenticated')
    const evil = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      origin: 'http://evil.example',
      body: { title: 'x', leadUnitId: unitNamed('Tây Hồ') },
    })
    expect(evil.status).toBe(403)
    expect(evil.json.error.code).toBe('cross_origin')
    expect(
      (
        await hub.request('POST', '/api/tasks', {
          cookie: as.bithu,
          origin: null,
          body: { title: 'x', leadUnitId: unitNamed('Tây Hồ') },
        })
      ).status,
    ).toBe(403)
    const crossSite = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      headers: { 'sec-fetch-site': 'cross-site' },
      body: { title: 'x', leadUnitId: unitNamed('Tây Hồ') },
    })
    expect(crossSite.status).toBe(403)
  })

  it('answers 404 in the error shape for an unknown task and 413 for a huge body', async () => {
    const missing = await hub.request('GET', '/api/tasks/00000000-0000-4000-8000-000000000000', { cookie: as.bithu })
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('not_found')
    const huge = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: { title: 'x'.repeat(3 * 1024 * 1024), leadUnitId: unitNamed('Tây Hồ') },
    })
    expect(huge.status).toBe(413)
    expect(huge.json.error.code).toBe('payload_too_large')
  })
})

type Listed = { tasks: { id: string; status: string; leadUnitId: string; supportUnitIds: string[] }[]; total: number }
const list = async (cookie: string, query: string): Promise<Listed> => {
  const res = await hub.request('GET', `/api/tasks?${query}`, { cookie })
  expect(res.status).toBe(200)
  return res.json
}

// Issue 18 made the list one statement with its total: pages, totals and unit filters as a board reads them.
describe('task list', () => {
  it("pages a district head's filtered board in order, each page with the whole total, past the end too", async () => {
    const filter = `unitId=${unitNamed('Tây Hồ')}&includeSubunits=true&status=in_progress`
    const whole = await list(as.tayho, `${filter}&limit=500`)
    expect(whole.total).toBe(whole.tasks.length)
    expect(whole.total).toBeGreaterThan(7)
    for (const t of whole.tasks) expect(t.status).toBe('in_progress')
    const paged: string[] = []
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await list(as.tayho, `${filter}&limit=7&offset=${offset}`)
      expect(page.total).toBe(whole.total)
      paged.push(...page.tasks.map((t) => t.id))
    }
    expect(paged).toEqual(whole.tasks.map((t) => t.id))
    const beyond = await list(as.tayho, `${filter}&limit=7&offset=${whole.total + 7}`)
    expect(beyond).toMatchObject({ tasks: [], total: whole.total })
    // The secretary (every task, count apart) sees the same district's board.
    expect((await list(as.bithu, `${filter}&limit=500`)).tasks.map((t) => t.id)).toEqual(paged)
  })

  it('filtered by a unit outside his reach, a district head sees only the tasks his units support', async () => {
    const hoanKiem = unitNamed('Hoàn Kiếm')
    const create = async (title: string, supportUnitIds: string[]) =>
      (
        await hub.request('POST', '/api/tasks', {
          cookie: as.bithu,
          body: { title, leadUnitId: hoanKiem, supportUnitIds, dueAt: '2031-03-01' },
        })
      ).json.task.id as string
    const shared = await create('Phối hợp chốt giáp ranh Tây Hồ', [unitNamed('Tây Hồ')])
    const alone = await create('Việc riêng của Hoàn Kiếm', [])
    const seen = await list(as.tayho, `unitId=${hoanKiem}&limit=500`)
    const ids = seen.tasks.map((t) => t.id)
    expect(ids).toContain(shared)
    expect(ids).not.toContain(alone)
    expect(seen.total).toBe(ids.length)
    const all = (await list(as.bithu, `unitId=${hoanKiem}&limit=500`)).tasks.map((t) => t.id)
    expect(all).toEqual(expect.arrayContaining([shared, alone]))
  })
})
