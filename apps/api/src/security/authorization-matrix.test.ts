// The authorization matrix on a real hub (PGlite, demo city): the heads of Tây Hồ and of one of its wards ask
// for another district's records, planted with markers, by every id in every OpenAPI route's paths, queries
// and write fields, socket.io rooms and collab upgrades: nothing they get bears a marker, nothing changes.

import { randomUUID } from 'node:crypto'
import { schema } from '@hub/db'
import { inArray, or } from 'drizzle-orm'
import type { Socket } from 'socket.io-client'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, liveSocket, nextEvent, subscribe, upgradeStatus, useLiveHub } from '../testing/live-hub'
import { fillPath, type Operation, operationsOf } from './openapi-routes'

const { hub, as } = useLiveHub(['bithu', 'hoankiem', 'vanphong', 'tayho', 'quangan'])
let ops: Operation[]
let components: Record<string, any>
const marker = `MAT-${randomUUID().slice(0, 8)}`
const secret: Record<string, string> = {}
let outsiders: { name: string; cookie: string }[] = []
let ids: { kind: string; id: string }[] = []
let tayhoId: string
let issuedId: string

beforeAll(async () => {
  outsiders = [
    { name: 'tayho', cookie: as.tayho },
    { name: 'quangan', cookie: as.quangan },
  ]
  const districts = (await api(hub.base, as.bithu, 'GET', '/api/units?kind=district')).json.units
  const hk = districts.find((u: { name: string }) => u.name === 'Quận Hoàn Kiếm').id
  tayhoId = districts.find((u: { name: string }) => u.name === 'Quận Tây Hồ').id
  issuedId = (await api(hub.base, as.bithu, 'GET', '/api/directives')).json.directives.find(
    (d: { status: string }) => d.status === 'issued' || d.status === 'in_force',
  ).id
  const draft = await api(hub.base, as.vanphong, 'POST', '/api/directives', { kind: 'CT', title: `Dự thảo ${marker}` })
  const meeting = await api(hub.base, as.bithu, 'POST', '/api/meetings', {
    title: `Họp kín ${marker}`,
    startsAt: '2031-05-02T08:00:00+07:00',
  })
  const task = await api(hub.base, as.bithu, 'POST', '/api/tasks', {
    title: `Việc của Hoàn Kiếm ${marker}`,
    description: `Chi tiết ${marker}`,
    leadUnitId: hk,
    directiveId: issuedId,
    meetingId: meeting.json.meeting.id,
    dueAt: '2031-06-01',
  })
  const report = await api(hub.base, as.hoankiem, 'POST', `/api/tasks/${task.json.task.id}/reports`, {
    progress: 20,
    narrative: `Báo cáo ${marker}`,
  })
  const periodic = await api(hub.base, as.hoankiem, 'POST', '/api/reports', {
    unitId: hk,
    body: `Báo cáo định kỳ ${marker}`,
    difficulties: `Khó khăn ${marker}`,
  })
  for (const r of [draft, meeting, task, report, periodic]) expect(r.status).toBe(201)
  Object.assign(secret, {
    task: task.json.task.id,
    report: report.json.report.id,
    directive: draft.json.directive.id,
    meeting: meeting.json.meeting.id,
    periodic: periodic.json.report.id,
    unit: hk,
  })
  ids = Object.entries(secret).map(([kind, id]) => ({ kind, id }))
  const doc = (await fetch(`${hub.base}/api/openapi.json`).then((r) => r.json())) as any
  ops = operationsOf(doc)
  components = doc.components?.schemas ?? {}
})

