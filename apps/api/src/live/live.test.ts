// Live events on a real hub over real socket.io connections: no socket without a session or from
// another site, room joins by the read rules with nothing leaking from other units, rolled-back changes
// announce nothing, presence, grouped notifications, and logout closing the sockets.

import { schema } from '@hub/db'
import type { TaskView } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordChange } from '../services/audit'
import { api, liveSocket, loginCookie, nextEvent, subscribe, useLiveHub } from '../testing/live-hub'

const { hub, as } = useLiveHub(['bithu', 'tayho'])
let tayhoId: string
let hoankiemId: string
let tayhoUserId: string
const opened: Socket[] = []
const open = async (cookie?: string) => {
  const s = await liveSocket(hub.base, cookie)
  opened.push(s)
  return s
}

beforeAll(async () => {
  const districts = (await api(hub.base, as.bithu, 'GET', '/api/units?kind=district')).json.units
  tayhoId = districts.find((u: { name: string }) => u.name === 'Quận Tây Hồ').id
  hoankiemId = districts.find((u: { name: string }) => u.name === 'Quận Hoàn Kiếm').id
  tayhoUserId = (await api(hub.base, as.tayho, 'GET', '/api/auth/me')).json.user.id
})
afterAll(async () => {
  for (const s of opened) s.close()
})

