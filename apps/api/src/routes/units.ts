// The unit directory's endpoints (/api/units): units and a unit's page, who receives for abolished
// units, the handover of their open tasks, reorganisations checked and recorded, predecessors' records;
// and the public hotlines and duty page that needs no login.

import { z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import {
  Forbidden,
  inForce,
  NotFound,
  unitSchema as unitContract,
  unitDetailSchema,
  unitKinds,
  unitPolicy,
  vnDay,
} from '@hub/domain'
import { and, asc, eq, gt, lte } from 'drizzle-orm'
import type { Deps } from '../context'
import { presentUnit, type UnitDirectory } from '../services/unit-directory'
import {
  checkReorganisation,
  handOver,
  handoverProposal,
  inheritedRecords,
  listReorganisations,
  recordReorganisationFile,
} from '../services/unit-succession'
import { operations } from './operation'
import { createRouter, idParam, json } from './router'

const unitSchema = z.object(unitContract.shape).openapi('Unit')

/** A unit with the units it passed its work to and took work over from. */
function datedUnit(units: UnitDirectory, u: Parameters<typeof presentUnit>[0]) {
  return {
    ...presentUnit(u),
    successorIds: units.successorsOf(u.id).map((s) => s.successorId),
    predecessorIds: units.predecessorsOf(u.id).map((s) => s.predecessorId),
  }
}

export function unitRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()
  const op = operations('units')

  app.openapi(
    op(
      'get /',
      'Danh mục đơn vị / Unit directory',
      { 200: json(z.object({ units: z.array(unitSchema) }), 'Units') },
      [400, 401],
      {
        request: {
          query: z.object({
            kind: z.enum(unitKinds).optional(),
            parentId: z.string().uuid().optional(),
            /** The tree of this day; `validOn=` (empty) is today. Without it: every unit, ceased ones included. */
            validOn: z.union([z.literal(''), z.string().date()]).optional(),
          }),
        },
      },
    ),
    (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      const { kind, parentId, validOn } = c.req.valid('query')
      const units = (validOn === undefined ? deps.units.all() : deps.units.onDay(validOn || vnDay())).filter(
        (u) => (!kind || u.kind === kind) && (!parentId || u.parentId === parentId),
      )
      return c.json({ units: units.map((u) => datedUnit(deps.units, u)) }, 200)
    },
  )

  app.openapi(
    op(
      'get /receivers',
      'Ai nhận thay đơn vị đã giải thể / Who receives now for units no longer in force',
      {
        200: json(
          z.object({ receivers: z.record(z.string(), z.array(z.object({ id: z.string(), name: z.string() }))) }),
          'For each unit id, the units in force that day doing its work (itself, or its successors)',
        ),
      },
      [400, 401],
      { request: { query: z.object({ ids: z.string().max(20_000), on: z.string().date().optional() }) } },
    ),
    (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      const { ids, on } = c.req.valid('query')
      const receivers: Record<string, { id: string; name: string }[]> = {}
      for (const id of ids.split(',').filter((x) => deps.units.get(x)))
        receivers[id] = deps.units.receiversOn(id, on).map((u) => ({ id: u.id, name: u.name }))
      return c.json({ receivers }, 200)
    },
  )

  app.openapi(
    op(
      'get /handover',
      'Đề xuất chuyển giao nhiệm vụ của đơn vị đã giải thể / Proposed handover of abolished units’ open tasks',
      { 200: json(z.object({ items: z.array(z.unknown()) }), 'Open tasks of abolished units with their successors') },
      [401, 403, 404],
      { request: { query: z.object({ unitId: z.string().uuid().optional() }) } },
    ),
    async (c) => c.json(await handoverProposal(db, deps.units, c.get('user')!, c.req.valid('query').unitId), 200),
  )

  app.openapi(
    op(
      'post /handover',
      'Chuyển giao nhiệm vụ cho đơn vị kế thừa / Hand open tasks to successors (reviewed, audited)',
      { 200: json(z.object({ tasks: z.array(z.unknown()) }), 'The tasks as handed over') },
      [400, 401, 403, 404, 409],
      {
        request: {
          body: {
            content: {
              'application/json': {
                schema: z.object({
                  items: z
                    .array(z.object({ taskId: z.string().uuid(), toUnitId: z.string().uuid() }))
                    .min(1)
                    .max(2000),
                }),
              },
            },
          },
        },
      },
    ),
    async (c) =>
      c.json(await handOver(deps, deps.units, c.get('user')!, c.req.valid('json').items, c.get('requestId')), 200),
  )

  const fileBody = { body: { content: { 'application/json': { schema: z.object({ file: z.unknown() }) } } } }
  app.openapi(
    op(
      'get /reorganisations',
      'Các lần sắp xếp đơn vị đã ghi / Recorded reorganisations',
      { 200: json(z.object({ reorganisations: z.array(z.unknown()) }), 'Newest first') },
      [401],
    ),
    async (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      return c.json({ reorganisations: await listReorganisations(db) }, 200)
    },
  )
  app.openapi(
    op(
      'post /reorganisations/check',
      'Kiểm tra tệp sắp xếp đơn vị / Check a reorganisation file (nothing written)',
      { 200: json(z.object({ ok: z.boolean(), problems: z.array(z.string()), summary: z.any() }), 'The check') },
      [400, 401, 403],
      { request: fileBody },
    ),
    async (c) => c.json(await checkReorganisation(db, c.get('user')!, deps.units, c.req.valid('json').file), 200),
  )
  app.openapi(
    op(
      'post /reorganisations',
      'Ghi một lần sắp xếp đơn vị sắp có hiệu lực / Record a future reorganisation (checked, audited)',
      { 201: json(z.object({ reorganisation: z.any() }), 'Recorded') },
      [400, 401, 403],
      { request: fileBody },
    ),
    async (c) =>
      c.json(
        await recordReorganisationFile(db, c.get('user')!, deps.units, c.req.valid('json').file, c.get('requestId')),
        201,
      ),
  )

  app.openapi(
    op(
      'get /{id}/history',
      'Hồ sơ của các đơn vị tiền thân / Records of the unit’s predecessors',
      { 200: json(z.object({ history: z.any() }), 'Tasks, reports, inspections and adoptions of predecessors') },
      [401, 403, 404],
      { request: { params: idParam } },
    ),
    async (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      return c.json({ history: await inheritedRecords(db, deps.units, c.get('user')!, c.req.valid('param').id) }, 200)
    },
  )

  app.openapi(
    op(
      'get /{id}',
      'Một đơn vị: người đứng đầu, đường dây nóng, lịch trực, đơn vị trực thuộc / A unit page',
      { 200: json(z.object({ unit: unitDetailSchema }), 'The unit with head, hotlines, duty now and sub-units') },
      [401, 404],
      { request: { params: idParam } },
    ),
    async (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      const unit = deps.units.get(c.req.valid('param').id)
      if (!unit) throw new NotFound('unit')
      const people = await db
        .select()
        .from(schema.people)
        .where(eq(schema.people.unitId, unit.id))
        .orderBy(asc(schema.people.createdAt))
      const hotlines = await db.select().from(schema.hotlines).where(eq(schema.hotlines.unitId, unit.id))
      const now = new Date()
      const duty = await db
        .select({
          startsAt: schema.dutyShifts.startsAt,
          endsAt: schema.dutyShifts.endsAt,
          phone: schema.dutyShifts.phone,
          name: schema.people.fullName,
          position: schema.people.position,
        })
        .from(schema.dutyShifts)
        .innerJoin(schema.people, eq(schema.people.id, schema.dutyShifts.personId))
        .where(and(eq(schema.dutyShifts.unitId, unit.id), gt(schema.dutyShifts.endsAt, now)))
        .orderBy(asc(schema.dutyShifts.startsAt))
        .limit(12)
      // Sub-units of the unit's last day in force: a closed district keeps its communes, the city shows today's.
      const lastDay = unit.validTo && unit.validTo < vnDay() ? unit.validTo : vnDay()
      const children = deps.units.tree
        .childrenOf(unit.id)
        .map((id) => deps.units.get(id)!)
        .filter((u) => inForce(u, lastDay))
        .map(presentUnit)
      const linked = (id: string, share: string) => ({ ...presentUnit(deps.units.get(id)!), share })
      return c.json(
        {
          unit: {
            ...presentUnit(unit),
            parent: unit.parentId ? presentUnit(deps.units.get(unit.parentId)!) : null,
            head: people[0]
              ? { id: people[0].id, fullName: people[0].fullName, position: people[0].position, phone: people[0].phone }
              : null,
            people: people.map((p) => ({ id: p.id, fullName: p.fullName, position: p.position, phone: p.phone })),
            hotlines: hotlines.map((h) => ({ label: h.label, phone: h.phone })),
            onDuty: duty
              .filter((d) => d.startsAt <= now)
              .map((d) => ({ ...d, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() })),
            roster: duty.map((d) => ({ ...d, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() })),
            children,
            successorIds: deps.units.successorsOf(unit.id).map((s) => s.successorId),
            successors: deps.units.successorsOf(unit.id).map((s) => linked(s.successorId, s.share)),
            predecessors: deps.units.predecessorsOf(unit.id).map((s) => linked(s.predecessorId, s.share)),
            receivers: unit.validTo ? deps.units.receiversOn(unit.id).map(presentUnit) : [],
            today: vnDay(),
          },
        },
        200,
      )
    },
  )
  return app
}

