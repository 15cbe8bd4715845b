// The web app's reads of the hub's API as React Query queries (units, people, tasks, directives, meetings,
// notifications, assignment tables), with the query keys that live events and offline storage go by.

import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { settlePendingLogout } from '../auth/pending-logout'
import { useLiveConnected } from '../live/socket'
import { api, qs } from './api'
import type {
  AssignmentTableInfo,
  Clause,
  Directive,
  DirectiveVersion,
  Meeting,
  Notification,
  Person,
  Report,
  Task,
  TaskCascade,
  TaskFilters,
  TaskList,
  Unit,
  UnitDetail,
  User,
} from './types'

/** Query keys in one place, so live events know which caches to patch. */
export const keys = {
  me: ['me'] as const,
  units: ['units'] as const,
  unit: (id: string) => ['unit', id] as const,
  people: (unitId: string) => ['people', unitId] as const,
  tasks: (f: TaskFilters) => ['tasks', f] as const,
  allTasks: ['tasks'] as const,
  /** A list read a page at a time ("Việc của tôi"), kept offline like the others. */
  taskPages: (f: TaskFilters) => ['task-pages', f] as const,
  allTaskPages: ['task-pages'] as const,
  task: (id: string) => ['task', id] as const,
  cascade: (id: string) => ['cascade', id] as const,
  reports: (taskId: string) => ['reports', taskId] as const,
  directives: ['directives'] as const,
  directive: (id: string) => ['directive', id] as const,
  versions: (id: string) => ['directive-versions', id] as const,
  meetings: ['meetings'] as const,
  meeting: (id: string) => ['meeting', id] as const,
  notifications: ['notifications'] as const,
  presence: (room: string) => ['presence', room] as const,
}

/** The logged-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async (): Promise<User | null> => {
    try {
      if (await settlePendingLogout()) return null
      return (await api<{ user: User }>('/auth/me')).user
    } catch (e) {
      if (e instanceof Error && 'status' in e && (e as { status: number }).status === 401) return null
      throw e
    }
  },
  staleTime: 5 * 60_000,
})

export const unitsQuery = queryOptions({
  queryKey: keys.units,
  queryFn: async () => (await api<{ units: Unit[] }>('/units')).units,
  staleTime: 30 * 60_000,
})

/** Every unit with a lookup by id; the directory changes rarely, so it is loaded once. */
export function useUnits() {
  const q = useQuery(unitsQuery)
  const byId = useMemo(() => new Map((q.data ?? []).map((u) => [u.id, u])), [q.data])
  return { ...q, units: q.data ?? [], byId }
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: keys.unit(id),
    queryFn: async () => (await api<{ unit: UnitDetail }>(`/units/${id}`)).unit,
  })
}

export function usePeople(unitId: string | null | undefined) {
  return useQuery({
    queryKey: keys.people(unitId ?? ''),
    queryFn: async () => (await api<{ people: Person[] }>(`/people${qs({ unitId })}`)).people,
    enabled: !!unitId,
    staleTime: 10 * 60_000,
  })
}

/** The query string for a task filter (meetingId is filtered on the client: the list API has no such filter). */
export function taskQueryString(f: TaskFilters): string {
  return qs({
    unitId: f.unitId,
    includeSubunits: f.unitId && f.includeSubunits ? 'true' : undefined,
    status: f.status,
    timeliness: f.timeliness,
    directiveId: f.directiveId,
    assigneeId: f.assigneeId,
    parentTaskId: f.parentTaskId,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    q: f.q,
    limit: f.limit ?? 200,
  })
}

