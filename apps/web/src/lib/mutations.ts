// The web app's writes to tasks, reports, directives, meetings, notifications and assignment tables: each
// puts the server's answer into the caches that show it (tasks through task-cache.ts) or reloads them.

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, api } from './api'
import { type AssignmentOwner, assignmentBase, assignmentKeys, keys, type NotificationList } from './queries'
import { applyTask } from './task-cache'
import type {
  AssignmentProposals,
  AssignmentSettleResult,
  Clause,
  Directive,
  DirectiveAction,
  DirectiveKind,
  ImportedDirective,
  Meeting,
  Recipient,
  Report,
  Task,
} from './types'

export interface TaskPatchInput {
  id: string
  version: number
  status?: Task['status']
  progress?: number
  /** The same key on a retry gets the first answer (a lost answer does not turn into a 409). */
  idempotencyKey?: string
}

/** PATCH a task with the version it was read at; a 409 comes back as an ApiError with details.current. */
export function useUpdateTask() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, idempotencyKey, ...body }: TaskPatchInput) =>
      (await api<{ task: Task }>(`/tasks/${id}`, { method: 'PATCH', body, idempotencyKey })).task,
    // Never paused while offline: the task page puts the update in the outbox instead.
    networkMode: 'always',
    onSuccess: (task) => applyTask(qc, task),
  })
}

export interface ReportInput {
  taskId: string
  /** Only the lead's report moves the task; a supporting unit's report leaves it out. */
  progress?: number
  narrative: string
  difficulties: string
  /** The same key on a retry never records a second report. */
  idempotencyKey?: string
}

export function useSubmitReport() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ taskId, idempotencyKey, ...body }: ReportInput) =>
      api<{ report: Report; task?: Task }>(`/tasks/${taskId}/reports`, { method: 'POST', body, idempotencyKey }),
    networkMode: 'always',
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

/** Hands a task down to units below its lead unit (one copy each); the copies land in its cascade view at once. */
export function useCascadeTask(taskId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (body: { unitIds: string[]; dueAt?: string | null }) =>
      (await api<{ tasks: Task[] }>(`/tasks/${taskId}/cascade`, { method: 'POST', body })).tasks,
    onSuccess: (tasks) => {
      for (const task of tasks) applyTask(qc, task)
      // The parent's progress and status roll up on the server: read them back.
      void qc.invalidateQueries({ queryKey: keys.cascade(taskId) })
      void qc.invalidateQueries({ queryKey: keys.task(taskId) })
    },
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

/** Puts a directive as the server now has it into its page, keeping the clauses already loaded. */
function applyDirective(qc: ReturnType<typeof useQueryClient>, directive: Directive) {
  qc.setQueryData<{ directive: Directive; clauses: Clause[] }>(keys.directive(directive.id), (d) =>
    d ? { ...d, directive: { ...d.directive, ...directive } } : d,
  )
  void qc.invalidateQueries({ queryKey: keys.directives })
}

/** Reads a pasted document into a new draft; the answer says what was recognised. */
export function useImportDirective() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (text: string) => api<ImportedDirective>('/directives/import', { method: 'POST', body: { text } }),
    onSuccess: (r) => {
      qc.setQueryData(keys.directive(r.directive.id), r)
      void qc.invalidateQueries({ queryKey: keys.directives })
    },
  })
}

export interface TransitionInput {
  action: DirectiveAction
  version: number
  issuedAt?: string
  place?: string
  signer?: Directive['signer']
  replacedById?: string
}

/**
 * Moves a directive along its life with the version it was read at. Issuing freezes the text and
 * records its clauses, so the page reloads them; a stale version reloads the directive too.
 */
export function useDirectiveTransition(directiveId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (body: TransitionInput) =>
      (await api<{ directive: Directive }>(`/directives/${directiveId}/transition`, { method: 'POST', body }))
        .directive,
    onSuccess: (directive) => {
      applyDirective(qc, directive)
      void qc.invalidateQueries({ queryKey: keys.directive(directiveId) })
      void qc.invalidateQueries({ queryKey: keys.versions(directiveId) })
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409)
        void qc.invalidateQueries({ queryKey: keys.directive(directiveId) })
    },
  })
}

/** Replaces the recipient list of a draft. */
export function useSetRecipients(directiveId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (recipients: Pick<Recipient, 'name' | 'capacity' | 'unitId'>[]) =>
      (
        await api<{ directive: Directive }>(`/directives/${directiveId}/recipients`, {
          method: 'PUT',
          body: { recipients },
        })
      ).directive,
    onSuccess: (directive) => applyDirective(qc, directive),
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

/** Rows proposed from the directive's text (nothing is saved: the table adds the new ones to its document). */
export function useAssignmentProposals(directiveId: string) {
  return useMutation({
    mutationFn: () => api<AssignmentProposals>(`/directives/${directiveId}/assignments/proposals`),
  })
}

/** Settles rows of the table into tasks (or holds them until the directive's issue). */
export function useSettleAssignments(owner: AssignmentOwner) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (rowIds?: string[]) =>
      api<AssignmentSettleResult>(`${assignmentBase(owner)}/settle`, { method: 'POST', body: { rowIds } }),
    onSettled: () => qc.invalidateQueries({ queryKey: assignmentKeys.table(owner) }),
  })
}

/** Applies a settled row's proposed changes to its task (the office). */
export function useAcceptAssignmentChanges(owner: AssignmentOwner) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (rowId: string) => api(`${assignmentBase(owner)}/rows/${rowId}/accept`, { method: 'POST', body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: assignmentKeys.table(owner) }),
  })
}
