// The city's report of a period on the web: list, one report, composing one (the API's /city-reports).
import type { cityReportSchema } from '@hub/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from './api'

/** The city's report of a period (the response contract's type). */
export type CityReport = z.infer<typeof cityReportSchema>

export const cityReportKeys = {
  all: ['city-reports'] as const,
  one: (id: string) => ['city-reports', id] as const,
}

export function useCityReports() {
  return useQuery({
    queryKey: cityReportKeys.all,
    queryFn: async () => (await api<{ cityReports: CityReport[] }>('/city-reports')).cityReports,
  })
}

export function useCityReport(id: string) {
  return useQuery({
    queryKey: cityReportKeys.one(id),
    queryFn: async () => (await api<{ cityReport: CityReport }>(`/city-reports/${id}`)).cityReport,
  })
}

/** Composes the city's report of a period from the units' reports; the list refreshes. */
export function useComposeCityReport() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (period: string) =>
      (await api<{ cityReport: CityReport }>('/city-reports', { method: 'POST', body: { period } })).cityReport,
    onSuccess: () => qc.invalidateQueries({ queryKey: cityReportKeys.all }),
  })
}

/** Where each export of a report downloads from. */
export const cityReportExport = (id: string, format: 'docx' | 'pdf') =>
  `/api/city-reports/${id}/export?format=${format}`
