// The timeliness figures of a task's cascade (a donut) and of the board's units (stacked bars). The donut
// is a few SVG arcs drawn here, so a task page does not load a chart library; the board's bar chart
// (Mantine charts on recharts, ~120 KB gzip) is its own chunk, loaded when that chart is shown.
import { Box, ColorSwatch, Group, Progress, Stack, Text } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { type Timeliness, type TimelinessCounts, timelinessValues } from '../lib/types'
import { timelinessChartColour } from './Badges'

/** The order the states are drawn in: the alarming ones first. */
const drawOrder: readonly Timeliness[] = ['overdue', 'open', 'late', 'on_time']

/** The CSS colour of a state's chart shade. */
const swatch = (s: Timeliness) => `var(--mantine-color-${timelinessChartColour[s].replace('.', '-')})`

const UnitBars = lazy(() => import('./TimelinessBars'))

const DONUT = 132
const RING = 20

/** The donut itself: one arc per state, clockwise from the top in draw order, a grey ring when all are 0. */
function Donut({ counts, centre }: { counts: TimelinessCounts; centre: string }) {
  const r = (DONUT - RING) / 2
  const round = 2 * Math.PI * r
  const total = drawOrder.reduce((n, s) => n + counts[s], 0)
  let start = 0
  return (
    <svg width={DONUT} height={DONUT} viewBox={`0 0 ${DONUT} ${DONUT}`} role="presentation">
      <g transform={`rotate(-90 ${DONUT / 2} ${DONUT / 2})`} fill="none" strokeWidth={RING}>
        {total === 0 ? (
          <circle cx={DONUT / 2} cy={DONUT / 2} r={r} stroke="var(--mantine-color-gray-3)" />
        ) : (
          drawOrder
            .filter((s) => counts[s] > 0)
            .map((s) => {
              const length = (counts[s] / total) * round
              const arc = (
                <circle
                  key={s}
                  data-state={s}
                  cx={DONUT / 2}
                  cy={DONUT / 2}
                  r={r}
                  stroke={swatch(s)}
                  strokeDasharray={`${length} ${round - length}`}
                  strokeDashoffset={-start}
                />
              )
              start += length
              return arc
            })
        )}
      </g>
      <text
        x="50%"
        y="50%"
        textAnchor="middle"
        dominantBaseline="central"
        fill="var(--mantine-color-text)"
        fontSize={14}
        fontWeight={600}
      >
        {centre}
      </text>
    </svg>
  )
}

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
  return (
    <Box component="figure" m={0} data-testid="timeliness-donut">
      <Group gap="lg" wrap="nowrap" align="center">
        <Box aria-hidden style={{ flex: 'none' }}>
          <Donut counts={counts} centre={centre} />
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
  const height = Math.max(160, rows.length * 30 + 60)
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
        <div aria-hidden style={{ minHeight: height }}>
          <Suspense fallback={null}>
            <UnitBars rows={rows} series={series} height={height} />
          </Suspense>
        </div>
      )}
      <Text component="figcaption" size="xs" c="dimmed" mt={6}>
        {caption}
      </Text>
    </Box>
  )
}
