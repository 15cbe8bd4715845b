// The shared policies of @hub/domain applied in the browser to directives and meeting minutes, so a page
// offers only what the server would allow; also the user as a policy actor and the unit tree the policies
// judge by.

import { type Actor, type DocumentAccess, directivePolicy, documentPolicy, type Role, UnitTree } from '@hub/domain'
import { useMemo } from 'react'
import { useUnits } from '../lib/queries'
import type { Directive, Meeting, User } from '../lib/types'
import { useUser } from './auth'

/** The user as the shared policies see them, so the client offers exactly what the server allows. */
export function actorOf(user: User): Actor {
  return { userId: user.id, grants: user.roles.map((r) => ({ role: r.role as Role, unitId: r.unitId })) }
}

/** The unit directory as a tree; null while it loads. */
export function useUnitTree() {
  const { units } = useUnits()
  return useMemo(() => (units.length ? new UnitTree(units) : null), [units])
}

/** What the user may do with a directive's text; null while the unit directory loads. */
export function useDirectiveTextAccess(d: Directive | undefined): DocumentAccess | null {
  const user = useUser()
  const tree = useUnitTree()
  if (!d || !tree) return null
  return documentPolicy.directiveText(actorOf(user), tree, {
    issuerUnitId: d.issuerUnitId ?? null,
    status: d.status,
    createdBy: d.createdBy ?? null,
  })
}

/** Whether the user may edit a directive (draft it, submit it) and approve it (return, issue, end it). */
export interface DirectiveRights {
  edit: boolean
  issue: boolean
}

/** The server's directive policy applied here, so only the moves the user may make are offered; null while loading. */
export function useDirectiveRights(d: Directive | undefined): DirectiveRights | null {
  const user = useUser()
  const tree = useUnitTree()
  if (!d || !tree) return null
  const scope = { issuerUnitId: d.issuerUnitId ?? null, status: d.status, createdBy: d.createdBy ?? null }
  const actor = actorOf(user)
  return { edit: directivePolicy.edit(actor, tree, scope), issue: directivePolicy.issue(actor, tree, scope) }
}

/** What the user may do with a meeting's minutes; null while the unit directory loads. */
export function useMinutesAccess(m: Meeting | undefined): DocumentAccess | null {
  const user = useUser()
  const tree = useUnitTree()
  if (!m || !tree) return null
  return documentPolicy.meetingMinutes(actorOf(user), tree, {
    hostUnitId: m.hostUnitId ?? null,
    chairUserId: m.chairUserId,
    actorAttends: (m.attendees ?? []).some((a) => a.userId === user.id),
  })
}