/** The state of the secret records: any change to them or anything newly linked to them shows here. */
async function secretState() {
  const db = hub.deps.dbh.db
  const all = Object.values(secret)
  const tasks = await db
    .select({ id: schema.tasks.id, v: schema.tasks.version })
    .from(schema.tasks)
    .where(
      or(
        inArray(schema.tasks.id, all),
        inArray(schema.tasks.parentTaskId, all),
        inArray(schema.tasks.directiveId, [secret.directive!]),
        inArray(schema.tasks.meetingId, [secret.meeting!]),
      ),
    )
  const directives = await db
    .select({ v: schema.directives.version })
    .from(schema.directives)
    .where(inArray(schema.directives.id, all))
  const meetings = await db.select().from(schema.meetings).where(inArray(schema.meetings.id, all))
  const reports = await db
    .select({ id: schema.reports.id })
    .from(schema.reports)
    .where(or(inArray(schema.reports.taskId, all), inArray(schema.reports.id, all)))
  const audit = await db
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(inArray(schema.auditLog.entityId, all))
  return JSON.stringify({ tasks, directives, meetings, reports, audit: audit.length })
}

const resolve = (s: any): any => (s?.$ref ? resolve(components[s.$ref.split('/').pop()]) : (s ?? {}))

/** Which secret id a field or parameter name asks for. */
function idFor(name: string, fallback: string): string {
  const n = name.toLowerCase()
  if (n.includes('parenttask') || n === 'taskid') return secret.task!
  if (n.includes('directive')) return secret.directive!
  if (n.includes('meeting')) return secret.meeting!
  if (n.includes('unit') || n === 'districtid') return secret.unit!
  if (n.includes('assignee') || n.includes('accountable')) return secret.unit!
  return fallback
}

/** A write body naming the secret records in every linked-id field, plausible elsewhere. */
function linkBody(raw: any, fallback: string, depth = 0): unknown {
  const s = resolve(raw)
  if (s.enum) return s.enum[0]
  if (s.format === 'uuid') return fallback
  if (s.type === 'string') return `thử ${marker}`
  if (s.type === 'integer' || s.type === 'number') return 1
  if (s.type === 'boolean') return true
  if (s.type === 'array') return depth < 3 ? [linkBody(s.items, fallback, depth + 1)] : []
  if (s.properties && depth < 4)
    return Object.fromEntries(
      Object.entries<any>(s.properties).map(([k, v]) => {
        const inner = resolve(v)
        const asId =
          inner.format === 'uuid' || (inner.type === 'array' && resolve(inner.items).format === 'uuid')
            ? idFor(k, fallback)
            : null
        if (asId) return [k, inner.type === 'array' ? [asId] : asId]
        return [k, linkBody(v, fallback, depth + 1)]
      }),
    )
  for (const alt of s.anyOf ?? s.oneOf ?? []) return linkBody(alt, fallback, depth + 1)
  return null
}

