// Live events of the accountability records on real sockets: a unit's periodic report reaches its
// own room and the office (the "who has not reported" list) but not another district; an
// inspection's unpublished conclusion reaches the committee and the recorder, not the inspected
// unit, which hears of it when it is published.
import { vnDay } from '@hub/domain'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, liveSocket, nextEvent, subscribe, useLiveHub } from '../testing/live-hub'

const { hub, as: cookies } = useLiveHub(['bithu', 'vanphong', 'tayho', 'hoankiem', 'kiemtra'])
let tayhoId: string
let hoankiemId: string
const opened: Socket[] = []
const open = async (who: keyof typeof cookies, room?: string) => {
  const s = await liveSocket(hub.base, cookies[who])
  opened.push(s)
  if (room) expect(await subscribe(s, room)).toEqual({ ok: true })
  return s
}
/** Every event of a name a socket receives, in order. */
const record = (s: Socket, name: string) => {
  const seen: any[] = []
  s.on(name, (p: any) => seen.push(p))
  return seen
}

beforeAll(async () => {
  const districts = (await api(hub.base, cookies.bithu, 'GET', '/api/units?kind=district')).json.units
  tayhoId = districts.find((u: { name: string }) => u.name === 'Quận Tây Hồ').id
  hoankiemId = districts.find((u: { name: string }) => u.name === 'Quận Hoàn Kiếm').id
})
afterAll(async () => {
  for (const s of opened) s.close()
})

describe('live accountability events', () => {
  it('a unit report reaches its unit’s room and the office without subscribing, never another district', async () => {
    const unit = await open('tayho', `unit:${tayhoId}`)
    const office = await open('vanphong')
    const other = await open('hoankiem', `unit:${hoankiemId}`)
    const otherSeen = record(other, 'unit-report:submitted')
    const mine = (p: any) => p.report.unitId === tayhoId
    const atUnit = nextEvent(unit, 'unit-report:submitted', mine, 10_000)
    const atOffice = nextEvent(office, 'unit-report:submitted', mine, 10_000)
    const res = await api(hub.base, cookies.tayho, 'POST', '/api/reports', {
      unitId: tayhoId,
      body: 'Đã phát 12.000 phiếu đi chợ cho 8 phường (kiểm thử sự kiện).',
    })
    expect(res.status).toBe(201)
    for (const got of await Promise.all([atUnit, atOffice]))
      expect(got?.report).toMatchObject({ id: res.json.report.id, unitId: tayhoId, period: vnDay(), onTime: true })
    // Hoàn Kiếm's own report after it: events go out in order, so Tây Hồ's would have come first.
    const barrier = nextEvent(other, 'unit-report:submitted', (p: any) => p.report.unitId === hoankiemId, 10_000)
    const own = await api(hub.base, cookies.hoankiem, 'POST', '/api/reports', { unitId: hoankiemId, body: 'Ổn định.' })
    expect(own.status).toBe(201)
    expect(await barrier).not.toBeNull()
    expect(otherSeen.map((p) => p.report.id)).toEqual([own.json.report.id])
  })

  it('an unpublished inspection reaches the committee and its recorder, not the inspected unit, until published', async () => {
    const committee = await open('bithu')
    const recorder = await open('kiemtra')
    const unit = await open('tayho', `unit:${tayhoId}`)
    const other = await open('hoankiem', `unit:${hoankiemId}`)
    const unitRecorded = record(unit, 'inspection:recorded')
    const otherSeen = [...['inspection:recorded', 'inspection:published'].map((n) => record(other, n))]
    const ofTayho = (p: any) => p.inspection.unitId === tayhoId
    const atCommittee = nextEvent(committee, 'inspection:recorded', ofTayho, 10_000)
    const atRecorder = nextEvent(recorder, 'inspection:recorded', ofTayho, 10_000)
    const findings = 'Chốt kiểm soát cửa ngõ bỏ trống lúc 23 giờ (kiểm thử sự kiện).'
    const res = await api(hub.base, cookies.kiemtra, 'POST', '/api/inspections', {
      unitId: tayhoId,
      kind: 'unannounced',
      date: vnDay(),
      findings,
      outcome: 'criticise',
    })
    expect(res.status).toBe(201)
    const id = res.json.inspection.id
    for (const got of await Promise.all([atCommittee, atRecorder])) {
      expect(got?.inspection).toMatchObject({ id, outcome: 'criticise', published: false })
      // The socket carries which unit and the outcome; the findings stay on the server.
      expect(JSON.stringify(got)).not.toContain('bỏ trống')
    }
    // Published: now the unit hears of it, with its outcome; it never heard of the recording.
    const atUnit = nextEvent(unit, 'inspection:published', (p: any) => p.inspection.id === id, 10_000)
    expect((await api(hub.base, cookies.kiemtra, 'POST', `/api/inspections/${id}/publish`)).status).toBe(200)
    expect((await atUnit)?.inspection).toMatchObject({ id, outcome: 'criticise', published: true })
    expect(unitRecorded).toEqual([])
    // Another district heard of neither; its own inspection recorded as published, sent after, is the barrier.
    const barrier = nextEvent(other, 'inspection:recorded', (p: any) => p.inspection.unitId === hoankiemId, 10_000)
    await api(hub.base, cookies.kiemtra, 'POST', '/api/inspections', {
      unitId: hoankiemId,
      kind: 'planned',
      date: vnDay(),
      findings: 'Đã triển khai đủ các chốt.',
      outcome: 'commend',
      published: true,
    })
    expect(await barrier).not.toBeNull()
    expect(otherSeen[0]!.every((p) => p.inspection.unitId === hoankiemId)).toBe(true)
    expect(otherSeen[1]!.every((p) => p.inspection.unitId === hoankiemId)).toBe(true)
  })
})
