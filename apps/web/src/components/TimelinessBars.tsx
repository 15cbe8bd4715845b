// The board's units as stacked horizontal bars (Mantine charts on recharts): a chunk of its own, loaded
// by TimelinessCharts.tsx only when the wide chart is shown, so no other page pays for the chart library.
import { BarChart } from '@mantine/charts'
import type { UnitTimelinessRow } from './TimelinessCharts'

/** The stacked bars; the caption and the compact list stay with the caller. */
export default function TimelinessBars({
  rows,
  series,
  height,
}: {
  rows: UnitTimelinessRow[]
  series: { name: string; label: string; color: string }[]
  height: number
}) {
  return (
    <BarChart
      h={height}
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
  )
}