async function call(cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(hub.base + path, {
    method,
    headers: { cookie, origin: hub.base, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  return { status: r.status, text: await r.text() }
}

describe('authorization matrix', () => {
  it('HTTP: no route, with any id of another district in any parameter or field, shows or changes its records', async () => {
    // The secret records are readable by those who may (so the markers would show if leaked).
    expect((await call(as.hoankiem, 'GET', `/api/tasks/${secret.task}`)).text).toContain(marker)
    const before = await secretState()
    let checks = 0
    const leaks: string[] = []
    const skip = new Set(['/api/auth/logout', '/api/auth/logout-all', '/api/auth/password'])
    const routes = ops.filter((op) => !skip.has(op.path) && (!op.bodyType || op.bodyType.includes('json')))
    for (const who of outsiders)
      for (const op of routes)
        for (const { id } of ids) {
          const pathValues = Object.fromEntries(op.pathParams.map((p) => [p, p === 'type' ? 'task' : idFor(p, id)]))
          const variants: { path: string; body?: unknown }[] = []
          const base = fillPath(op.path, pathValues)
          if (op.method === 'GET') {
            variants.push({ path: base })
            for (const q of op.query)
              variants.push({
                path: `${base}?${q.name}=${encodeURIComponent(q.name === 'q' ? marker : idFor(q.name, id))}`,
              })
          } else {
            variants.push({ path: base, body: {} })
            if (op.body) variants.push({ path: base, body: linkBody(op.body, id) })
          }
          for (const v of variants) {
            const r = await call(who.cookie, op.method, v.path, v.body)
            checks++
            if (r.text.includes(marker)) leaks.push(`${who.name} ${op.method} ${v.path} → ${r.status}`)
            if (
              op.method !== 'GET' &&
              r.status < 300 &&
              JSON.stringify(v.body ?? {}).includes(id) &&
              op.pathParams.length
            )
              leaks.push(`${who.name} ${op.method} ${v.path} accepted (${r.status})`)
          }
        }
    expect(leaks).toEqual([])
    expect(await secretState()).toBe(before)
    console.log(
      `matrix (HTTP): ${routes.length} routes × ${outsiders.length} outsider roles × ${ids.length} other-unit ids = ${checks} requests: 0 leaks, 0 changes`,
    )
  }, 600_000)

  it('socket.io: rooms of the other district refuse them, and rooms they may join never carry its records', async () => {
    const sockets: Socket[] = []
    let rooms = 0
    try {
      for (const who of outsiders) {
        const s = await liveSocket(hub.base, who.cookie)
        sockets.push(s)
        const hkUser = (await api(hub.base, as.hoankiem, 'GET', '/api/auth/me')).json.user.id
        for (const room of [
          `unit:${secret.unit}`,
          `directive:${secret.directive}`,
          `meeting:${secret.meeting}`,
          `user:${hkUser}`,
          `directive:${issuedId}|reach:${secret.unit}`,
          `session:x`,
        ]) {
          expect(await subscribe(s, room), `${who.name} ${room}`).toMatchObject({ ok: false })
          rooms++
        }
        for (const room of [
          `directive:${issuedId}`,
          `user:${(await api(hub.base, who.cookie, 'GET', '/api/auth/me')).json.user.id}`,
        ]) {
          expect(await subscribe(s, room)).toEqual({ ok: true })
          rooms++
        }
        if (who.name === 'tayho') expect(await subscribe(s, `unit:${tayhoId}`)).toEqual({ ok: true })
      }
      const received: string[] = []
      for (const s of sockets) s.onAny((event, payload) => received.push(`${event} ${JSON.stringify(payload)}`))
      // Changes to the secret records, then a change the outsiders do see as a barrier.
      const t = (await api(hub.base, as.bithu, 'GET', `/api/tasks/${secret.task}`)).json.task
      expect(
        (await api(hub.base, as.bithu, 'PATCH', `/api/tasks/${secret.task}`, { version: t.version, progress: 40 }))
          .status,
      ).toBe(200)
      expect(
        (
          await api(hub.base, as.hoankiem, 'POST', `/api/tasks/${secret.task}/reports`, {
            progress: 50,
            narrative: `Nữa ${marker}`,
          })
        ).status,
      ).toBe(201)
      const barrier = `Rào chắn ${Date.now()}`
      const arrivals = sockets.map((s) => nextEvent(s, 'task:created', (p: any) => p.task.title === barrier, 10_000))
      const ward = (await api(hub.base, outsiders[1]!.cookie, 'GET', '/api/auth/me')).json.user.unitId
      await api(hub.base, as.bithu, 'POST', '/api/tasks', {
        title: barrier,
        leadUnitId: tayhoId,
        supportUnitIds: [ward],
        directiveId: issuedId,
      })
      for (const a of arrivals) expect(await a).not.toBeNull()
      expect(received.filter((r) => r.includes(marker))).toEqual([])
      console.log(`matrix (socket.io): ${rooms} room joins checked for ${outsiders.length} outsider roles: 0 leaks`)
    } finally {
      for (const s of sockets) s.close()
    }
  })

  it('collab: upgrades to documents of records they may not read are refused', async () => {
    let upgrades = 0
    for (const who of outsiders)
      for (const doc of [`directive:${secret.directive}`, `plan:${secret.directive}`, `meeting:${secret.meeting}`]) {
        const outcome = await upgradeStatus(hub.base, `/collab/${encodeURIComponent(doc)}`, { cookie: who.cookie })
        expect(outcome, `${who.name} ${doc}`).toBe(403)
        upgrades++
      }
    console.log(`matrix (collab): ${upgrades} upgrades by ${outsiders.length} outsider roles: all refused`)
  })
})
