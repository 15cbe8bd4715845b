import { type Db, type DbOrTx, schema } from '@hub/db'
import { UnitTree, vnDay } from '@hub/domain'
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm'

export type UnitRow = typeof schema.units.$inferSelect

/**
 * The unit tree held in memory: 600-odd rows that every policy check walks. Loaded at start;
 * `reload()` after a change to units.
 */
export class UnitDirectory {
  private rows: UnitRow[] = []
  private byId = new Map<string, UnitRow>()
  tree = new UnitTree([])

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    this.rows = await this.db
      .select()
      .from(schema.units)
      .orderBy(asc(schema.units.kind), asc(schema.units.sortOrder), asc(schema.units.name))
    this.byId = new Map(this.rows.map((r) => [r.id, r]))
    this.tree = new UnitTree(this.rows)
  }

  all(): readonly UnitRow[] {
    return this.rows
  }

  get(id: string): UnitRow | undefined {
    return this.byId.get(id)
  }

  /** The city (root) unit. */
  root(): UnitRow | undefined {
    return this.rows.find((r) => r.kind === 'city' && !r.parentId)
  }
}

/** A unit as the API returns it. */
export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    typeLabel: u.typeLabel,
    kind: u.kind,
    parentId: u.parentId,
    aliases: u.aliases,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }
}

/** Users heading a unit today (who hears about its work when no one person is accountable). */
export async function headsOf(tx: DbOrTx, unitIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!unitIds.length) return out
  const today = vnDay()
  const m = schema.memberships
  const rows = await tx
    .select({ unitId: m.unitId, userId: m.userId })
    .from(m)
    .where(
      and(
        inArray(m.unitId, unitIds),
        eq(m.role, 'unit_head'),
        lte(m.validFrom, today),
        or(isNull(m.validTo), gte(m.validTo, today)),
      ),
    )
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r.userId])
  return out
}
