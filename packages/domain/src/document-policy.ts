// Who may edit, follow live or not see each collaborative document (a directive's text and plan, a
// meeting's minutes, a practice's write-up...): the policy the collab server and the web apply.

import type { DirectiveStatus } from './directive'
import { type Actor, type DirectiveScope, directivePolicy, directs, type Role } from './policies'
import type { UnitTree } from './unit-tree'

/** What a user may do with a collaborative document: edit it, follow it live, or nothing. */
export type DocumentAccess = 'write' | 'read' | 'none'

/** Once issued, a directive's text is frozen: it changes only as a new version. */
const frozenText: ReadonlySet<DirectiveStatus> = new Set(['issued', 'in_force', 'closed', 'replaced'])
/** A plan is carried out while its directive is in force; it freezes when the directive ends. */
const endedDirective: ReadonlySet<DirectiveStatus> = new Set(['closed', 'replaced'])
const executing: ReadonlySet<Role> = new Set(['unit_head', 'unit_staff'])
const directing: ReadonlySet<Role> = new Set(['admin', 'committee_member', 'office_drafter'])

/** What the policy needs to know of a meeting. */
export interface MeetingScope {
  hostUnitId: string | null
  chairUserId: string | null
  /** Whether the actor is on the meeting's attendee list. */
  actorAttends: boolean
}

/** What the policy needs to know of a model practice. */
export interface ModelPracticeScope {
  originUnitId: string
}

export const documentPolicy = {
  /** A directive's text: edited while a draft by those who may edit the directive, read-only for everyone once issued. */
  directiveText(actor: Actor, tree: UnitTree, d: DirectiveScope): DocumentAccess {
    if (!directivePolicy.read(actor, tree, d)) return 'none'
    return !frozenText.has(d.status) && directivePolicy.edit(actor, tree, d) ? 'write' : 'read'
  },

  /** A directive's implementation plan: the same people edit it, also after the directive is issued, until it is closed or replaced. */
  implementationPlan(actor: Actor, tree: UnitTree, d: DirectiveScope): DocumentAccess {
    if (!directivePolicy.read(actor, tree, d)) return 'none'
    return !endedDirective.has(d.status) && directivePolicy.edit(actor, tree, d) ? 'write' : 'read'
  },

  /**
   * Meeting minutes: kept by the directing roles (committee members, the office, admins) over the host
   * unit, or anywhere when the meeting has no host unit, and by its chair; attendees follow them.
   */
  meetingMinutes(actor: Actor, tree: UnitTree, m: MeetingScope): DocumentAccess {
    const directsMeeting = m.hostUnitId
      ? directs(actor, tree, m.hostUnitId)
      : actor.grants.some((g) => directing.has(g.role))
    if (directsMeeting || m.chairUserId === actor.userId) return 'write'
    return m.actorAttends ? 'read' : 'none'
  },

  /** A model practice's write-up: its own unit's heads and staff and the directing roles over it write; every member of the system reads. */
  modelWriteUp(actor: Actor, tree: UnitTree, p: ModelPracticeScope): DocumentAccess {
    const own = actor.grants.some((g) => executing.has(g.role) && tree.isWithin(p.originUnitId, g.unitId))
    if (own || directs(actor, tree, p.originUnitId)) return 'write'
    return actor.grants.length > 0 ? 'read' : 'none'
  },
}
