/**
 * Who hears live of a unit's periodic report and of an inspection: the one rule behind the rooms the
 * server puts each socket in and the rooms an event is sent to, matching the policies that guard
 * the records (reportPolicy.read, accountabilityInspectionPolicy.read and readConclusion).
 */
import { overseeingRoles } from './accountability-policy'
import type { Actor } from './policies'
import type { UnitTree } from './unit-tree'

/** The room of those who oversee a unit (direct or inspect it) through a grant held there. */
export const overseeRoom = (unitId: string) => `oversee:${unitId}`
/** The room of the people who belong to a unit or to a unit inside it. */
export const withinRoom = (unitId: string) => `within:${unitId}`

/**
 * The server's rooms for a user (joined at connection, never by the client): one `oversee:<unit>`
 * per grant with an overseeing role, so that the office and the committee hear every unit's reports
 * and inspections without subscribing to each; one `within:<unit>` per unit of the user's own
 * unit's lineage, so that an unpublished conclusion can leave out the inspected unit's people.
 */
export function accountabilityRoomsOf(actor: Actor & { unitId?: string | null }, tree: UnitTree): string[] {
  const oversee = actor.grants.filter((g) => overseeingRoles.has(g.role)).map((g) => overseeRoom(g.unitId))
  const within = actor.unitId ? tree.lineage(actor.unitId).map(withinRoom) : []
  return [...new Set([...oversee, ...within])]
}

/** Rooms a message goes to, rooms it skips (`except`), and separately the users told in person. */
export interface AccountabilityAudience {
  rooms: string[]
  except: string[]
  userIds: string[]
}

/** A periodic report is read by everyone whose reach covers its unit: the unit's rooms and its overseers'. */
export function unitReportAudience(unitId: string, tree: UnitTree): AccountabilityAudience {
  const line = tree.lineage(unitId)
  return { rooms: [...line.map((u) => `unit:${u}`), ...line.map(overseeRoom)], except: [], userIds: [] }
}

/**
 * An inspection: once published (and not an unannounced visit still ahead) everyone whose reach
 * covers the unit; otherwise only those who oversee it from above (not the unit itself, nor anyone
 * belonging to it), and in person its recorder and team.
 */
export function inspectionAudience(
  i: { unitId: string; published: boolean; kind: string; date: string },
  tree: UnitTree,
  today: string,
  readerIds: readonly string[] = [],
): AccountabilityAudience {
  const line = tree.lineage(i.unitId)
  if (i.published && !(i.kind === 'unannounced' && i.date > today))
    return { rooms: [...line.map((u) => `unit:${u}`), ...line.map(overseeRoom)], except: [], userIds: [] }
  return { rooms: line.slice(1).map(overseeRoom), except: [withinRoom(i.unitId)], userIds: [...readerIds] }
}
