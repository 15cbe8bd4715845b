// Roles, grants and their reach down the unit tree, and the core policies on tasks, directives,
// inspections and units that the API, the collab server and the web all apply.

import type { DirectiveStatus } from './directive'
import type { UnitTree } from './unit-tree'

export const roles = [
  'admin',
  'committee_member',
  'office_drafter',
  'unit_head',
  'unit_staff',
  'inspector',
  'viewer',
] as const
export type Role = (typeof roles)[number]

/** A role held in a unit; its reach is that unit and everything below it. */
export interface Grant {
  role: Role
  unitId: string
}

export interface Actor {
  userId: string
  grants: Grant[]
}

/** Roles that direct: they see everything in their reach and may assign work there. */
const directing: ReadonlySet<Role> = new Set(['admin', 'committee_member', 'office_drafter'])
/** Roles that carry out work in their own unit and below. */
const executing: ReadonlySet<Role> = new Set(['unit_head', 'unit_staff'])

function reaches(actor: Actor, tree: UnitTree, unitId: string, allowed: ReadonlySet<Role> | null): boolean {
  return actor.grants.some((g) => (allowed === null || allowed.has(g.role)) && tree.isWithin(unitId, g.unitId))
}

/** What a policy needs to know of a task. */
export interface TaskScope {
  leadUnitId: string
  supportUnitIds: readonly string[]
  accountableUserId: string | null
}

export const taskPolicy = {
  /** Anyone whose reach covers the lead or a supporting unit, and the accountable person. */
  read(actor: Actor, tree: UnitTree, task: TaskScope): boolean {
    if (task.accountableUserId === actor.userId) return true
    return [task.leadUnitId, ...task.supportUnitIds].some((u) => reaches(actor, tree, u, null))
  },
  /** Directing roles anywhere in their reach; heads and staff for their own unit and its sub-units. */
  create(actor: Actor, tree: UnitTree, leadUnitId: string): boolean {
    return reaches(actor, tree, leadUnitId, directing) || reaches(actor, tree, leadUnitId, executing)
  },
  /** Changing a task belongs to the lead unit's line of command and to the accountable person. */
  update(actor: Actor, tree: UnitTree, task: TaskScope): boolean {
    if (task.accountableUserId === actor.userId) return true
    return reaches(actor, tree, task.leadUnitId, directing) || reaches(actor, tree, task.leadUnitId, executing)
  },
  /** Supporting units report on their share of the work as well as the lead. */
  report(actor: Actor, tree: UnitTree, task: TaskScope): boolean {
    if (taskPolicy.update(actor, tree, task)) return true
    return task.supportUnitIds.some((u) => reaches(actor, tree, u, executing))
  },
}

/** What a policy needs to know of a directive. */
export interface DirectiveScope {
  issuerUnitId: string | null
  status: DirectiveStatus
  createdBy: string | null
}

const published: ReadonlySet<DirectiveStatus> = new Set(['issued', 'in_force', 'closed', 'replaced'])

export const directivePolicy = {
  /** Issued directives are read by everyone who has a role; drafts only by those who direct the issuer. */
  read(actor: Actor, tree: UnitTree, d: DirectiveScope): boolean {
    if (published.has(d.status)) return actor.grants.length > 0
    if (d.createdBy === actor.userId) return true
    return d.issuerUnitId !== null && reaches(actor, tree, d.issuerUnitId, directing)
  },
  create(actor: Actor, tree: UnitTree, issuerUnitId: string): boolean {
    return reaches(actor, tree, issuerUnitId, directing)
  },
  /** Drafts are edited by the office and the committee; issued text changes only as a new version. */
  edit(actor: Actor, tree: UnitTree, d: DirectiveScope): boolean {
    return d.issuerUnitId !== null && reaches(actor, tree, d.issuerUnitId, directing)
  },
  /** Only the standing committee issues (approves and numbers) a directive. */
  issue(actor: Actor, tree: UnitTree, d: DirectiveScope): boolean {
    const approvers: ReadonlySet<Role> = new Set(['admin', 'committee_member'])
    return d.issuerUnitId !== null && reaches(actor, tree, d.issuerUnitId, approvers)
  },
}

export const inspectionPolicy = {
  read(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, null)
  },
  /** Inspectors record inspections in their reach; the committee may too. */
  record(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, new Set<Role>(['admin', 'committee_member', 'inspector']))
  },
}

export const unitPolicy = {
  /** The unit directory, hotlines and duty rosters are known to every member of the system. */
  read(actor: Actor): boolean {
    return actor.grants.length > 0
  },
  /** Heads keep their own unit's hotlines and rosters; directing roles everything in reach. */
  manage(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return reaches(actor, tree, unitId, directing) || reaches(actor, tree, unitId, new Set<Role>(['unit_head']))
  },
}

/** Whether the actor directs (sees everything) somewhere at or above the unit. */
export function directs(actor: Actor, tree: UnitTree, unitId: string): boolean {
  return reaches(actor, tree, unitId, directing)
}

/** Units where the actor can see tasks: the roots of their reach. */
export function reachRoots(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => g.unitId))]
}
