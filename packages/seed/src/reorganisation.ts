// Writes a checked reorganisation into the dated tree: the new units from its day, the closing
// units ended on its eve, and the successions (whole or part). Used by the seed and the office's API.
import { type Db, schema } from '@hub/db'
import type { DatedUnit, ReorganisationPlan } from '@hub/domain'
import { inArray } from 'drizzle-orm'

const { unitReorganisations, unitSuccessions, units } = schema

/** A seeded unit's id, code and names, as the inserts return them. */
export const unitNames = {
  id: units.id,
  code: units.code,
  name: units.name,
  shortName: units.shortName,
  typeLabel: units.typeLabel,
}

/** The whole tree as the reorganisation check reads it. */
export async function datedTree(db: Db): Promise<DatedUnit[]> {
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
}

/** Records a planned reorganisation (call inside a transaction); returns it and its new units. */
export async function recordReorganisation(
  db: Db,
  plan: ReorganisationPlan,
  recordedBy: string | null,
): Promise<{
  id: string
  newUnits: { id: string; code: string; name: string; shortName: string; typeLabel: string }[]
}> {
  const [reorg] = await db
    .insert(unitReorganisations)
    .values({ basis: plan.basis, effectiveOn: plan.effectiveOn, recordedBy })
    .returning({ id: unitReorganisations.id })
  const newUnits = await db
    .insert(units)
    .values(plan.newUnits.map((u) => ({ ...u, parentId: plan.parentId, validFrom: plan.effectiveOn })))
    .returning(unitNames)
  const idOf = new Map(newUnits.map((u) => [u.code, u.id]))
  for (let i = 0; i < plan.closingIds.length; i += 500)
    await db
      .update(units)
      .set({ validTo: plan.closesOn })
      .where(inArray(units.id, plan.closingIds.slice(i, i + 500)))
  const links = plan.links.map((l) => ({
    predecessorId: l.predecessorId,
    successorId: idOf.get(l.successorCode)!,
    share: l.share,
    effectiveOn: plan.effectiveOn,
    reorganisationId: reorg!.id,
  }))
  for (let i = 0; i < links.length; i += 500) await db.insert(unitSuccessions).values(links.slice(i, i + 500))
  return { id: reorg!.id, newUnits }
}
