// The unit tree every policy check walks, held in memory with its reorganisations, and the unit-name
// matcher built on it; one per hub, shared through the dependencies by every service, route and the
// live rooms.

import { type Db, type DbOrTx, schema } from '@hub/db'
import { createUnitMatcher, inForce, type UnitMention, type UnitRef, UnitTree, vnDay } from '@hub/domain'
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm'

export type UnitRow = typeof schema.units.$inferSelect

export type Succession = typeof schema.unitSuccessions.$inferSelect

/**
 * The unit tree held in memory: 800-odd rows that every policy check walks, with the successions
 * between them (the dated tree: 2021's units, closed on 30/06/2025, and their successors). Loaded at
 * start; `reload()` after a change to units, which starts a new version of the tree.
 */
export class UnitDirectory {
  private rows: UnitRow[] = []
  private byId = new Map<string, UnitRow>()
  private successions: Succession[] = []
  private matchers = new Map<string, (text: string) => UnitMention[]>()
  tree = new UnitTree([])
  /** Goes up on every reload: what is cached per tree (matchers) is cached per version. */
  version = 0

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    this.rows = await this.db
      .select()
      .from(schema.units)
      .orderBy(asc(schema.units.kind), asc(schema.units.sortOrder), asc(schema.units.name))
    this.byId = new Map(this.rows.map((r) => [r.id, r]))
    this.tree = new UnitTree(this.rows)
    this.successions = await this.db.select().from(schema.unitSuccessions)
    this.matchers = new Map()
    this.version++
  }

  /** The units in force on a day (YYYY-MM-DD; default today). */
  onDay(day = vnDay()): UnitRow[] {
    return this.rows.filter((u) => inForce(u, day))
  }

  /** The units that took over a unit's work, with whole or part. */
  successorsOf(id: string): Succession[] {
    return this.successions.filter((s) => s.predecessorId === id)
  }

  /** The units whose work a unit took over. */
  predecessorsOf(id: string): Succession[] {
    return this.successions.filter((s) => s.successorId === id)
  }

  /** Every unit a unit took work over from, through every reorganisation back. */
  ancestryOf(id: string): string[] {
    const out: string[] = []
    const queue = [id]
    while (queue.length) {
      for (const s of this.predecessorsOf(queue.shift()!)) {
        if (out.includes(s.predecessorId)) continue
        out.push(s.predecessorId)
        queue.push(s.predecessorId)
      }
    }
    return out
  }

  /** Who does a unit's work on a day: the unit if in force, else its successors then in force. */
  receiversOn(id: string, day = vnDay()): UnitRow[] {
    const seen = new Set<string>()
    const out: UnitRow[] = []
    const walk = (uid: string) => {
      if (seen.has(uid)) return
      seen.add(uid)
      const u = this.byId.get(uid)
      if (u && inForce(u, day)) out.push(u)
      else for (const s of this.successorsOf(uid)) walk(s.successorId)
    }
    walk(id)
    return out
  }

  /** The directory as the matcher sees it (dated), limited to a part of the tree. */
  refs(withinUnitId: string | null = null): UnitRef[] {
    const within = withinUnitId ? new Set(this.tree.subtree(withinUnitId)) : null
    return this.rows
      .filter((u) => !within || within.has(u.id))
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        code: u.code,
        parentId: u.parentId,
        aliases: u.aliases,
        validFrom: u.validFrom,
        validTo: u.validTo,
      }))
  }

  /**
   * A matcher reading texts on the tree of a day, within a part of the tree; built once per tree
   * version, day and part (building one compiles a pattern of every unit's names), not per request.
   */
  matcherOn(day: string, withinUnitId: string | null = null): (text: string) => UnitMention[] {
    const key = `${day}|${withinUnitId ?? ''}`
    let m = this.matchers.get(key)
    if (!m) {
      if (this.matchers.size >= 64) this.matchers.clear()
      m = createUnitMatcher(this.refs(withinUnitId), { on: day })
      this.matchers.set(key, m)
    }
    return m
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