/** A list of tasks; kept current by live events, and polled only while the live link is down. */
export function useTasks(f: TaskFilters, enabled = true) {
  const live = useLiveConnected()
  return useQuery({
    queryKey: keys.tasks(f),
    queryFn: ({ signal }) => api<TaskList>(`/tasks${taskQueryString(f)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : 30_000,
    enabled,
  })
}

export function useTask(id: string) {
  const live = useLiveConnected()
  return useQuery({
    queryKey: keys.task(id),
    queryFn: async () => (await api<{ task: Task }>(`/tasks/${id}`)).task,
    refetchInterval: live ? false : 30_000,
  })
}

/** A task's copies for the units below, with their states counted; kept current by live events. */
export function useTaskCascade(id: string) {
  const live = useLiveConnected()
  return useQuery({
    queryKey: keys.cascade(id),
    queryFn: ({ signal }) => api<TaskCascade>(`/tasks/${id}/cascade`, { signal }),
    refetchInterval: live ? false : 30_000,
  })
}

/** The people of several units at once (the heads accountable for a cascade's copies), sharing usePeople's cache. */
export function usePeopleOf(unitIds: readonly string[]) {
  return useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: keys.people(unitId),
      queryFn: async () => (await api<{ people: Person[] }>(`/people${qs({ unitId })}`)).people,
      staleTime: 10 * 60_000,
    })),
    combine: (results) => {
      const byUserId = new Map<string, Person>()
      for (const r of results) for (const p of r.data ?? []) if (p.userId) byUserId.set(p.userId, p)
      return byUserId
    },
  })
}

export function useTaskReports(taskId: string) {
  return useQuery({
    queryKey: keys.reports(taskId),
    queryFn: async () => (await api<{ reports: Report[] }>(`/tasks/${taskId}/reports`)).reports,
    retry: false,
  })
}

export function useDirectives() {
  return useQuery({
    queryKey: keys.directives,
    queryFn: async () => (await api<{ directives: Directive[]; total: number }>('/directives?limit=200')).directives,
  })
}

export function useDirective(id: string) {
  return useQuery({
    queryKey: keys.directive(id),
    queryFn: () => api<{ directive: Directive; clauses: Clause[] }>(`/directives/${id}`),
  })
}

export function useDirectiveVersions(id: string) {
  return useQuery({
    queryKey: keys.versions(id),
    queryFn: async () => (await api<{ versions: DirectiveVersion[] }>(`/directives/${id}/versions`)).versions ?? [],
    retry: false,
  })
}

export function useMeetings() {
  return useQuery({
    queryKey: keys.meetings,
    queryFn: async () => (await api<{ meetings: Meeting[] }>('/meetings')).meetings,
    retry: false,
  })
}

export interface MeetingDetail {
  meeting: Meeting
  tasks: Task[]
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: keys.meeting(id),
    queryFn: async () => {
      const r = await api<{ meeting: Meeting; tasks?: Task[] }>(`/meetings/${id}`)
      return { meeting: r.meeting, tasks: r.tasks ?? [] } satisfies MeetingDetail
    },
    retry: false,
  })
}

export interface NotificationList {
  notifications: Notification[]
  unread: number
}

export function useNotifications(enabled = true) {
  const live = useLiveConnected()
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () => api<NotificationList>('/notifications'),
    retry: false,
    enabled,
    refetchInterval: live ? false : 60_000,
  })
}

/** Whose assignment table: a directive's or a meeting's. */
export type AssignmentOwner = { kind: 'directive' | 'meeting'; id: string }

/** The API path of an assignment table. */
export const assignmentBase = (o: AssignmentOwner) =>
  `/${o.kind === 'directive' ? 'directives' : 'meetings'}/${o.id}/assignments`

export const assignmentKeys = {
  table: (o: AssignmentOwner) => ['assignments', o.kind, o.id] as const,
}

/** The table's document, the caller's rights and its settled rows; refetched when someone settles. */
export function useAssignmentTable(o: AssignmentOwner) {
  return useQuery({
    queryKey: assignmentKeys.table(o),
    queryFn: ({ signal }) => api<AssignmentTableInfo>(assignmentBase(o), { signal }),
    retry: (n, e) => !(e instanceof Error && 'status' in e && (e as { status: number }).status < 500) && n < 2,
  })
}
