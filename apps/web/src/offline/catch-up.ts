// The reconnect catch-up: a phone back online asks the hub what changed since its cursor
// (GET /api/changes) and patches the kept screens with it (tasks into every list and page, reports and
// unit reports marked for reloading), instead of reloading every list. The cursor is kept in the query
// cache itself, so it is saved to IndexedDB together with the data it describes.

import type { QueryClient } from '@tanstack/react-query'
import { accountabilityKeys } from '../lib/accountability'
import { api } from '../lib/api'
import { keys } from '../lib/queries'
import { applyTask } from '../lib/task-cache'
import type { Task } from '../lib/types'

interface Changes {
  cursor: string
  more: boolean
  reset: boolean
  tasks: Task[]
  reports: { report: { id: string }; taskId: string }[]
  unitReports: { id: string; unitId: string }[]
}

/** Calls in one catch-up at the most (500 changes each); past that the screens reload instead. */
const MAX_CALLS = 10

export const cursorKey = (userId: string) => ['changes-cursor', userId] as const

/**
 * Brings the kept screens up to date after a time without live events. Resolves true when they are
 * (or there was nothing to catch up from); false when the caller should reload them instead: no cursor
 * yet (one is taken now, for next time), a cursor the hub does not know, or too much changed.
 */
export async function catchUp(qc: QueryClient, userId: string): Promise<boolean> {
  let since: string | undefined = qc.getQueryData<string>(cursorKey(userId))
  const save = (cursor: string) => qc.setQueryData(cursorKey(userId), cursor)
  if (!since) {
    save((await api<Changes>('/changes')).cursor)
    return false
  }
  for (let call = 0; call < MAX_CALLS; call++) {
    const r: Changes = await api<Changes>(`/changes?since=${encodeURIComponent(since)}`)
    if (r.reset) {
      save(r.cursor)
      return false
    }
    for (const task of r.tasks) applyTask(qc, task)
    for (const taskId of new Set(r.reports.map((x) => x.taskId)))
      void qc.invalidateQueries({ queryKey: keys.reports(taskId) })
    if (r.unitReports.length) void qc.invalidateQueries({ queryKey: accountabilityKeys.all })
    save(r.cursor)
    since = r.cursor
    if (!r.more) return true
  }
  return false
}
