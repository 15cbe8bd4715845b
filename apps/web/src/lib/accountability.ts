// The accountability measure (thước đo trách nhiệm) on the web: the API's shapes, and the queries and
// mutations of the ranking, a unit's measure and trend, periodic reports, difficulties and inspections; which
// roles may report, inspect, oversee or decide; the rating colours.

import {
  type InspectionOutcome,
  inspectionOutcomes,
  type inspectionSchema,
  type MeasureSettings,
  type owedReportSchema,
  type periodicReportViewSchema,
  type RatingCode,
  type UnitFigures,
} from '@hub/domain'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { z } from 'zod'
import { connectLive, useLiveRoom } from '../live/socket'
import { api, qs } from './api'
import type { Role } from './types'

export type { MeasureSettings, RatingCode }
export type MeasureKind = 'district' | 'commune' | 'sector' | 'body'
export { inspectionOutcomes as outcomes }
export type Outcome = InspectionOutcome

/** A unit's figures as the API gives them (the domain's `UnitFigures`), with the unit's head where asked. */
export interface MeasureFigures extends UnitFigures {
  head?: { name: string; position: string } | null
}
export interface MeasureRow extends MeasureFigures {
  rank: number | null
}
export interface Period {
  key: string
  from: string
  to: string
  cycle: string | null
}
export interface TaskRecord {
  id: string
  title: string
  unitId: string
  unitName?: string
  dueAt: string | null
  completedDay: string | null
  status: string
  days: number
  href: string
  daysSinceUpdate?: number
}
export interface ExpectedReport {
  scheduleId: string
  title: string
  period: string
  dueOn: string
  status: 'on_time' | 'late' | 'missing' | 'pending'
  reportId: string | null
  submittedAt: string | null
}
export interface InspectionRecord {
  id: string
  unitId: string
  date: string
  kind: 'planned' | 'unannounced'
  outcome: Outcome | null
  findings: string
}
/** An inspection as GET /api/inspections returns it: with its conclusion and whether it was published to the unit. */
export type Inspection = z.infer<typeof inspectionSchema>
export interface UnitMeasure {
  unit: { id: string; name: string; kind: string; parentId: string | null }
  parent: { id: string; name: string; kind: string } | null
  head: { name: string; position: string } | null
  period: Period
  today: string
  settings: MeasureSettings
  figures: MeasureFigures
  records: MeasureRecords
  /** The unit's heads over the period, each measured on what he answers for. */
  heads: HeadMeasureRow[]
  children: MeasureFigures[]
}
export interface MeasureRecords {
  dueInPeriod: TaskRecord[]
  overdue: TaskRecord[]
  reports: ExpectedReport[]
  stale: TaskRecord[]
  inspections: InspectionRecord[]
  subunitTasks: TaskRecord[]
}
/** A head (người đứng đầu) of the unit, his days in office within the period, figures and records. */
export interface HeadMeasureRow {
  id: string
  userId: string | null
  name: string
  position: string
  from: string
  to: string | null
  figures: MeasureFigures
  records: MeasureRecords
}
export type PeriodicReport = z.infer<typeof periodicReportViewSchema>
export type OwedReport = z.infer<typeof owedReportSchema>

export const accountabilityKeys = {
  all: ['accountability'] as const,
  measure: (kind: string, period: string) => ['accountability', 'measure', kind, period] as const,
  unit: (id: string, period: string) => ['accountability', 'unit', id, period] as const,
  missing: ['accountability', 'missing'] as const,
  inbox: ['accountability', 'inbox'] as const,
  teams: ['accountability', 'teams'] as const,
  inspections: (unitId: string, from: string, to: string) =>
    ['accountability', 'inspections', unitId, from, to] as const,
}

