// Idempotency-Key on writes, on a real in-process hub (PGlite, demo city): a retried report or task
// change is applied once and answered the same, keys are per user and per route, concurrent duplicates
// make one record, bad keys write nothing, expired keys run again.

import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as } = useTestHub({ accounts: ['tayho', 'hoankiem'] })

/** A task the user's unit leads, so he may report on it. */
async function ledTask(cookie: string) {
  const unitId = (await hub.request('GET', '/api/auth/me', { cookie })).json.user.unitId as string
  const [task] = await hub.dbh.db.select().from(schema.tasks).where(eq(schema.tasks.leadUnitId, unitId)).limit(1)
  expect(task).toBeDefined()
  return task!
}

async function reportCount(taskId: string) {
  return (await hub.dbh.db.select().from(schema.reports).where(eq(schema.reports.taskId, taskId))).length
}

function postReport(cookie: string, taskId: string, key: string | null, narrative: string) {
  return hub.request('POST', `/api/tasks/${taskId}/reports`, {
    cookie,
    body: { narrative },
    headers: key === null ? {} : { 'Idempotency-Key': key },
  })
}

describe('Idempotency-Key on POST', () => {
  it('the same report sent twice with one key is recorded once and answered the same', async () => {
    const task = await ledTask(as.tayho)
    const before = await reportCount(task.id)
    const first = await postReport(as.tayho, task.id, 'report-once-1', 'Chốt kiểm soát đã lập')
    expect(first.status).toBe(201)
    const again = await postReport(as.tayho, task.id, 'report-once-1', 'Chốt kiểm soát đã lập')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('content-type')).toMatch(/application\/json/)
    expect(again.json).toEqual(first.json)
    expect(await reportCount(task.id)).toBe(before + 1)
  })

  it('two different keys make two reports; no key makes one each time', async () => {
    const task = await ledTask(as.tayho)
    const before = await reportCount(task.id)
    const a = await postReport(as.tayho, task.id, 'report-a', 'Lần một')
    const b = await postReport(as.tayho, task.id, 'report-b', 'Lần hai')
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.json.report.id).not.toBe(b.json.report.id)
    await postReport(as.tayho, task.id, null, 'Không khóa')
    await postReport(as.tayho, task.id, null, 'Không khóa')
    expect(await reportCount(task.id)).toBe(before + 4)
  })

  it('another user with the same key is independent', async () => {
    const mine = await ledTask(as.tayho)
    const theirs = await ledTask(as.hoankiem)
    const beforeMine = await reportCount(mine.id)
    const beforeTheirs = await reportCount(theirs.id)
    const first = await postReport(as.tayho, mine.id, 'shared-key', 'Tây Hồ báo cáo')
    const other = await postReport(as.hoankiem, theirs.id, 'shared-key', 'Hoàn Kiếm báo cáo')
    expect([first.status, other.status]).toEqual([201, 201])
    expect(other.headers.get('idempotent-replayed')).toBeNull()
    expect(other.json.report.narrative).toBe('Hoàn Kiếm báo cáo')
    expect(await reportCount(mine.id)).toBe(beforeMine + 1)
    expect(await reportCount(theirs.id)).toBe(beforeTheirs + 1)
  })

  it('concurrent duplicates create one report; the other gets the same answer or 409', async () => {
    const task = await ledTask(as.tayho)
    const before = await reportCount(task.id)
    const answers = await Promise.all(
      [1, 2, 3].map(() => postReport(as.tayho, task.id, 'concurrent-key', 'Gửi ba lần cùng lúc')),
    )
    expect(await reportCount(task.id)).toBe(before + 1)
    const created = answers.filter((a) => a.status === 201)
    expect(created.length).toBeGreaterThanOrEqual(1)
    for (const a of created) expect(a.json.report.id).toBe(created[0]!.json.report.id)
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409)
      expect(a.json.error.code).toBe('idempotency_in_progress')
    }
  })

  it('a bad key is 400 and writes nothing', async () => {
    const task = await ledTask(as.tayho)
    const before = await reportCount(task.id)
    for (const key of ['x'.repeat(256), 'caf\u00e9', 'a\u0001b', 'tab\there', '']) {
      const res = await postReport(as.tayho, task.id, key, 'Không được ghi')
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('invalid_idempotency_key')
      expect(typeof res.json.error.message).toBe('string')
    }
    expect(await reportCount(task.id)).toBe(before)
  })

  it('the same key on another route is 422; a refused first request (4xx) is kept as its answer', async () => {
    const task = await ledTask(as.tayho)
    await postReport(as.tayho, task.id, 'route-key', 'Báo cáo')
    const elsewhere = await hub.request('POST', '/api/tasks', {
      cookie: as.tayho,
      body: {},
      headers: { 'Idempotency-Key': 'route-key' },
    })
    expect(elsewhere.status).toBe(422)
    expect(elsewhere.json.error.code).toBe('idempotency_key_reused')

    const invalid = await hub.request('POST', `/api/tasks/${task.id}/reports`, {
      cookie: as.tayho,
      body: {},
      headers: { 'Idempotency-Key': 'invalid-body' },
    })
    expect(invalid.status).toBe(400)
    const rows = await hub.dbh.db
      .select()
      .from(schema.idempotencyKeys)
      .where(eq(schema.idempotencyKeys.key, 'invalid-body'))
    expect(rows.map((r) => r.status)).toEqual([400])
  })

  it('a task PATCH retried with its key gets the first answer, not a version conflict against itself', async () => {
    const task = await ledTask(as.tayho)
    const body = { version: task.version, progress: task.progress === 40 ? 45 : 40 }
    const send = () =>
      hub.request('PATCH', `/api/tasks/${task.id}`, {
        cookie: as.tayho,
        body,
        headers: { 'Idempotency-Key': 'patch-1' },
      })
    const first = await send()
    expect(first.status).toBe(200)
    const again = await send()
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.json).toEqual(first.json)
    // Without the key the same stale version is refused: the key is what made the retry safe.
    const bare = await hub.request('PATCH', `/api/tasks/${task.id}`, { cookie: as.tayho, body })
    expect(bare.status).toBe(409)
  })

  it('an expired key runs again', async () => {
    const task = await ledTask(as.tayho)
    const before = await reportCount(task.id)
    await postReport(as.tayho, task.id, 'old-key', 'Hôm qua')
    await hub.dbh.db
      .update(schema.idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.idempotencyKeys.key, 'old-key'))
    const again = await postReport(as.tayho, task.id, 'old-key', 'Hôm qua')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(await reportCount(task.id)).toBe(before + 2)
  })
})
