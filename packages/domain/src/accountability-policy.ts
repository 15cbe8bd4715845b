// Who may read and configure the measure, submit, read and decide periodic reports, inspect, and keep duty
// rosters: the accountability policies the API's services apply.

import { type Actor, inspectionPolicy, type Role } from './policies'
import type { UnitTree } from './unit-tree'

const reaches = (actor: Actor, tree: UnitTree, unitId: string, allowed: ReadonlySet<Role> | null) =>
  actor.grants.some((g) => (allowed === null || allowed.has(g.role)) && tree.isWithin(unitId, g.unitId))

/** Roles that report for the unit they hold the role in. */
const reporting: ReadonlySet<Role> = new Set(['unit_head', 'unit_staff', 'committee_member', 'office_drafter', 'admin'])
/** Roles that oversee the units in their reach: they direct or inspect them. */
export const overseeingRoles: ReadonlySet<Role> = new Set(['admin', 'committee_member', 'office_drafter', 'inspector'])
const seeingAll = overseeingRoles
const committee: ReadonlySet<Role> = new Set(['admin', 'committee_member'])

/** Who may read the measure of a unit: anyone whose reach covers it (heads see their own and below). */
export const measurePolicy = {
  read(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, null)
  },
  /** The weights and thresholds belong to the standing committee of the unit at the top. */
  configure(actor: Actor, tree: UnitTree, rootUnitId: string): boolean {
    return reaches(actor, tree, rootUnitId, committee)
  },
}

/** Periodic reports: a unit reports only for itself; they are read by those whose reach covers it. */
export const reportPolicy = {
  /** Only one's own unit: the unit the actor holds a reporting role in, not a sub-unit, not another unit. */
  submit(actor: Actor, unitId: string): boolean {
    return actor.grants.some((g) => g.unitId === unitId && reporting.has(g.role))
  },
  read(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, null)
  },
  /** Difficulties raised in a report are decided by the committee and the office above the unit. */
  decide(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, new Set<Role>(['admin', 'committee_member', 'office_drafter']))
  },
  /** The office's "who has not reported" list: those who direct or inspect the units. */
  oversee(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, seeingAll)
  },
}

export const accountabilityInspectionPolicy = {
  /**
   * Inspectors and the standing committee record inspections of units in their reach; a unit never
   * inspects itself: not the unit the actor belongs to, not a unit above it, not a unit the actor
   * holds any role in.
   */
  record(actor: Actor & { unitId?: string | null }, tree: UnitTree, unitId: string): boolean {
    if (!inspectionPolicy.record(actor, tree, unitId)) return false
    if (actor.grants.some((g) => g.unitId === unitId && g.role !== 'inspector' && g.role !== 'committee_member'))
      return false
    if (actor.unitId && tree.isWithin(actor.unitId, unitId)) return false
    return true
  },
  /**
   * Inspections of a unit are read by those whose reach covers it; an unannounced one that has not
   * happened yet is hidden from the inspected unit's own people.
   */
  read(actor: Actor, tree: UnitTree, i: { unitId: string; unannounced: boolean; date: string }, today: string) {
    if (!inspectionPolicy.read(actor, tree, i.unitId)) return false
    if (i.unannounced && i.date > today) return reaches(actor, tree, i.unitId, seeingAll)
    return true
  },
  /**
   * Who reads an inspection's conclusion (findings, conclusion, outcome, checklist). Once published,
   * everyone who may read the inspection. Before that, only its recorder, the members of its team,
   * and those who direct or inspect from above the unit (the standing committee, the office,
   * inspectors): never the inspected unit itself (its head and staff, nor a committee member or
   * inspector of that unit or below it), who learns the outcome when it is published to it.
   */
  readConclusion(
    actor: Actor & { unitId?: string | null },
    tree: UnitTree,
    i: { unitId: string; published: boolean; createdBy: string | null; teamId?: string | null },
    teamIdsOfActor: ReadonlySet<string> = new Set(),
  ): boolean {
    if (!inspectionPolicy.read(actor, tree, i.unitId)) return false
    if (i.published) return true
    if (i.createdBy !== null && i.createdBy === actor.userId) return true
    if (i.teamId && teamIdsOfActor.has(i.teamId)) return true
    if (actor.unitId && tree.isWithin(actor.unitId, i.unitId)) return false
    return actor.grants.some((g) => seeingAll.has(g.role) && g.unitId !== i.unitId && tree.isWithin(i.unitId, g.unitId))
  },
  /**
   * An inspection made by a team set up by decision is recorded by that team's members (its leader
   * included) or by the standing committee over the unit.
   */
  recordForTeam(actor: Actor & { userId: string }, tree: UnitTree, unitId: string, teamMemberIds: readonly string[]) {
    return teamMemberIds.includes(actor.userId) || reaches(actor, tree, unitId, committee)
  },
  /** The conclusion is published to the unit by whoever recorded it, or by the standing committee over the unit. */
  publish(actor: Actor & { userId: string }, tree: UnitTree, i: { unitId: string; createdBy: string | null }) {
    return (i.createdBy !== null && i.createdBy === actor.userId) || reaches(actor, tree, i.unitId, committee)
  },
}

/** Inspection teams are set up by a decision of the standing committee (or by an administrator). */
export const inspectionTeamPolicy = {
  create(actor: Actor, tree: UnitTree, rootUnitId: string): boolean {
    return reaches(actor, tree, rootUnitId, committee)
  },
}

/** The duty roster: its gaps are flagged to the unit's head and to those who direct it. */
export const dutyPolicy = {
  readGaps(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, null)
  },
}
