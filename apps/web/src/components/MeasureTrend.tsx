import { LineChart } from '@mantine/charts'
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTrend } from '../lib/accountability'
import { formatDate } from '../lib/dates'

/** A unit's score over the last eight weeks or months, with the rating thresholds as reference lines. */
export function MeasureTrend({ unitId, thresholds }: { unitId: string; thresholds: { good: number; pass: number } }) {
  const { t } = useTranslation()
  const [cycle, setCycle] = useState<'weekly' | 'monthly'>('weekly')
  const trend = useTrend(unitId, cycle)
  const points = trend.data?.points ?? []
  const data = points.map((p) => ({
    period:
      cycle === 'weekly'
        ? formatDate(p.period.from).slice(0, 5)
        : `${p.period.key.slice(5)}/${p.period.key.slice(0, 4)}`,
    [t('accountability.score')]: p.score,
  }))
  const caption = points.map((p, i) => `${data[i]!.period}: ${p.score ?? '—'}`).join('; ')
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          {t('accountability.trend')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('accountability.trendCycle')}
          value={cycle}
          onChange={(v) => setCycle(v as 'weekly' | 'monthly')}
          data={[
            { value: 'weekly', label: t('accountability.weeks') },
            { value: 'monthly', label: t('accountability.months') },
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
