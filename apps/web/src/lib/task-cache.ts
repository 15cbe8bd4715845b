// Keeps every cached view of tasks current without a reload: a created or changed task (from a write, a live
// event or the reconnect catch-up) goes into its page, the lists and paged lists it belongs in, cascade views
// and its meeting, by the server's filter rules and order.

import { foldVietnamese } from '@hub/domain'
import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { keys, type MeetingDetail } from './queries'
import {
  type Task,
  type TaskCascade,
  type TaskFilters,
  type TaskList,
  type TimelinessCounts,
  timelinessValues,
  type Unit,
} from './types'

/** Whether `unitId` is `ancestorId` or lies below it; undefined when the directory is not loaded. */
function within(unitId: string, ancestorId: string, units: Map<string, Unit> | null): boolean | undefined {
  if (unitId === ancestorId) return true
  if (!units) return undefined
  let cur = units.get(unitId)
  for (let hops = 0; cur && hops < 20; hops++) {
    if (!cur.parentId) return false
    if (cur.parentId === ancestorId) return true
    cur = units.get(cur.parentId)
  }
  return cur ? false : undefined
}

/**
 * Whether a task belongs in a list with these filters, judged the way the server filters.
 * Undefined when it cannot be told here (the list is then refetched instead).
 */
export function taskMatches(task: Task, f: TaskFilters, units: Map<string, Unit> | null): boolean | undefined {
  if (f.status && task.status !== f.status) return false
  if (f.timeliness && task.timeliness !== f.timeliness) return false
  if (f.directiveId && task.directiveId !== f.directiveId) return false
  if (f.assigneeId && task.accountableUserId !== f.assigneeId) return false
  if (f.parentTaskId && task.parentTaskId !== f.parentTaskId) return false
  if (f.meetingId && task.meetingId !== f.meetingId) return false
  if ((f.dueFrom || f.dueTo) && !task.dueAt) return false
  if (f.dueFrom && task.dueAt && task.dueAt < f.dueFrom) return false
  if (f.dueTo && task.dueAt && task.dueAt > f.dueTo) return false
  if (f.q && !foldVietnamese(task.title).includes(foldVietnamese(f.q))) return false
  if (f.unitId) {
    const candidates = [task.leadUnitId, ...task.supportUnitIds]
    if (!f.includeSubunits) return candidates.includes(f.unitId)
    let unknown = false
    for (const c of candidates) {
      const w = within(c, f.unitId, units)
      if (w) return true
      if (w === undefined) unknown = true
    }
    return unknown ? undefined : false
  }
  return true
}

/** The server's order: due date ascending with undated last, then creation. */
export function compareTasks(a: Task, b: Task): number {
  if (a.dueAt !== b.dueAt) {
    if (!a.dueAt) return 1
    if (!b.dueAt) return -1
    return a.dueAt < b.dueAt ? -1 : 1
  }
  return (a.createdAt ?? '').localeCompare(b.createdAt ?? '')
}

/** Tasks counted by timeliness, every state present (zero when none). */
export function countTimeliness(tasks: readonly Task[]): TimelinessCounts {
  const out = Object.fromEntries(timelinessValues.map((v) => [v, 0])) as TimelinessCounts
  for (const t of tasks) out[t.timeliness]++
  return out
}

/** A cascade view with one task put in: the parent replaced, or a child replaced or added, and the counts redone. */
function patchCascade(view: TaskCascade, task: Task): TaskCascade {
  if (task.id === view.parent.id) return view.parent.version > task.version ? view : { ...view, parent: task }
  const i = view.children.findIndex((c) => c.id === task.id)
  if (i >= 0 && view.children[i]!.version > task.version) return view
  const children = i >= 0 ? view.children.map((c, j) => (j === i ? task : c)) : [...view.children, task]
  return {
    ...view,
    children,
    summary: countTimeliness(children),
    done: children.filter((c) => c.status === 'done').length,
    total: children.length,
  }
}

function upsert(list: Task[], task: Task): Task[] {
  const i = list.findIndex((t) => t.id === task.id)
  if (i >= 0) {
    if (list[i]!.version > task.version) return list
    const next = list.slice()
    next[i] = task
    return next
  }
  return [...list, task].sort(compareTasks)
}

