// Picking units from the directory in every form that names one: a single unit (UnitSelect) or several
// (UnitMultiSelect, UnitPicker); current units only, from the city down, found by name without diacritics.

import { foldVietnamese } from '@hub/domain'
import {
  Button,
  CheckIcon,
  CloseButton,
  Combobox,
  type ComboboxItem,
  type ComboboxParsedItem,
  Group,
  Input,
  MultiSelect,
  type MultiSelectProps,
  Pill,
  PillsInput,
  Select,
  type SelectProps,
  useCombobox,
} from '@mantine/core'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
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

export interface UnitPickerProps {
  label: ReactNode
  value: string[]
  onChange: (value: string[]) => void
  placeholder?: string
  description?: ReactNode
  error?: ReactNode
  disabled?: boolean
  /** Pills shown before the rest fold into "+N": a clause for "các quận, huyện" names 30 units. */
  maxDisplayed?: number
  'data-testid'?: string
  /**
   * The field a dialog focuses when it opens (Mantine's focus trap takes `data-autofocus`); without it the
   * dialog focuses its close button a moment after opening, taking focus from a picker already in use.
   */
  'data-autofocus'?: boolean
}

/**
 * Several units from the directory by name, searchable without diacritics. Long selections (every
 * district, every ward) fold into "+N more" so the field stays one line until asked to unfold.
 */
export function UnitPicker({
  label,
  value,
  onChange,
  placeholder,
  description,
  error,
  disabled,
  maxDisplayed = 4,
  ...rest
}: UnitPickerProps) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const options = useUnitOptions()
  const [search, setSearch] = useState('')
  const [unfolded, setUnfolded] = useState(false)
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption()
      setSearch('')
    },
    onDropdownOpen: () => combobox.updateSelectedOptionIndex('active'),
  })
  const selected = useMemo(() => new Set(value), [value])
  const shown = foldFilter({ options, search, limit: 60 }) as ComboboxItem[]
  const toggle = (id: string) => onChange(selected.has(id) ? value.filter((v) => v !== id) : [...value, id])
  const visible = unfolded ? value : value.slice(0, maxDisplayed)
  const hidden = value.length - visible.length

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        toggle(id)
        setSearch('')
      }}
      disabled={disabled}
      withinPortal
    >
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          disabled={disabled}
          onClick={() => combobox.openDropdown()}
          data-testid={rest['data-testid']}
          rightSection={
            value.length > 0 && !disabled ? (
              <CloseButton
                size="sm"
                aria-label={t('unitPicker.clear')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onChange([])}
              />
            ) : (
              <Combobox.Chevron />
            )
          }
        >
          <Pill.Group>
            {visible.map((id) => (
              <Pill
                key={id}
                withRemoveButton={!disabled}
                onRemove={() => toggle(id)}
                removeButtonProps={{ 'aria-label': t('unitPicker.remove', { name: byId.get(id)?.name ?? '' }) }}
              >
                {byId.get(id)?.name ?? t('common.unknownUnit')}
              </Pill>
            ))}
            {(hidden > 0 || (unfolded && value.length > maxDisplayed)) && (
              <Button
                variant="light"
                size="compact-xs"
                radius="xl"
                // Folding is not picking: keep the input from taking focus and opening the list.
                onMouseDown={(e) => {
                  e.preventDefault()
                  e.stopPropagation()
                }}
                onClick={(e) => {
                  e.stopPropagation()
                  setUnfolded((u) => !u)
                }}
              >
                {hidden > 0 ? t('unitPicker.more', { count: hidden }) : t('unitPicker.fold')}
              </Button>
            )}
            {value.length === 0 && !search && placeholder && <Input.Placeholder>{placeholder}</Input.Placeholder>}
            <Combobox.EventsTarget>
              <PillsInput.Field
                data-autofocus={rest['data-autofocus'] || undefined}
                value={search}
                disabled={disabled}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(e) => {
                  combobox.updateSelectedOptionIndex()
                  setSearch(e.currentTarget.value)
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    e.preventDefault()
                    onChange(value.slice(0, -1))
                  }
                }}
                style={{ minWidth: 80 }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {shown.length === 0 ? (
            <Combobox.Empty>—</Combobox.Empty>
          ) : (
            shown.map((o) => (
              <Combobox.Option value={o.value} key={o.value} active={selected.has(o.value)}>
                <Group gap="xs" wrap="nowrap">
                  {selected.has(o.value) ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
                  <span>{o.label}</span>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}
