import { foldVietnamese } from '@hub/domain/text-fold'
import {
  type ComboboxItem,
  type ComboboxParsedItem,
  MultiSelect,
  type MultiSelectProps,
  Select,
  type SelectProps,
} from '@mantine/core'
import { useMemo } from 'react'
import { useUnits } from '../lib/queries'
import type { Unit } from '../lib/types'

/** "Tây Hồ" finds "Quận Tây Hồ"; "tay ho" too: search ignores diacritics and case. */
function foldFilter({
  options,
  search,
  limit,
}: {
  options: ComboboxParsedItem[]
  search: string
  limit: number
}): ComboboxParsedItem[] {
  const q = foldVietnamese(search)
  if (!q) return options.slice(0, limit)
  const out: ComboboxParsedItem[] = []
  for (const o of options) {
    if ('group' in o) continue
    if (foldVietnamese((o as ComboboxItem).label).includes(q)) out.push(o)
    if (out.length >= limit) break
  }
  return out
}

const kindOrder: Record<Unit['kind'], number> = { city: 0, body: 1, sector: 2, district: 3, commune: 4, village: 5 }

function useUnitOptions(filter?: (u: Unit) => boolean) {
  const { units } = useUnits()
  return useMemo(
    () =>
      units
        .filter((u) => !u.validTo && (!filter || filter(u)))
        .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name, 'vi'))
        .map((u) => ({ value: u.id, label: u.name })),
    [units, filter],
  )
}

/** Picks one unit from the directory (some 700 of them), searchable without diacritics. */
export function UnitSelect({
  unitFilter,
  ...props
}: Omit<SelectProps, 'data'> & { unitFilter?: (u: Unit) => boolean }) {
  const data = useUnitOptions(unitFilter)
  return <Select searchable clearable limit={60} filter={foldFilter} data={data} nothingFoundMessage="—" {...props} />
}

export function UnitMultiSelect({
  unitFilter,
  ...props
}: Omit<MultiSelectProps, 'data'> & { unitFilter?: (u: Unit) => boolean }) {
  const data = useUnitOptions(unitFilter)
  return (
    <MultiSelect searchable clearable limit={60} filter={foldFilter} data={data} nothingFoundMessage="—" {...props} />
  )
}
