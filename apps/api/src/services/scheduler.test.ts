// The scheduler's jobs on a real hub (PGlite, demo city), run tick by tick: one leader at a time among
// schedulers sharing the database, an overdue task marked and notified once even when two run it, the
// reminder the day before, escalation to the unit above, the afternoon chase of a missing daily report.

import { schema } from '@hub/db'
import { addDays, vnDay } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import pino from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, useLiveHub } from '../testing/live-hub'
import { Scheduler } from './scheduler'

const { hub, as } = useLiveHub(['bithu', 'tayho'])
let tayhoId: string
let wardId: string
let tayhoUserId: string
const log = pino({ level: 'silent' })
const events = async (taskId: string, type: string) =>
  (await hub.deps.dbh.db.select().from(schema.domainEvents).where(eq(schema.domainEvents.type, type))).filter(
    (e) => (e.payload as any).task.id === taskId,
  )

beforeAll(async () => {
  tayhoId = (await api(hub.base, as.bithu, 'GET', '/api/units?kind=district')).json.units.find(
    (u: any) => u.name === 'Quận Tây Hồ',
  ).id
  wardId = (await api(hub.base, as.bithu, 'GET', `/api/units?parentId=${tayhoId}`)).json.units[0].id
  tayhoUserId = (await api(hub.base, as.tayho, 'GET', '/api/auth/me')).json.user.id
})

const newScheduler = () =>
  new Scheduler(hub.deps.dbh.db, hub.deps.units, log, () => void hub.outbox.kick(), {
    intervalMs: 60_000,
    escalateAfterDays: 2,
    reportReminderHour: 14,
  })

describe('scheduler', () => {
  it('has one leader at a time across processes', async () => {
    const a = newScheduler()
    const b = newScheduler()
    const [ra, rb] = await Promise.all([a.tick(), b.tick()])
    expect([ra, rb].filter(Boolean)).toHaveLength(1)
    // The leader keeps it on the next tick; the other still waits.
    const leader = ra ? a : b
    const other = ra ? b : a
    expect(await leader.tick()).toBe(true)
    expect(await other.tick()).toBe(false)
    await leader.stop()
    expect(await other.tick()).toBe(true)
    await other.stop()
  })

  it('marks an overdue task and notifies once, even when two processes run the job together', async () => {
    const today = vnDay()
    const task = (
      await api(hub.base, as.bithu, 'POST', '/api/tasks', {
        title: 'Hoàn thành danh sách hỗ trợ',
        leadUnitId: tayhoId,
        accountableUserId: tayhoUserId,
        dueAt: addDays(today, -1),
      })
    ).json.task
    expect(task.timeliness).toBe('overdue')
    await Promise.all([newScheduler().runOnce(), newScheduler().runOnce()])
    await newScheduler().runOnce()
    expect(await events(task.id, 'task.overdue')).toHaveLength(1)
    const [row] = await hub.deps.dbh.db.select().from(schema.tasks).where(eq(schema.tasks.id, task.id))
    expect(row!.overdueMarkedAt).toBeTruthy()
    await hub.outbox.kick()
    const notes = (await api(hub.base, as.tayho, 'GET', '/api/notifications')).json.notifications
    const overdue = notes.filter((n: any) => n.kind === 'task.overdue')
    expect(overdue).toHaveLength(1)
  })

  it('reminds the accountable person the day before, once', async () => {
    const task = (
      await api(hub.base, as.bithu, 'POST', '/api/tasks', {
        title: 'Chuẩn bị khu cách ly',
        leadUnitId: tayhoId,
        accountableUserId: tayhoUserId,
        dueAt: addDays(vnDay(), 1),
      })
    ).json.task
    await newScheduler().runOnce()
    await newScheduler().runOnce()
    expect(await events(task.id, 'task.due_soon')).toHaveLength(1)
  })

  it('escalates a task overdue for days to the head of the unit above', async () => {
    const task = (
      await api(hub.base, as.tayho, 'POST', '/api/tasks', {
        title: 'Lập chốt tại tổ dân phố 5',
        leadUnitId: wardId,
        dueAt: addDays(vnDay(), -5),
      })
    ).json.task
    await api(hub.base, as.tayho, 'POST', '/api/notifications/read-all')
    await newScheduler().runOnce()
    const esc = await events(task.id, 'task.escalated')
    expect(esc).toHaveLength(1)
    expect((esc[0]!.payload as any).toUserIds).toEqual([tayhoUserId])
    await hub.outbox.kick()
    const notes = (await api(hub.base, as.tayho, 'GET', '/api/notifications?unreadOnly=true')).json.notifications
    expect(notes.some((n: any) => n.kind === 'task.escalated')).toBe(true)
  })

  /** A daily task of Tây Hồ's, naming its head, that asks for a report every day. */
  const dailyReportTask = async (title: string) =>
    (
      await api(hub.base, as.bithu, 'POST', '/api/tasks', {
        title,
        leadUnitId: tayhoId,
        accountableUserId: tayhoUserId,
        recurrence: { freq: 'daily', reportCycle: 'daily' },
      })
    ).json.task

  it('chases a missing daily report in the afternoon, once a day, and not after the report', async () => {
    const task = await dailyReportTask('Báo cáo số ca F0 hằng ngày')
    const today = vnDay()
    const morning = new Date(`${today}T09:00:00+07:00`)
    const afternoon = new Date(`${today}T15:00:00+07:00`)
    await newScheduler().runOnce(morning)
    expect(await events(task.id, 'task.report_due')).toHaveLength(0)
    await newScheduler().runOnce(afternoon)
    await newScheduler().runOnce(afternoon)
    expect(await events(task.id, 'task.report_due')).toHaveLength(1)
    // A unit that reported is not chased.
    const reported = await dailyReportTask('Báo cáo tiêm chủng hằng ngày')
    await api(hub.base, as.tayho, 'POST', `/api/tasks/${reported.id}/reports`, { narrative: 'Đã tiêm 1.200 mũi.' })
    await newScheduler().runOnce(afternoon)
    expect(await events(reported.id, 'task.report_due')).toHaveLength(0)
    const [row] = await hub.deps.dbh.db
      .select()
      .from(schema.tasks)
      .where(and(eq(schema.tasks.id, task.id)))
    expect(row!.lastReminderAt).toBeTruthy()
  })
})
