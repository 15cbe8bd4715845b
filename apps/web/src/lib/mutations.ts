import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from './api'
import { keys, type NotificationList } from './queries'
import { applyTask } from './task-cache'
import type { Directive, DirectiveKind, Meeting, Report, Task } from './types'

export interface TaskPatchInput {
  id: string
  version: number
  status?: Task['status']
  progress?: number
}

/** PATCH a task with the version it was read at; a 409 comes back as an ApiError with details.current. */
export function useUpdateTask() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, ...body }: TaskPatchInput) =>
      (await api<{ task: Task }>(`/tasks/${id}`, { method: 'PATCH', body })).task,
    onSuccess: (task) => applyTask(qc, task),
  })
}

export interface ReportInput {
  taskId: string
  progress: number
  narrative: string
  difficulties: string
}

export function useSubmitReport() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ taskId, ...body }: ReportInput) =>
      api<{ report: Report; task?: Task }>(`/tasks/${taskId}/reports`, { method: 'POST', body }),
    onSuccess: (r, input) => {
      if (r.task) applyTask(qc, r.task)
      void qc.invalidateQueries({ queryKey: keys.reports(input.taskId) })
    },
  })
}

export interface TaskCreateInput {
  title: string
  leadUnitId: string
  supportUnitIds?: string[]
  dueAt?: string | null
  description?: string
  directiveId?: string
  meetingId?: string
  parentTaskId?: string
}

export function useCreateTask() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (body: TaskCreateInput) => (await api<{ task: Task }>('/tasks', { method: 'POST', body })).task,
    onSuccess: (task) => applyTask(qc, task),
  })
}

export function useCreateDirective() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (body: { kind: DirectiveKind; title: string; layout?: 'party' | 'state' }) =>
      (await api<{ directive: Directive }>('/directives', { method: 'POST', body })).directive,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.directives }),
  })
}

export function useConcludeMeeting(meetingId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (conclusions: string) =>
      api<{ meeting: Meeting; directive: Directive | null }>(`/meetings/${meetingId}/conclude`, {
        method: 'POST',
        body: { conclusions },
      }),
    onSuccess: (r) => {
      qc.setQueryData(keys.meeting(meetingId), (d: { meeting: Meeting; tasks: Task[] } | undefined) =>
        d ? { ...d, meeting: r.meeting } : d,
      )
      void qc.invalidateQueries({ queryKey: keys.meetings })
      void qc.invalidateQueries({ queryKey: keys.directives })
    },
  })
}

export function useMarkRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`, { method: 'POST' }),
    onMutate: (id) => {
      const now = new Date().toISOString()
      qc.setQueryData<NotificationList>(keys.notifications, (d) => {
        if (!d) return d
        const notifications = d.notifications.map((n) =>
          id === 'all' || n.id === id ? { ...n, readAt: n.readAt ?? now } : n,
        )
        return { notifications, unread: id === 'all' ? 0 : notifications.filter((n) => !n.readAt).length }
      })
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.notifications }),
  })
}
