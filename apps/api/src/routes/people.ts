// GET /api/people: the directory's people (name, position, unit, account), listed by unit or found by
// name, for whoever may read the unit directory.

import { z } from '@hono/zod-openapi'
import { schema } from '@hub/db'
import { Forbidden, personSchema as personContract, unitPolicy } from '@hub/domain'
import { asc, eq, ilike } from 'drizzle-orm'
import type { Deps } from '../context'
import { operations } from './operation'
import { createRouter, json } from './router'

const personSchema = z.object(personContract.shape).openapi('Person')

export function peopleRoutes(deps: Deps) {
  const db = deps.dbh.db
  const app = createRouter()
  const op = operations('people')
  app.openapi(
    op(
      'get /',
      'Cán bộ theo đơn vị / People by unit',
      { 200: json(z.object({ people: z.array(personSchema) }), 'People') },
      [400, 401],
      {
        request: {
          query: z.object({
            unitId: z.string().uuid().optional(),
            q: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
    ),
    async (c) => {
      if (!unitPolicy.read(c.get('user')!)) throw new Forbidden()
      const { unitId, q, limit } = c.req.valid('query')
      const p = schema.people
      const rows = await db
        .select({
          id: p.id,
          fullName: p.fullName,
          position: p.position,
          unitId: p.unitId,
          phone: p.phone,
          userId: schema.users.id,
        })
        .from(p)
        .leftJoin(schema.users, eq(schema.users.personId, p.id))
        .where(unitId ? eq(p.unitId, unitId) : q ? ilike(p.fullName, `%${q.replace(/[%_\\]/g, '')}%`) : undefined)
        .orderBy(asc(p.fullName))
        .limit(limit)
      return c.json({ people: rows }, 200)
    },
  )
  return app
}