/** GET /api/public/duty: hotlines and who is on duty now, per unit; no login, for the public. */
export function publicDutyRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()
  const op = operations('public')
  app.openapi(
    op(
      'get /duty',
      'Đường dây nóng và người trực hiện tại / Hotlines and who is on duty now (no login)',
      { 200: json(z.object({ units: z.array(z.any()), at: z.string() }), 'Per unit hotlines and duty') },
      [400],
      { request: { query: z.object({ kind: z.enum(unitKinds).optional(), parentId: z.string().uuid().optional() }) } },
    ),
    async (c) => {
      const { kind, parentId } = c.req.valid('query')
      const now = new Date()
      const [hotlines, onDuty] = await Promise.all([
        db.select().from(schema.hotlines),
        db
          .select({
            unitId: schema.dutyShifts.unitId,
            phone: schema.dutyShifts.phone,
            endsAt: schema.dutyShifts.endsAt,
            name: schema.people.fullName,
            position: schema.people.position,
            personalPhone: schema.people.phone,
          })
          .from(schema.dutyShifts)
          .innerJoin(schema.people, eq(schema.people.id, schema.dutyShifts.personId))
          .where(and(lte(schema.dutyShifts.startsAt, now), gt(schema.dutyShifts.endsAt, now))),
      ])
      const group = <T extends { unitId: string }>(rows: T[]) => {
        const m = new Map<string, T[]>()
        for (const r of rows) m.set(r.unitId, [...(m.get(r.unitId) ?? []), r])
        return m
      }
      const h = group(hotlines)
      const d = group(onDuty)
      const units = deps.units
        .all()
        .filter((u) => (!kind || u.kind === kind) && (!parentId || u.parentId === parentId) && !u.validTo)
        .map((u) => ({
          unitId: u.id,
          unitName: u.name,
          kind: u.kind,
          hotlines: (h.get(u.id) ?? []).map((x) => ({ label: x.label, phone: x.phone })),
          onDuty: (d.get(u.id) ?? []).map((x) => ({
            name: x.name,
            position: x.position,
            // The duty desk's office line; a roster that names the officer's own mobile falls back to
            // the unit's hotline: personal numbers are never published.
            phone: x.phone && x.phone !== x.personalPhone ? x.phone : (h.get(u.id)?.[0]?.phone ?? null),
            until: x.endsAt.toISOString(),
          })),
        }))
      return c.json({ units, at: now.toISOString() }, 200)
    },
  )
  return app
}
