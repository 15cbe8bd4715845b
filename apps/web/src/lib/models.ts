// Model practices (mô hình) and the global search on the web: the API's shapes, the query keys, and the
// queries and mutations of the model pages and the header search (GlobalSearch).

import type { ModelCoverage, modelAdoptionSchema, modelCommentSchema, modelPracticeSchema } from '@hub/domain'
import { type ModelStatus, modelStatuses, type SearchResult, type SearchType, searchTypes } from '@hub/domain'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api, qs } from './api'
import type { Task } from './types'

export type { ModelCoverage, SearchResult, SearchType }
export { type ModelStatus, modelStatuses, searchTypes }

/** A practice as the API lists it (the response contract's type). */
export type ModelPractice = z.infer<typeof modelPracticeSchema>

/** A unit's adoption, or the committee's request that it adopt. */
export type ModelAdoption = z.infer<typeof modelAdoptionSchema>

export interface ModelDetail extends ModelPractice {
  adoptions: ModelAdoption[]
  statusSteps: {
    status: ModelStatus
    note: string
    decidedBy: string | null
    decidedByName: string | null
    decidedAt: string
  }[]
  attachments: { id: string; filename: string; contentType: string; size: number; createdAt: string }[]
  can: { adoptFor: string[]; decide: boolean; attach: boolean; next: ModelStatus | null }
  comparison: {
    key: string
    origin: number | string | null
    reported: number
    mean: number | null
    min: number | null
    max: number | null
  }[]
}

export type ModelComment = z.infer<typeof modelCommentSchema>

export interface ModelFilters {
  category?: string
  status?: ModelStatus
  districtId?: string
  q?: string
}

export const modelKeys = {
  all: ['models'] as const,
  list: (f: ModelFilters) => ['models', 'list', f] as const,
  one: (id: string) => ['models', 'one', id] as const,
  comments: (id: string) => ['models', 'comments', id] as const,
  search: (q: string) => ['search', q] as const,
}

export function useModels(f: ModelFilters) {
  return useQuery({
    queryKey: modelKeys.list(f),
    queryFn: async () => (await api<{ models: ModelPractice[] }>(`/models${qs({ ...f })}`)).models,
    placeholderData: keepPreviousData,
  })
}

export function useModel(id: string) {
  return useQuery({
    queryKey: modelKeys.one(id),
    queryFn: async () => (await api<{ model: ModelDetail }>(`/models/${id}`)).model,
  })
}

export function useModelComments(id: string) {
  return useQuery({
    queryKey: modelKeys.comments(id),
    queryFn: async () => (await api<{ comments: ModelComment[] }>(`/models/${id}/comments`)).comments,
    refetchInterval: 30_000,
  })
}

/** The global search; nothing is asked for fewer than two characters. */
export function useSearch(q: string) {
  const query = q.trim()
  return useQuery({
    queryKey: modelKeys.search(query),
    queryFn: async ({ signal }) =>
      (await api<{ results: SearchResult[] }>(`/search${qs({ q: query, limit: 40 })}`, { signal })).results,
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  })
}

export function useAdopt(modelId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { unitId: string; startedAt: string; note: string }) =>
      api<{ adoption: ModelAdoption; tasks: Task[] }>(`/models/${modelId}/adoptions`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: modelKeys.all })
      void qc.invalidateQueries({ queryKey: ['tasks'] })
    },
  })
}

export function useTransitionModel(modelId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { to: ModelStatus; note: string }) =>
      api<{ model: ModelPractice }>(`/models/${modelId}/transition`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: modelKeys.all }),
  })
}

export function usePostComment(modelId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { body: string; parentId?: string }) =>
      api<{ comment: ModelComment }>(`/models/${modelId}/comments`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: modelKeys.comments(modelId) }),
  })
}

export function useRequestAdoption(modelId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { unitIds: string[]; dueAt?: string; note: string }) =>
      api<{ adoptions: ModelAdoption[]; tasks: Task[] }>(`/models/${modelId}/requests`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: modelKeys.all })
      void qc.invalidateQueries({ queryKey: ['tasks'] })
    },
  })
}

export function useRecordOutcome(modelId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ adoptionId, ...body }: { adoptionId: string; outcome: string; figures?: Record<string, number> }) =>
      api<{ adoption: ModelAdoption }>(`/models/${modelId}/adoptions/${adoptionId}`, { method: 'PATCH', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: modelKeys.one(modelId) }),
  })
}

export interface ModelProposal {
  title: string
  originUnitId: string
  category: string
  summary: string
  results: string
  steps: string[]
}

export function useProposeModel() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: ModelProposal) => api<{ model: ModelPractice }>('/models', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: modelKeys.all }),
  })
}
