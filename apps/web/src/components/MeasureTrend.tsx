// The line chart of a unit's accountability score on its measure page, by weeks or months, with the
// rating thresholds, and for a unit made by a reorganisation the periods measured on its predecessors.

import { LineChart } from '@mantine/charts'
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTrend } from '../lib/accountability'
import { formatDate } from '../lib/dates'

/** Four months after a reform's day: the months view around it ends there, so the seam sits mid-chart. */
function afterSeam(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 100)
  return d.toISOString().slice(0, 10)
}

/**
 * A unit's score over the last eight weeks or months, with the rating thresholds as reference lines.
 * A unit made by a reorganisation also offers the months around it: the periods before it are
 * measured on its predecessors (each marked so in the caption) and the seam is a vertical line.
 */
export function MeasureTrend({ unitId, thresholds }: { unitId: string; thresholds: { good: number; pass: number } }) {
  const { t } = useTranslation()
  const [view, setView] = useState<'weekly' | 'monthly' | 'reform'>('weekly')
  const seam = useTrend(unitId, 'weekly').data?.seam ?? null
  const cycle = view === 'weekly' ? 'weekly' : 'monthly'
  const trend = useTrend(unitId, cycle, view === 'reform' && seam ? afterSeam(seam.on) : undefined)
  const points = trend.data?.points ?? []
  const data = points.map((p) => ({
    period:
      cycle === 'weekly'
        ? formatDate(p.period.from).slice(0, 5)
        : `${p.period.key.slice(5)}/${p.period.key.slice(0, 4)}`,
    [t('accountability.score')]: p.score,
  }))
  // Each month before the reform is marked; the predecessors it was measured on are named once.
  const predecessors = [
    ...new Set(
      points.flatMap((p) =>
        p.predecessors.map((x) => (x.share === 'part' ? `${x.name} ${t('accountability.partShare')}` : x.name)),
      ),
    ),
  ]
  const caption = [
    points
      .map(
        (p, i) =>
          `${data[i]!.period}: ${p.score ?? '—'}${p.beforeReform ? ` (${t('accountability.beforeReform')})` : ''}`,
      )
      .join('; '),
    ...(seam && predecessors.length
      ? [t('accountability.predecessorsNote', { date: formatDate(seam.on), units: predecessors.join(', ') })]
      : []),
  ].join('. ')
  const seamAt = seam ? points.findIndex((p) => p.period.from <= seam.on && seam.on <= p.period.to) : -1
  const seamLine =
    seam && seamAt >= 0
      ? [
          {
            x: data[seamAt]!.period,
            label: t('accountability.reformSeam', { date: formatDate(seam.on) }),
            color: 'gray.7',
          },
        ]
      : []
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          {t('accountability.trend')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('accountability.trendCycle')}
          value={view}
          onChange={(v) => setView(v as 'weekly' | 'monthly' | 'reform')}
          data={[
            { value: 'weekly', label: t('accountability.weeks') },
            { value: 'monthly', label: t('accountability.months') },
            ...(seam ? [{ value: 'reform', label: t('accountability.aroundReform') }] : []),
          ]}
        />
      </Group>
      <div aria-hidden>
        <LineChart
          h={200}
          data={data}
          dataKey="period"
          series={[{ name: t('accountability.score'), color: 'red.7' }]}
          yAxisProps={{ domain: [0, 100] }}
          referenceLines={[
            { y: thresholds.good, label: t('accountability.ratings.good'), color: 'blue.4' },
            { y: thresholds.pass, label: t('accountability.ratings.pass'), color: 'yellow.6' },
            ...seamLine,
          ]}
          connectNulls
        />
      </div>
      <Text size="xs" c="dimmed" data-testid="trend-caption">
        {caption}
      </Text>
    </Card>
  )
}
