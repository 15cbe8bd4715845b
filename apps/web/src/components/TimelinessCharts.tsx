import { BarChart, DonutChart } from '@mantine/charts'
import { Box, ColorSwatch, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Timeliness, type TimelinessCounts, timelinessValues } from '../lib/types'
import { timelinessChartColour } from './Badges'

/** The order the states are drawn in: the alarming ones first. */
const drawOrder: readonly Timeliness[] = ['overdue', 'open', 'late', 'on_time']

/** The CSS colour of a state's chart shade. */
const swatch = (s: Timeliness) => `var(--mantine-color-${timelinessChartColour[s].replace('.', '-')})`

/**
 * Four timeliness counts as a donut with a counted legend beside it. The figure's caption (given by
 * the caller) carries the same numbers in words; the drawing itself is hidden from screen readers.
 */
export function TimelinessDonut({
  counts,
  centre,
  caption,
}: {
  counts: TimelinessCounts
  centre: string
  caption: string
}) {
  const { t } = useTranslation()
  const data = drawOrder
    .filter((s) => counts[s] > 0)
    .map((s) => ({ name: t(`timelinessShort.${s}`), value: counts[s], color: timelinessChartColour[s] }))
  return (
    <Box component="figure" m={0} data-testid="timeliness-donut">
      <Group gap="lg" wrap="nowrap" align="center">
        <Box aria-hidden style={{ flex: 'none' }}>
          <DonutChart
            data={data.length ? data : [{ name: '', value: 1, color: 'gray.3' }]}
            size={132}
            thickness={20}
            chartLabel={centre}
            withTooltip={false}
            strokeWidth={1}
            pieChartProps={{ accessibilityLayer: false }}
          />
        </Box>
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {drawOrder.map((s) => (
            <Group key={s} gap={8} wrap="nowrap" component="li" data-testid={`count-${s}`} data-count={counts[s]}>
              <ColorSwatch color={swatch(s)} size={12} />
              <Text size="sm">
                {t(`timelinessShort.${s}`)}: <b>{counts[s]}</b>
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
      <Text component="figcaption" size="xs" c="dimmed" mt={6}>
        {caption}
      </Text>
    </Box>
  )
}

/** One unit's counts as the board computes them. */
export interface UnitTimelinessRow extends TimelinessCounts {
  unit: string
}

/**
 * Units side by side as stacked horizontal bars of the four states. On a phone the bars become a
 * short list with one segmented bar each, which reads better than a squeezed chart.
 */
export function UnitTimelinessChart({
  rows,
  compact,
  caption,
}: {
  rows: UnitTimelinessRow[]
  compact: boolean
  caption: string
}) {
  const { t } = useTranslation()
  const series = drawOrder.map((s) => ({ name: s, label: t(`timelinessShort.${s}`), color: timelinessChartColour[s] }))
  return (
    <Box component="figure" m={0} data-testid="unit-chart">
      {compact ? (
        <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          <Group gap="sm" component="li" aria-hidden>
            {drawOrder.map((s) => (
              <Group key={s} gap={4} wrap="nowrap">
                <ColorSwatch color={swatch(s)} size={10} />
                <Text size="xs">{t(`timelinessShort.${s}`)}</Text>
              </Group>
            ))}
          </Group>
          {rows.map((r) => {
            const total = timelinessValues.reduce((n, s) => n + r[s], 0) || 1
            return (
              <li key={r.unit}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} lineClamp={1}>
                    {r.unit}
                  </Text>
                  <Text size="xs" c={r.overdue ? 'red.9' : 'dimmed'} fw={r.overdue ? 700 : undefined}>
                    {t('timelinessShort.overdue')}: {r.overdue}
                  </Text>
                </Group>
                <Progress.Root size="lg" aria-label={t('board.chart.row', { ...r })} role="img">
                  {drawOrder.map((s) =>
                    r[s] ? (
                      <Progress.Section key={s} value={(r[s] / total) * 100} color={timelinessChartColour[s]} />
                    ) : null,
                  )}
                </Progress.Root>
              </li>
            )
          })}
        </Stack>
      ) : (
        <div aria-hidden>
          <BarChart
            h={Math.max(160, rows.length * 30 + 60)}
            data={rows}
            dataKey="unit"
            type="stacked"
            orientation="vertical"
            series={series}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 36 }}
            yAxisProps={{ width: 130, interval: 0 }}
            gridAxis="x"
            maxBarWidth={22}
            barChartProps={{ accessibilityLayer: false }}
            tooltipAnimationDuration={100}
          />
        </div>
      )}
      <Text component="figcaption" size="xs" c="dimmed" mt={6}>
        {caption}
      </Text>
    </Box>
  )
}
