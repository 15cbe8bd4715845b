// Model practices' status steps and who may propose, advance, adopt, discuss and add materials to them: the
// policy the API's services and the web's practice pages apply.

import { type Actor, directs, type Role } from './policies'
import type { UnitTree } from './unit-tree'

/** A model practice's status steps, in order: proposed → reviewed → recommended for replication → city-wide standard. */
export const modelStatuses = ['proposed', 'reviewed', 'recommended', 'standard'] as const
export type ModelStatus = (typeof modelStatuses)[number]

/** The one step a practice may take from `from` (none after the standard). */
export function nextModelStatus(from: ModelStatus): ModelStatus | null {
  const i = modelStatuses.indexOf(from)
  return i >= 0 && i < modelStatuses.length - 1 ? modelStatuses[i + 1]! : null
}

const heads: ReadonlySet<Role> = new Set(['unit_head'])
const executing: ReadonlySet<Role> = new Set(['unit_head', 'unit_staff'])

function holds(actor: Actor, tree: UnitTree, unitId: string, roles: ReadonlySet<Role>): boolean {
  return actor.grants.some((g) => roles.has(g.role) && tree.isWithin(unitId, g.unitId))
}

export const modelPolicy = {
  /** The library, write-ups and discussion are open to every member of the system. */
  read(actor: Actor): boolean {
    return actor.grants.length > 0
  },
  /** A unit's heads and staff propose its own practices; directing roles propose for any unit in reach. */
  propose(actor: Actor, tree: UnitTree, originUnitId: string): boolean {
    return holds(actor, tree, originUnitId, executing) || directs(actor, tree, originUnitId)
  },
  /** Only the city's standing committee and office move a practice along its status steps. */
  decide(actor: Actor, tree: UnitTree, rootUnitId: string): boolean {
    return directs(actor, tree, rootUnitId)
  },
  /** The head of a unit (or of a unit above it) adopts for it, and the directing roles over it. */
  adopt(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return holds(actor, tree, unitId, heads) || directs(actor, tree, unitId)
  },
  /** The committee asks units to adopt: directing roles over every unit asked. */
  request(actor: Actor, tree: UnitTree, unitId: string): boolean {
    return directs(actor, tree, unitId)
  },
  /** Anyone with a role asks and answers questions on a practice. */
  discuss(actor: Actor): boolean {
    return actor.grants.length > 0
  },
  /** Materials are added by those who may write the write-up: the origin's heads and staff, and directing roles over it. */
  attach(actor: Actor, tree: UnitTree, originUnitId: string): boolean {
    return holds(actor, tree, originUnitId, executing) || directs(actor, tree, originUnitId)
  },
}

const directingRoles: ReadonlySet<Role> = new Set(['admin', 'committee_member', 'office_drafter'])

/** Units where the actor holds a directing role: search narrows drafts and meetings to these subtrees before the policies decide. */
export function directingRoots(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => directingRoles.has(g.role)).map((g) => g.unitId))]
}