/** The ranking; never cached long: a change to a task shows in the next answer. */
export function useMeasure(kind: MeasureKind, period: string) {
  return useQuery({
    queryKey: accountabilityKeys.measure(kind, period),
    queryFn: () =>
      api<{ period: Period; today: string; settings: MeasureSettings; rows: MeasureRow[] }>(
        `/measure${qs({ kind, period })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: 60_000,
  })
}

/**
 * Keeps a unit's measure page live: joins the unit's room and refetches its figures, trend and
 * inspections when one of its tasks changes (reports and inspections are refetched city-wide by
 * LiveEvents). Refetching, not patching: every figure is recomputed by the server.
 */
export function useMeasureLive(unitId: string | null) {
  const qc = useQueryClient()
  useLiveRoom(unitId ? `unit:${unitId}` : null)
  useEffect(() => {
    if (!unitId) return
    const s = connectLive()
    const refresh = () => {
      for (const key of [
        ['accountability', 'unit', unitId],
        ['accountability', 'trend', unitId],
      ])
        void qc.invalidateQueries({ queryKey: key })
    }
    s.on('task:created', refresh)
    s.on('task:updated', refresh)
    return () => {
      s.off('task:created', refresh)
      s.off('task:updated', refresh)
    }
  }, [qc, unitId])
}

export function useUnitMeasure(unitId: string | null, period: string) {
  return useQuery({
    queryKey: accountabilityKeys.unit(unitId ?? '', period),
    queryFn: () => api<UnitMeasure>(`/measure/${unitId}${qs({ period })}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled: !!unitId,
  })
}

export interface TrendPoint {
  period: Period
  score: number | null
  ratingCode: RatingCode | null
  onTimeRate: number | null
  overdue: number
  reportsOnTimeRate: number | null
  /** Measured on the unit's predecessors: a period before the reform that made it. */
  beforeReform: boolean
  predecessors: { id: string; name: string; share: 'whole' | 'part' }[]
}

/** A unit's score over the last weeks or months, or up to `until` (a day); `seam`: the reform that made it. */
export function useTrend(unitId: string | null, cycle: 'weekly' | 'monthly', until?: string) {
  return useQuery({
    queryKey: ['accountability', 'trend', unitId, cycle, until],
    queryFn: () =>
      api<{ points: TrendPoint[]; seam: { on: string } | null }>(
        `/measure/${unitId}/trend${qs({ cycle, count: 8, until })}`,
      ),
    enabled: !!unitId,
  })
}

export function useMissingReports(enabled: boolean) {
  return useQuery({
    queryKey: accountabilityKeys.missing,
    queryFn: () => api<{ day: string; missing: OwedReport[]; late: OwedReport[] }>('/reports/missing'),
    enabled,
  })
}

export function useDifficultiesInbox() {
  return useQuery({
    queryKey: accountabilityKeys.inbox,
    queryFn: async () => (await api<{ reports: PeriodicReport[] }>('/reports?difficulties=open&limit=50')).reports,
  })
}

export function useInspectionTeams(enabled: boolean) {
  return useQuery({
    queryKey: accountabilityKeys.teams,
    queryFn: async () =>
      (await api<{ teams: { id: string; name: string; decisionNumber: string }[] }>('/inspections/teams')).teams,
    enabled,
    staleTime: 10 * 60_000,
  })
}

export interface InspectionInput {
  unitId: string
  kind: 'planned' | 'unannounced'
  date: string
  findings: string
  outcome: Outcome
  teamId?: string
  followUps?: { title: string; dueAt?: string }[]
  directiveId?: string
  checklist?: { ordinal: number; result: ChecklistResult; note?: string }[]
}

export const checklistResults = ['met', 'partly', 'not_met'] as const
export type ChecklistResult = (typeof checklistResults)[number]

/** The checklist of an inspection under a directive: one item per clause. */
export function useInspectionChecklist(directiveId: string | null) {
  return useQuery({
    queryKey: ['inspection-checklist', directiveId],
    queryFn: async () =>
      (
        await api<{ items: { ordinal: number; text: string }[] }>(
          `/inspections/checklist?directiveId=${encodeURIComponent(directiveId!)}`,
        )
      ).items,
    enabled: !!directiveId,
    staleTime: 10 * 60_000,
  })
}

/** Recording an inspection refreshes every figure shown. */
export function useRecordInspection() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: InspectionInput) => api('/inspections', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountabilityKeys.all }),
  })
}

/** The inspections of a unit in a period, as the reader may see them (the server hides an unannounced visit ahead). */
export function useUnitInspections(unitId: string, from: string, to: string) {
  return useQuery({
    queryKey: accountabilityKeys.inspections(unitId, from, to),
    queryFn: async () =>
      (await api<{ inspections: Inspection[] }>(`/inspections${qs({ unitId, from, to })}`)).inspections,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** Publishes an inspection's conclusion to the unit (its heads are notified); publishing again changes nothing. */
export function usePublishInspection() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      api<{ inspection: Inspection }>(`/inspections/${encodeURIComponent(id)}/publish`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountabilityKeys.all }),
  })
}

export function useDecideDifficulty() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { reportId: string; answer: string; taskTitle?: string }) =>
      api(`/reports/${input.reportId}/decision`, {
        method: 'POST',
        body: { answer: input.answer, ...(input.taskTitle ? { task: { title: input.taskTitle } } : {}) },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountabilityKeys.all }),
  })
}

const reportingRoles = new Set(['unit_head', 'unit_staff', 'committee_member', 'office_drafter', 'admin'])
const inspectingRoles = new Set(['inspector', 'committee_member', 'admin'])
const overseeingRoles = new Set(['inspector', 'committee_member', 'office_drafter', 'admin'])
const decidingRoles = new Set(['committee_member', 'office_drafter', 'admin'])

/** The units the user reports for: where he holds a reporting role himself (the server's rule). */
export const reportingUnits = (roles: Role[]) => roles.filter((r) => reportingRoles.has(r.role)).map((r) => r.unitId)
/** Whether the user may record inspections at all (the server still checks the unit). */
export const mayInspect = (roles: Role[]) => roles.some((r) => inspectingRoles.has(r.role))
export const mayOversee = (roles: Role[]) => roles.some((r) => overseeingRoles.has(r.role))
export const mayDecide = (roles: Role[]) => roles.some((r) => decidingRoles.has(r.role))

/** Mantine colour of each rating, shared by the table, the tree and the charts. */
export const ratingColour: Record<RatingCode | 'none', string> = {
  excellent: 'teal.7',
  good: 'blue.6',
  pass: 'yellow.6',
  fail: 'red.7',
  none: 'gray.5',
}

/** 0.873 → "87%"; null → "—". */
export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)
