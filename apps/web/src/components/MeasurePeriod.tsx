// The period a measure page looks at (last 7, 30 or 90 days, or this month): the choices, the key the
// API reads for each, and the select that picks one.
import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { vnDay } from '../lib/dates'

export const measurePeriods = ['7d', '30d', '90d', 'month'] as const
export type MeasurePeriod = (typeof measurePeriods)[number]

/** The period key the API understands for each choice ("month": this month in Vietnam, yyyy-mm). */
export const measurePeriodKey = (p: MeasurePeriod) => (p === 'month' ? vnDay().slice(0, 7) : p)

export function MeasurePeriodSelect(props: { value: MeasurePeriod; onChange: (p: MeasurePeriod) => void; w: number }) {
  const { t } = useTranslation()
  return (
    <Select
      label={t('accountability.period')}
      value={props.value}
      onChange={(v) => v && props.onChange(v as MeasurePeriod)}
      data={measurePeriods.map((p) => ({ value: p, label: t(`accountability.periods.${p}`) }))}
      allowDeselect={false}
      w={props.w}
    />
  )
}
