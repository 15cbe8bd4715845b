// Task lists read a page at a time: a head with hundreds of tasks gets the first screen from one small
// answer, the rest with "Xem thêm" or by scrolling; the pages read are kept for offline reading, and
// live events and the reconnect catch-up patch them in place (lib/task-cache.ts).

import { type InfiniteData, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api } from '../lib/api'
import { keys, taskQueryString } from '../lib/queries'
import type { Task, TaskFilters, TaskList } from '../lib/types'
import { useLiveConnected } from '../live/socket'
import { MAX_AGE_MS } from './persist'

/** Tasks a page: one screen on a phone and a little more. */
export const TASK_PAGE_SIZE = 30

/** The offset of the next page: what the loaded pages hold; none when all are there. */
function nextOffset(_last: TaskList, pages: TaskList[]): number | undefined {
  const loaded = pages.reduce((n, p) => n + p.tasks.length, 0)
  const total = pages.at(-1)?.total ?? 0
  return loaded < total && (pages.at(-1)?.tasks.length ?? 0) > 0 ? loaded : undefined
}

/** A paged task list: the tasks loaded so far (each once, in the server's order), the total, and the next page. */
export function useTaskPages(f: Omit<TaskFilters, 'limit'>, enabled = true) {
  const live = useLiveConnected()
  const filters = { ...f, limit: TASK_PAGE_SIZE }
  const q = useInfiniteQuery<
    TaskList,
    Error,
    InfiniteData<TaskList, number>,
    ReturnType<typeof keys.taskPages>,
    number
  >({
    queryKey: keys.taskPages(filters),
    queryFn: ({ pageParam, signal }) =>
      api<TaskList>(`/tasks${taskQueryString(filters)}&offset=${pageParam}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    placeholderData: keepPreviousData,
    // Kept current by live events; polled (first page on) only while the live link is down.
    refetchInterval: live ? false : 60_000,
    // Kept in memory as long as in IndexedDB: a list dropped from the cache (by default five minutes
    // after its screen is left) would be dropped from the kept cache too at the next write.
    gcTime: MAX_AGE_MS,
    enabled,
  })
  const tasks = useMemo(() => {
    // A task that moved between pages while they were read is shown once.
    const seen = new Map<string, Task>()
    for (const p of q.data?.pages ?? []) for (const t of p.tasks) if (!seen.has(t.id)) seen.set(t.id, t)
    return [...seen.values()]
  }, [q.data])
  const total = q.data?.pages.at(-1)?.total ?? 0
  return { ...q, tasks, total, remaining: Math.max(0, total - tasks.length) }
}
