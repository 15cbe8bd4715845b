/** English texts of the city's report of a period; part of the en catalogue (Vietnamese is the default). */
import type { cityReportVi } from './city-report-vi'

export const cityReportEn: typeof cityReportVi = {
  title: 'City report',
  intro:
    "The city's report of a period is composed automatically from the units' periodic reports and the accountability measure; the Party office edits it together, then exports it in the formal layout.",
  back: 'Accountability',
  compose: 'Compose report',
  composeFor: 'Compose the report for a period',
  cycle: 'Period kind',
  cycles: { daily: 'Day', weekly: 'Week', monthly: 'Month' },
  day: 'A day in the period',
  periodLabel: 'Period',
  composed: 'Report composed from the units',
  exists: 'This period already has a report',
  openExisting: "Open this period's report",
  none: 'No city report yet.',
  columns: { period: 'Period', title: 'Subject', composedBy: 'Composed by', composedAt: 'Composed at' },
  readOnly: 'You may read this report; the Party office and the standing committee edit it.',
  editorLabel: "The city report's text",
  composedLine: 'Composed by {{name}} at {{time}}',
  range: 'From {{from}} to {{to}}',
}
