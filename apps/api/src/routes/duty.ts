// GET /api/duty/gaps: the hours ahead with nobody on duty, per unit the caller may watch, read from the
// rosters by the accountability jobs' gap finder.

import { createRoute, z } from '@hono/zod-openapi'
import { dutyPolicy, Forbidden, NotFound } from '@hub/domain'
import type { Deps } from '../context'
import { findRosterGaps } from '../services/accountability-jobs'
import { createRouter, errorsFor, json } from './router'

/** /api/duty/gaps: the hours nobody is on duty, per unit, in the next hours (flagged to the head). */
export function dutyRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/gaps',
      tags: ['units'],
      summary: 'Khoảng trống lịch trực / Gaps in duty rosters',
      request: {
        query: z.object({
          unitId: z.string().uuid().optional(),
          hours: z.coerce
            .number()
            .int()
            .min(1)
            .max(24 * 14)
            .default(48),
        }),
      },
      responses: {
        200: json(
          z.object({
            from: z.string(),
            to: z.string(),
            units: z.array(
              z.object({
                unitId: z.string(),
                unitName: z.string(),
                gaps: z.array(z.object({ from: z.string(), to: z.string(), hours: z.number() })),
              }),
            ),
          }),
          'Units with gaps',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const user = c.get('user')!
      const { unitId, hours } = c.req.valid('query')
      if (unitId && !deps.units.get(unitId)) throw new NotFound('unit')
      if (unitId && !dutyPolicy.readGaps(user, deps.units.tree, unitId)) throw new Forbidden()
      const scope = unitId
        ? deps.units.tree.subtree(unitId)
        : deps.units
            .all()
            .filter((u) => dutyPolicy.readGaps(user, deps.units.tree, u.id))
            .map((u) => u.id)
      const from = new Date()
      const to = new Date(from.getTime() + hours * 3_600_000)
      const found = await findRosterGaps(deps.dbh.db, deps.units, from, to, scope)
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          units: found.map((f) => ({
            ...f,
            gaps: f.gaps.map((g) => ({ from: g.from.toISOString(), to: g.to.toISOString(), hours: g.hours })),
          })),
        },
        200,
      )
    },
  )
  return app
}
