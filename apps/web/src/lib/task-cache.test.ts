// The paged "Việc của tôi" lists kept current from live tasks: a task put in only when the whole list
// is loaded (then it is new to the list and the total grows); else the hub is asked again, because the
// task may already sit on a page not loaded and "Xem thêm (N việc nữa)" must not overstate.
import { type InfiniteData, QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { keys } from './queries'
import { applyTask } from './task-cache'
import type { Task, TaskList } from './types'

const task = (n: number, extra: Partial<Task> = {}): Task => ({
  id: `t${n}`,
  title: `Việc ${n}`,
  description: '',
  status: 'in_progress',
  progress: 0,
  timeliness: 'open',
  leadUnitId: 'u1',
  supportUnitIds: [],
  accountableUserId: null,
  dueAt: `2026-12-${String(10 + n).padStart(2, '0')}`,
  recurrence: null,
  directiveId: null,
  clauseOrdinal: null,
  meetingId: null,
  parentTaskId: null,
  completedAt: null,
  createdAt: '2026-12-01T00:00:00Z',
  version: 1,
  ...extra,
})

function withPages(total: number, ...pages: Task[][]) {
  const qc = new QueryClient()
  const key = keys.taskPages({})
  const data: InfiniteData<TaskList, number> = {
    pages: pages.map((tasks, i) => ({ tasks, total, limit: 2, offset: i * 2 })),
    pageParams: pages.map((_, i) => i * 2),
  }
  qc.setQueryData(key, data)
  const read = () => qc.getQueryData<InfiniteData<TaskList, number>>(key)!
  return { qc, read, invalidated: () => qc.getQueryState(key)!.isInvalidated }
}

describe('applyTask on the paged lists', () => {
  it('a changed task that may sit on a page not loaded leaves the total alone and asks the hub again', () => {
    const { qc, read, invalidated } = withPages(10, [task(1), task(2)], [task(3), task(4)])
    applyTask(qc, task(7, { version: 3, progress: 50 }))
    expect(read().pages.map((p) => p.total)).toEqual([10, 10])
    expect(read().pages.flatMap((p) => p.tasks.map((t) => t.id))).toEqual(['t1', 't2', 't3', 't4'])
    expect(invalidated()).toBe(true)
  })

  it('with the whole list loaded, a task new to it goes in its place and the total grows by one', () => {
    const { qc, read, invalidated } = withPages(4, [task(1), task(3)], [task(4), task(5)])
    applyTask(qc, task(2))
    expect(read().pages.map((p) => p.total)).toEqual([5, 5])
    expect(read().pages[0]!.tasks.map((t) => t.id)).toEqual(['t1', 't2', 't3'])
    expect(invalidated()).toBe(false)
  })

  it('a loaded task is replaced in place, and taken out (total down) once it no longer matches', () => {
    const { qc, read } = withPages(10, [task(1), task(2)])
    applyTask(qc, task(2, { version: 2, progress: 30 }))
    expect(read().pages[0]!.tasks.find((t) => t.id === 't2')!.progress).toBe(30)
    expect(read().pages[0]!.total).toBe(10)
    const filtered = new QueryClient()
    filtered.setQueryData(keys.taskPages({ status: 'in_progress' }), {
      pages: [{ tasks: [task(1), task(2)], total: 10, limit: 2, offset: 0 }],
      pageParams: [0],
    })
    applyTask(filtered, task(2, { version: 2, status: 'done', progress: 100 }))
    const after = filtered.getQueryData<InfiniteData<TaskList, number>>(keys.taskPages({ status: 'in_progress' }))!
    expect(after.pages[0]!.tasks.map((t) => t.id)).toEqual(['t1'])
    expect(after.pages[0]!.total).toBe(9)
  })
})
