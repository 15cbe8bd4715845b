// The city's report of a period on the web: list, one report, composing one (the API's /city-reports).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './api'

export interface CityReport {
  id: string
  docName: string
  issuerUnitId: string
  period: string
  periodStart: string
  periodEnd: string
  title: string
  number: string | null
  composedBy: string | null
  composedByName: string | null
  composedAt: string
  version: number
  canEdit: boolean
}

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