/**
 * Puts a created or changed task into every cached view of tasks: its own page, each list whose
 * filters it meets (and out of those it no longer meets), and its meeting. Nothing is reloaded
 * except lists whose membership cannot be decided here.
 */
export function applyTask(qc: QueryClient, task: Task) {
  const known = qc.getQueryData<Task>(keys.task(task.id))
  if (!known || known.version <= task.version) qc.setQueryData(keys.task(task.id), task)

  const unitList = qc.getQueryData<Unit[]>(keys.units)
  const units = unitList ? new Map(unitList.map((u) => [u.id, u])) : null
  for (const [key, data] of qc.getQueriesData<TaskList>({ queryKey: keys.allTasks })) {
    if (!data) continue
    const f = (key[1] ?? {}) as TaskFilters
    const i = data.tasks.findIndex((t) => t.id === task.id)
    const matches = taskMatches(task, f, units)
    if (matches === undefined) {
      void qc.invalidateQueries({ queryKey: key, exact: true })
      continue
    }
    if (i >= 0 && data.tasks[i]!.version > task.version) continue
    if (i >= 0 && !matches) {
      qc.setQueryData<TaskList>(key, {
        ...data,
        tasks: data.tasks.filter((t) => t.id !== task.id),
        total: Math.max(0, data.total - 1),
      })
    } else if (i >= 0) {
      qc.setQueryData<TaskList>(key, { ...data, tasks: upsert(data.tasks, task) })
    } else if (matches) {
      qc.setQueryData<TaskList>(key, { ...data, tasks: upsert(data.tasks, task), total: data.total + 1 })
    }
  }

  patchTaskPages(qc, task, units)

  // The cascade views that show it: its own (as parent) and its parent's (as a child).
  for (const id of [task.id, task.parentTaskId]) {
    if (id) qc.setQueryData<TaskCascade>(keys.cascade(id), (d) => (d ? patchCascade(d, task) : d))
  }

  if (task.meetingId) {
    qc.setQueryData<MeetingDetail>(keys.meeting(task.meetingId), (d) =>
      d ? { ...d, tasks: upsert(d.tasks, task) } : d,
    )
  }
}

/** The paged lists ("Việc của tôi", keys.taskPages): the task replaced, dropped, or put in the loaded page it sorts into. */
function patchTaskPages(qc: QueryClient, task: Task, units: Map<string, Unit> | null) {
  for (const [key, data] of qc.getQueriesData<InfiniteData<TaskList, number>>({ queryKey: keys.allTaskPages })) {
    if (!data?.pages.length) continue
    const matches = taskMatches(task, (key[1] ?? {}) as TaskFilters, units)
    if (matches === undefined) {
      void qc.invalidateQueries({ queryKey: key, exact: true })
      continue
    }
    const at = data.pages.findIndex((p) => p.tasks.some((t) => t.id === task.id))
    const held = at >= 0 ? data.pages[at]!.tasks.find((t) => t.id === task.id)! : null
    if (held && held.version > task.version) continue
    const withTotal = (d: number) => data.pages.map((p) => ({ ...p, total: Math.max(0, p.total + d) }))
    let pages: TaskList[]
    if (held && !matches) {
      pages = withTotal(-1).map((p, i) => (i === at ? { ...p, tasks: p.tasks.filter((t) => t.id !== task.id) } : p))
    } else if (held) {
      pages = data.pages.map((p, i) => (i === at ? { ...p, tasks: upsert(p.tasks, task) } : p))
    } else if (matches) {
      const loaded = data.pages.reduce((n, p) => n + p.tasks.length, 0)
      if (loaded < data.pages.at(-1)!.total) {
        // Pages are not loaded yet: the task may already be on one of them (a change, not a new task), so
        // only the hub can tell whether the total grows; the loaded pages are asked for again.
        void qc.invalidateQueries({ queryKey: key, exact: true })
        continue
      }
      // All of the list is loaded, so it is new to it: into the first page that ends after it, or the last.
      let into = data.pages.findIndex((p) => p.tasks.length > 0 && compareTasks(task, p.tasks.at(-1)!) < 0)
      if (into < 0) into = data.pages.length - 1
      pages = withTotal(1).map((p, i) => (i === into ? { ...p, tasks: upsert(p.tasks, task) } : p))
    } else continue
    qc.setQueryData<InfiniteData<TaskList, number>>(key, { ...data, pages })
  }
}
