// The shared task policy applied in the browser: what the task page offers a user (update, report, hand down
// to which units) and whether the board offers "Giao nhiệm vụ".

import { taskPolicy } from '@hub/domain'
import { useMemo } from 'react'
import { vnDay } from '../lib/dates'
import { useUnits } from '../lib/queries'
import type { Task, Unit } from '../lib/types'
import { useUser } from './auth'
import { actorOf, useUnitTree } from './document-access'

/** What the user may do with a task: change it, and hand it down to which units directly below its lead unit. */
export interface TaskRights {
  update: boolean
  /** A supporting unit reports on its part without setting the task's status or progress. */
  report: boolean
  /** Units directly below the lead unit, in force today, that the user may give a copy to. */
  cascadeTargets: Unit[]
}

/** The server's task policy applied here, so the cascade action is offered only where it would succeed; null while loading. */
export function useTaskRights(task: Task | undefined): TaskRights | null {
  const user = useUser()
  const tree = useUnitTree()
  const { byId } = useUnits()
  return useMemo(() => {
    if (!task || !tree) return null
    const actor = actorOf(user)
    const update = taskPolicy.update(actor, tree, task)
    const today = vnDay()
    const cascadeTargets = update
      ? tree
          .childrenOf(task.leadUnitId)
          .map((id) => byId.get(id))
          .filter((u): u is Unit => !!u && (!u.validTo || u.validTo > today) && taskPolicy.create(actor, tree, u.id))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      : []
    return { update, report: taskPolicy.report(actor, tree, task), cascadeTargets }
  }, [task, tree, user, byId])
}

/** Whether the user may give tasks anywhere (an inspector or a viewer may not): "Giao nhiệm vụ" is offered only then. */
export function useMayAssign(): boolean {
  const user = useUser()
  const tree = useUnitTree()
  return useMemo(() => {
    if (!tree) return false
    const actor = actorOf(user)
    return actor.grants.some((g) => taskPolicy.create(actor, tree, g.unitId))
  }, [tree, user])
}
