import { createRoute, z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import { unitPolicy, vnDay } from '@hub/domain'
import { and, asc, eq, gt, lte } from 'drizzle-orm'
import type { Deps } from '../context'
import { forbidden, notFound } from '../errors'
import { presentUnit } from '../services/unit-directory'
import { createRouter, errors, idParam, json } from './router'

const unitKinds = ['city', 'district', 'commune', 'village', 'sector', 'body'] as const
const unitSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    typeLabel: z.string(),
    kind: z.enum(unitKinds),
    parentId: z.string().nullable(),
    aliases: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .openapi('Unit')

export function unitRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['units'],
      summary: 'Danh mục đơn vị / Unit directory',
      request: {
        query: z.object({
          kind: z.enum(unitKinds).optional(),
          parentId: z.string().uuid().optional(),
          /** Only units valid on this day (default: all, including ceased ones). */
          validOn: z.string().date().optional(),
        }),
      },
      responses: { 200: json(z.object({ units: z.array(unitSchema) }), 'Units'), 400: errors[400], 401: errors[401] },
    }),
    (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw forbidden()
      const { kind, parentId, validOn } = c.req.valid('query')
      const units = deps.units
        .all()
        .filter((u) => (!kind || u.kind === kind) && (!parentId || u.parentId === parentId))
        .filter((u) => !validOn || (u.validFrom <= validOn && (!u.validTo || u.validTo >= validOn)))
      return c.json({ units: units.map(presentUnit) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['units'],
      summary: 'Một đơn vị: người đứng đầu, đường dây nóng, lịch trực, đơn vị trực thuộc / A unit page',
      request: { params: idParam },
      responses: {
        200: json(z.object({ unit: z.any() }), 'The unit with head, hotlines, duty now and sub-units'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw forbidden()
      const unit = deps.units.get(c.req.valid('param').id)
      if (!unit) throw notFound('Đơn vị / Unit')
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
      const children = deps.units.tree.childrenOf(unit.id).map((id) => presentUnit(deps.units.get(id)!))
      const successions = await db
        .select()
        .from(schema.unitSuccessions)
        .where(eq(schema.unitSuccessions.predecessorId, unit.id))
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
            successorIds: successions.map((s) => s.successorId),
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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/duty',
      tags: ['public'],
      summary: 'Đường dây nóng và người trực hiện tại / Hotlines and who is on duty now (no login)',
      request: { query: z.object({ kind: z.enum(unitKinds).optional(), parentId: z.string().uuid().optional() }) },
      responses: {
        200: json(z.object({ units: z.array(z.any()), at: z.string() }), 'Per unit hotlines and duty'),
        400: errors[400],
      },
    }),
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
