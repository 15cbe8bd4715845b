// Meetings on a real hub over real sockets: a task assigned in the meeting room reaches the unit's board
// and the room at once, only the chair concludes (drafting the notice), and the uninvited neither see
// nor join a meeting.

import type { Socket } from 'socket.io-client'
import { afterAll, describe, expect, it } from 'vitest'
import { api, liveSocket, loginCookie, nextEvent, subscribe, useLiveHub } from '../testing/live-hub'

const { hub, as } = useLiveHub(['bithu', 'tayho', 'vanphong'])
const sockets: Socket[] = []
afterAll(async () => {
  for (const s of sockets) s.close()
})

describe('meetings', () => {
  it('assigns a task in the meeting room that reaches the unit board and the meeting room at once, then concludes with a draft notice', async () => {
    const tayhoUser = (await api(hub.base, as.tayho, 'GET', '/api/auth/me')).json.user
    const created = await api(hub.base, as.bithu, 'POST', '/api/meetings', {
      title: 'Họp khẩn về điểm dịch Tây Hồ',
      startsAt: new Date().toISOString(),
      location: 'Phòng họp số 2',
      agenda: [{ title: 'Tình hình điểm dịch', presenter: 'Sở Y tế' }],
      attendeeIds: [tayhoUser.id],
    })
    expect(created.status).toBe(201)
    const meeting = created.json.meeting
    expect(meeting.docName).toBe(`meeting:${meeting.id}`)
    const room = await liveSocket(hub.base, as.bithu)
    const board = await liveSocket(hub.base, as.tayho)
    sockets.push(room, board)
    expect(await subscribe(room, `meeting:${meeting.id}`)).toEqual({ ok: true })
    expect(await subscribe(board, `unit:${tayhoUser.unitId}`)).toEqual({ ok: true })
    // An attendee may join the room; someone not invited may not.
    expect(await subscribe(board, `meeting:${meeting.id}`)).toEqual({ ok: true })
    const hk = await liveSocket(hub.base, await loginCookie(hub.base, 'hoankiem@demo.local'))
    sockets.push(hk)
    expect(await subscribe(hk, `meeting:${meeting.id}`)).toEqual({ ok: false, error: 'forbidden' })

    const onBoard = nextEvent(board, 'task:created', (p: any) => p.task.meetingId === meeting.id)
    const inRoom = nextEvent(room, 'task:created', (p: any) => p.task.meetingId === meeting.id)
    const t = await api(hub.base, as.bithu, 'POST', '/api/tasks', {
      title: 'Phong tỏa tạm thời tổ dân phố 3',
      leadUnitId: tayhoUser.unitId,
      accountableUserId: tayhoUser.id,
      dueAt: '2031-08-01',
      meetingId: meeting.id,
    })
    expect(t.status).toBe(201)
    expect((await onBoard)?.task.id).toBe(t.json.task.id)
    expect((await inRoom)?.task.id).toBe(t.json.task.id)

    const full = await api(hub.base, as.tayho, 'GET', `/api/meetings/${meeting.id}`)
    expect(full.json.meeting.agenda).toEqual([{ ordinal: 1, title: 'Tình hình điểm dịch', presenter: 'Sở Y tế' }])
    expect(full.json.meeting.attendees.map((a: any) => a.fullName).sort()).toEqual(['Phạm Minh Tuấn', 'Trần Quốc Hưng'])
    expect(full.json.tasks.map((x: any) => x.id)).toEqual([t.json.task.id])

    // Attendees cannot conclude; the chair can, which drafts the conclusion notice for the office.
    expect(
      (await api(hub.base, as.tayho, 'POST', `/api/meetings/${meeting.id}/conclude`, { conclusions: 'x' })).status,
    ).toBe(403)
    const done = await api(hub.base, as.bithu, 'POST', `/api/meetings/${meeting.id}/conclude`, {
      conclusions: '1. Quận Tây Hồ phong tỏa tổ dân phố 3 trong ngày.\n2. Sở Y tế xét nghiệm toàn bộ cư dân.',
    })
    expect(done.status).toBe(201)
    expect(done.json.meeting.status).toBe('concluded')
    const draft = await api(hub.base, as.vanphong, 'GET', `/api/directives/${done.json.directive.id}`)
    expect(draft.json.directive).toMatchObject({ kind: 'TB', status: 'draft' })
    expect(draft.json.clauses.map((c: any) => c.text)).toEqual([
      'Quận Tây Hồ phong tỏa tổ dân phố 3 trong ngày.',
      'Sở Y tế xét nghiệm toàn bộ cư dân.',
    ])
    expect(
      (await api(hub.base, as.bithu, 'POST', `/api/meetings/${meeting.id}/conclude`, { conclusions: 'again' })).status,
    ).toBe(409)
  })

  it('lists meetings by attendance and refuses strangers', async () => {
    const hk = await loginCookie(hub.base, 'hoankiem@demo.local')
    // A meeting Tây Hồ's head is not invited to: not listed for him, and refused when asked for.
    const closed = (
      await api(hub.base, as.bithu, 'POST', '/api/meetings', {
        title: 'Họp Thường trực',
        startsAt: new Date().toISOString(),
      })
    ).json.meeting
    const mine = (await api(hub.base, as.tayho, 'GET', '/api/meetings')).json.meetings
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.some((m: any) => m.id === closed.id)).toBe(false)
    expect(
      (await api(hub.base, as.bithu, 'GET', '/api/meetings')).json.meetings.some((m: any) => m.id === closed.id),
    ).toBe(true)
    expect((await api(hub.base, as.tayho, 'GET', `/api/meetings/${closed.id}`)).status).toBe(403)
    expect(
      (await api(hub.base, hk, 'POST', '/api/meetings', { title: 'x', startsAt: new Date().toISOString() })).status,
    ).toBe(403)
    expect((await api(hub.base, as.bithu, 'POST', '/api/meetings', { title: '', startsAt: 'tomorrow' })).status).toBe(
      400,
    )
  })
})