describe('live events', () => {
  it('refuses a socket without a session, and one from another site', async () => {
    await expect(liveSocket(hub.base)).rejects.toThrow(/unauthenticated/)
    await expect(liveSocket(hub.base, 'hub_session=forged.token')).rejects.toThrow(/unauthenticated/)
    await expect(liveSocket(hub.base, as.tayho, 'http://evil.example')).rejects.toThrow()
  })

  it("delivers a task created by the secretary for Tây Hồ to unit:<Tây Hồ> and to the head's notifications", async () => {
    const s = await open(as.tayho)
    expect(await subscribe(s, `unit:${tayhoId}`)).toEqual({ ok: true })
    const title = `Triển khai phiếu đi chợ toàn quận ${Date.now()}`
    const created = nextEvent(s, 'task:created', (p: any) => p.task.title === title)
    const notified = nextEvent(s, 'notification', (p: any) => p.notification.data?.title === title)
    const res = await api(hub.base, as.bithu, 'POST', '/api/tasks', { title, leadUnitId: tayhoId, dueAt: '2031-07-28' })
    expect(res.status).toBe(201)
    expect((await created)?.task).toMatchObject({ id: res.json.task.id, leadUnitId: tayhoId, version: 1 })
    expect((await notified)?.notification.title).toContain(title.slice(0, 40))
    const notes = await api(hub.base, as.tayho, 'GET', '/api/notifications')
    expect(notes.json.unread).toBeGreaterThan(0)
    expect(notes.json.notifications.some((n: any) => n.data?.taskId === res.json.task.id)).toBe(true)
    const updated = nextEvent(s, 'task:updated', (p: any) => p.task.id === res.json.task.id)
    await api(hub.base, as.bithu, 'PATCH', `/api/tasks/${res.json.task.id}`, { version: 1, progress: 10 })
    expect((await updated)?.task.progress).toBe(10)
  })

  it('refuses rooms outside the policy and sends nothing from them', async () => {
    const s = await open(as.tayho)
    expect(await subscribe(s, `unit:${hoankiemId}`)).toEqual({ ok: false, error: 'forbidden' })
    expect(await subscribe(s, 'user:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'forbidden' })
    expect(await subscribe(s, 'planet:mars')).toEqual({ ok: false, error: 'forbidden' })
    const seen: string[] = []
    s.on('task:created', (p: any) => seen.push(p.task.title))
    await api(hub.base, as.bithu, 'POST', '/api/tasks', { title: 'Việc riêng của Hoàn Kiếm', leadUnitId: hoankiemId })
    // A later change in a room it may join: events go out in order, so once this one has arrived,
    // the other would have arrived before it.
    expect(await subscribe(s, `unit:${tayhoId}`)).toEqual({ ok: true })
    const barrier = `Việc của Tây Hồ sau đó ${Date.now()}`
    const arrived = nextEvent(s, 'task:created', (p: any) => p.task.title === barrier, 10_000)
    await api(hub.base, as.bithu, 'POST', '/api/tasks', { title: barrier, leadUnitId: tayhoId })
    expect(await arrived).not.toBeNull()
    expect(seen).toEqual([barrier])
  })

  it("joining an issued directive's room never shows another district's tasks of that directive", async () => {
    const directives = (await api(hub.base, as.bithu, 'GET', '/api/directives')).json.directives
    const issued = directives.find((d: any) => d.status === 'issued' || d.status === 'in_force')
    const s = await open(as.tayho)
    expect(await subscribe(s, `directive:${issued.id}`)).toEqual({ ok: true })
    // Members' rooms and other people's rooms cannot be joined by name.
    expect(await subscribe(s, `directive:${issued.id}|reach:${hoankiemId}`)).toMatchObject({ ok: false })
    const seen: string[] = []
    s.on('task:created', (p: any) => seen.push(p.task.title))
    s.on('report:submitted', (p: any) => seen.push(`report:${p.task.title}`))
    const secret = `Việc mật của Hoàn Kiếm ${Date.now()}`
    const hk = await api(hub.base, as.bithu, 'POST', '/api/tasks', {
      title: secret,
      description: 'Nội dung chỉ Hoàn Kiếm được đọc',
      leadUnitId: hoankiemId,
      directiveId: issued.id,
    })
    expect(hk.status).toBe(201)
    const hkCookie = await loginCookie(hub.base, 'hoankiem@demo.local')
    expect(
      (
        await api(hub.base, hkCookie, 'POST', `/api/tasks/${hk.json.task.id}/reports`, {
          progress: 30,
          narrative: 'Mật',
        })
      ).status,
    ).toBe(201)
    // The API refuses the same task to him…
    expect((await api(hub.base, as.tayho, 'GET', `/api/tasks/${hk.json.task.id}`)).status).toBe(403)
    // …and the room, which does deliver his own district's task of the directive, never delivered it.
    const own = `Việc của Tây Hồ theo chỉ thị ${Date.now()}`
    const ownArrived = nextEvent(s, 'task:created', (p: any) => p.task.title === own, 10_000)
    await api(hub.base, as.bithu, 'POST', '/api/tasks', { title: own, leadUnitId: tayhoId, directiveId: issued.id })
    expect(await ownArrived).not.toBeNull()
    expect(seen).toContain(own)
    expect(seen.filter((t) => t.includes(secret))).toEqual([])
  })

  it('a client cannot leave its own user or session room to outlive a logout', async () => {
    const cookie = await loginCookie(hub.base, 'quangan@demo.local')
    const me = (await api(hub.base, cookie, 'GET', '/api/auth/me')).json.user
    const sessionId = cookie.split('=')[1]!.split('.')[0]
    const s = await open(cookie)
    s.emit('unsubscribe', `session:${sessionId}`)
    s.emit('unsubscribe', `user:${me.id}`)
    // Still in its user room: a round trip proves the unsubscribes were handled first.
    expect(await subscribe(s, `user:${me.id}`)).toEqual({ ok: true })
    const gone = new Promise<boolean>((r) => {
      const timer = setTimeout(() => r(false), 10_000)
      s.once('disconnect', () => {
        clearTimeout(timer)
        r(true)
      })
    })
    await api(hub.base, cookie, 'POST', '/api/auth/logout')
    expect(await gone).toBe(true)
  })

  it('one change reaches 200 subscribed sockets', async () => {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => open(as.tayho)))
    await Promise.all(sockets.map((s) => subscribe(s, `unit:${tayhoId}`)))
    const title = `Lập chốt kiểm soát ${Date.now()}`
    const arrivals = sockets.map((s) => nextEvent(s, 'task:created', (p: any) => p.task.title === title, 10_000))
    await api(hub.base, as.bithu, 'POST', '/api/tasks', { title, leadUnitId: tayhoId })
    const got = await Promise.all(arrivals)
    expect(got.filter(Boolean)).toHaveLength(200)
    for (const s of sockets) s.close()
  })

  it('announces nothing for a change that was rolled back', async () => {
    const s = await open(as.tayho)
    await subscribe(s, `unit:${tayhoId}`)
    const title = `Không được công bố ${Date.now()}`
    const seen: string[] = []
    s.on('task:created', (p: any) => seen.push(p.task.title))
    const fake = {
      id: '11111111-1111-4111-8111-111111111111',
      title,
      leadUnitId: tayhoId,
      supportUnitIds: [],
      accountableUserId: null,
    }
    await expect(
      hub.deps.dbh.db.transaction(async (tx) => {
        await recordChange(tx, {
          actorUserId: null,
          action: 'task.create',
          entityType: 'task',
          entityId: fake.id,
          // Only what the live layer reads: a partial task stands in for a whole one.
          event: { type: 'task.created', payload: { task: fake as unknown as TaskView } },
        })
        throw new Error('the change failed after its event was written')
      }),
    ).rejects.toThrow('failed')
    await hub.outbox.kick()
    // A real change after it: once its event has arrived, a leaked one would have arrived first.
    const barrier = `Được công bố ${Date.now()}`
    const arrived = nextEvent(s, 'task:created', (p: any) => p.task.title === barrier, 10_000)
    await api(hub.base, as.bithu, 'POST', '/api/tasks', { title: barrier, leadUnitId: tayhoId })
    expect(await arrived).not.toBeNull()
    expect(seen).toEqual([barrier])
    const rows = await hub.deps.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, fake.id))
    expect(rows).toHaveLength(0)
  })

  it('shows who is viewing a directive', async () => {
    const vanphong = await loginCookie(hub.base, 'vanphong@demo.local')
    const dir = (await api(hub.base, vanphong, 'GET', '/api/directives')).json.directives[0]
    const a = await open(vanphong)
    const b = await open(as.bithu)
    await subscribe(a, `directive:${dir.id}`)
    const both = nextEvent(a, 'presence', (p: any) => p.users.length === 2)
    await subscribe(b, `directive:${dir.id}`)
    const p = await both
    expect(p?.users.map((u: any) => u.fullName).sort()).toEqual(['Lê Thị Thu Trang', 'Trần Quốc Hưng'])
    const left = nextEvent(a, 'presence', (x: any) => x.users.length === 1)
    b.close()
    expect((await left)?.users[0].fullName).toBe('Lê Thị Thu Trang')
  })

  it('groups a cascade: 30 districts reporting progress is one notification for the secretary', async () => {
    const vanphong = await loginCookie(hub.base, 'vanphong@demo.local')
    const parent = (
      await api(hub.base, vanphong, 'POST', '/api/tasks', {
        title: 'Báo cáo số F0 hằng ngày',
        leadUnitId: (await api(hub.base, as.bithu, 'GET', '/api/auth/me')).json.user.unitId,
        accountableUserId: (await api(hub.base, as.bithu, 'GET', '/api/auth/me')).json.user.id,
      })
    ).json.task
    const districts = (await api(hub.base, as.bithu, 'GET', '/api/units?kind=district')).json.units
    const children = []
    for (const d of districts)
      children.push(
        (
          await api(hub.base, vanphong, 'POST', '/api/tasks', {
            title: `Báo cáo số F0 (${d.name})`,
            leadUnitId: d.id,
            parentTaskId: parent.id,
          })
        ).json.task,
      )
    await api(hub.base, as.bithu, 'POST', '/api/notifications/read-all')
    for (const c of children)
      await api(hub.base, vanphong, 'PATCH', `/api/tasks/${c.id}`, { version: c.version, progress: 50 })
    await hub.outbox.kick()
    const notes = (await api(hub.base, as.bithu, 'GET', '/api/notifications?unreadOnly=true')).json
    const progress = notes.notifications.filter((n: any) => n.kind === 'task.progress' && n.data.taskId === parent.id)
    expect(progress).toHaveLength(1)
    expect(progress[0].count).toBeGreaterThanOrEqual(30)
    expect(progress[0].title).toMatch(/^\d+ cập nhật tiến độ/)
    // And the parent rolled up to the children's mean.
    expect((await api(hub.base, as.bithu, 'GET', `/api/tasks/${parent.id}`)).json.task).toMatchObject({
      progress: 50,
      status: 'in_progress',
    })
    const read = await api(hub.base, as.bithu, 'POST', `/api/notifications/${progress[0].id}/read`)
    expect(read.status).toBe(200)
    expect((await api(hub.base, as.tayho, 'POST', `/api/notifications/${progress[0].id}/read`)).status).toBe(404)
  })

  it('records a report as the progress update itself, and tells the room', async () => {
    const s = await open(as.tayho)
    await subscribe(s, `unit:${tayhoId}`)
    const task = (
      await api(hub.base, as.bithu, 'POST', '/api/tasks', {
        title: 'Rà soát người về từ vùng dịch',
        leadUnitId: tayhoId,
        accountableUserId: tayhoUserId,
      })
    ).json.task
    const got = nextEvent(s, 'report:submitted', (p: any) => p.task.id === task.id)
    const r = await api(hub.base, as.tayho, 'POST', `/api/tasks/${task.id}/reports`, {
      progress: 60,
      narrative: 'Đã rà soát 6/8 phường.',
      difficulties: 'Thiếu nhân lực ban đêm.',
    })
    expect(r.status).toBe(201)
    expect(r.json.task).toMatchObject({ progress: 60, status: 'in_progress', version: 2 })
    expect((await got)?.report.narrative).toBe('Đã rà soát 6/8 phường.')
    const list = await api(hub.base, as.tayho, 'GET', `/api/tasks/${task.id}/reports`)
    expect(list.json.reports[0]).toMatchObject({ progress: 60, submittedByName: 'Phạm Minh Tuấn' })
    expect((await api(hub.base, as.tayho, 'POST', `/api/tasks/${task.id}/reports`, {})).status).toBe(400)
    const hk = await loginCookie(hub.base, 'hoankiem@demo.local')
    expect((await api(hub.base, hk, 'POST', `/api/tasks/${task.id}/reports`, { progress: 100 })).status).toBe(403)
    const [row] = await hub.deps.dbh.db
      .select()
      .from(schema.tasks)
      .where(and(eq(schema.tasks.id, task.id)))
    expect(row!.progress).toBe(60)
  })

  it('closes the live connections of a session that logs out, and of every session on logout everywhere', async () => {
    const a = await loginCookie(hub.base, 'quangan@demo.local')
    const b = await loginCookie(hub.base, 'quangan@demo.local')
    const sa = await open(a)
    const sb = await open(b)
    const aGone = new Promise((r) => sa.once('disconnect', r))
    await api(hub.base, a, 'POST', '/api/auth/logout')
    await aGone
    // The other session's socket is still served: a round trip after the logout answers.
    const me = (await api(hub.base, b, 'GET', '/api/auth/me')).json.user
    expect(await subscribe(sb, `user:${me.id}`)).toEqual({ ok: true })
    expect(sb.connected).toBe(true)
    const c = await loginCookie(hub.base, 'quangan@demo.local')
    const sc = await open(c)
    const bGone = new Promise((r) => sb.once('disconnect', r))
    const cGone = new Promise((r) => sc.once('disconnect', r))
    await api(hub.base, c, 'POST', '/api/auth/logout-all')
    await Promise.all([bGone, cGone])
    await expect(liveSocket(hub.base, b)).rejects.toThrow(/unauthenticated/)
  })
})
