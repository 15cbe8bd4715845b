// One unit's accountability measure (/accountability/:unitId): its figures over a period with the records
// behind them, its trend, heads, inspections and sub-units; reporting and inspecting for those who may.

import {
  Accordion,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconClipboardCheck, IconReportAnalytics } from '@tabler/icons-react'
import { getRouteApi, Link } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { InspectionFormModal, RatingBadge, ReportFormModal } from '../components/AccountabilityForms'
import { InspectionsCard } from '../components/InspectionsCard'
import { type MeasurePeriod, MeasurePeriodSelect, measurePeriodKey } from '../components/MeasurePeriod'
import { MeasureTable } from '../components/MeasureTable'
import { MeasureTrend } from '../components/MeasureTrend'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import {
  type ExpectedReport,
  type HeadMeasureRow,
  mayInspect,
  outcomes,
  percent,
  ratingColour,
  reportingUnits,
  type TaskRecord,
  useMeasureLive,
  useUnitMeasure,
} from '../lib/accountability'
import { formatDate } from '../lib/dates'
import { useUnits } from '../lib/queries'

const route = getRouteApi('/_authed/accountability/$unitId')
const reportColour: Record<ExpectedReport['status'], string> = {
  on_time: 'teal',
  late: 'orange',
  missing: 'red',
  pending: 'gray',
}

/** One unit's measure: each figure with the records behind it, its sub-units to drill into. */
export function UnitMeasurePage() {
  const { t } = useTranslation()
  const { unitId } = route.useParams()
  const user = useUser()
  const { byId } = useUnits()
  const [period, setPeriod] = useState<MeasurePeriod>('30d')
  const q = useUnitMeasure(unitId, measurePeriodKey(period))
  useMeasureLive(unitId)
  const [reportOpen, report] = useDisclosure(false)
  const [inspectOpen, inspect] = useDisclosure(false)
  if (q.isLoading) return <Loading />
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  const m = q.data
  const f = m.figures
  const s = m.settings
  // City → district → commune, from the unit directory.
  const trail: { id: string; name: string }[] = []
  for (let id: string | null = m.unit.parentId; id; ) {
    const u = byId.get(id)
    if (!u) break
    trail.unshift({ id: u.id, name: u.kind === 'city' ? t('accountability.city') : u.name })
    id = u.parentId
  }
  const canReport = reportingUnits(user.roles).includes(unitId)
  const canInspect = mayInspect(user.roles) && unitId !== user.unitId && m.unit.kind !== 'city'

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/accountability">
          {t('accountability.title')}
        </Anchor>
        {trail.map((x) => (
          <Anchor key={x.id} component={Link} to={`/accountability/${x.id}`}>
            {x.name}
          </Anchor>
        ))}
        <Text>{m.unit.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{m.unit.name}</PageTitle>
          {m.head && (
            <Text size="sm" c="dimmed">
              {m.head.position}: {m.head.name}
            </Text>
          )}
        </div>
        <Group gap="xs" align="flex-end">
          <MeasurePeriodSelect value={period} onChange={setPeriod} w={170} />
          {canReport && (
            <Button leftSection={<IconReportAnalytics size={18} aria-hidden />} onClick={report.open}>
              {t('accountability.submitReport')}
            </Button>
          )}
          {canInspect && (
            <Button variant="light" leftSection={<IconClipboardCheck size={18} aria-hidden />} onClick={inspect.open}>
              {t('accountability.recordInspection')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper
        withBorder
        p="md"
        style={{
          borderLeft: `8px solid var(--mantine-color-${ratingColour[f.ratingCode ?? 'none'].replace('.', '-')})`,
        }}
      >
        <Group gap="lg">
          <div>
            <Text size="xs" c="dimmed">
              {t('accountability.score')}
            </Text>
            <Text fz={36} fw={800} data-testid="unit-score">
              {f.score ?? '—'}
            </Text>
          </div>
          <RatingBadge code={f.ratingCode} />
          {f.penalty > 0 && (
            <Text size="sm" c="red.8">
              {t('accountability.penalty')}: −{f.penalty}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('accountability.howComputed')}:{' '}
          {t('accountability.formula', { ...s.weights, ...s.overdue, ...s.thresholds })}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Figure
          label={t('accountability.onTimeRate')}
          value={percent(f.onTimeRate)}
          detail={t('accountability.onTimeDetail', { onTime: f.doneOnTime, due: f.dueInPeriod, late: f.doneLate })}
        />
        <Figure
          label={t('accountability.overdue')}
          value={String(f.overdue)}
          detail={t('accountability.overdueDetail', { count: f.overdue, days: f.overdueDays })}
          alarm={f.overdue > 0}
        />
        <Figure
          label={t('accountability.reportsOnTime')}
          value={percent(f.reportsOnTimeRate)}
          detail={t('accountability.reportsDetail', {
            expected: f.reportsExpected,
            late: f.reportsLate,
            missing: f.reportsMissing,
          })}
        />
        <Figure
          label={t('accountability.freshness')}
          value={f.daysSinceUpdate === null ? '—' : String(f.daysSinceUpdate)}
          detail={t('accountability.freshnessDetail', { days: f.daysSinceUpdate ?? 0, open: f.openTasks })}
        />
        <Figure
          label={t('accountability.inspections')}
          value={f.inspectionValue === null ? '—' : percent(f.inspectionValue)}
          detail={outcomes
            .filter((o) => f.inspections[o] > 0)
            .map((o) => `${t(`accountability.outcomes.${o}`)}: ${f.inspections[o]}`)
            .join(' · ')}
        />
        <Figure
          label={t('accountability.subunits')}
          value={percent(f.subunitCompletion)}
          detail={t('accountability.subunitsDetail')}
        />
      </SimpleGrid>
      <MeasureTrend unitId={unitId} thresholds={s.thresholds} />
      <Anchor component={Link} to={`/accountability/compare?a=${unitId}`} size="sm">
        {t('accountability.compare')}
      </Anchor>
      {m.heads.length > 0 && <HeadsCard heads={m.heads} />}
      {m.children.length > 0 && <MeasureTable title={t('accountability.children')} rows={m.children} />}
      <Title order={2} fz="xl">
        {t('accountability.records')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TaskList title={t('accountability.overdueTasks')} tasks={m.records.overdue} showDays />
        <TaskList title={t('accountability.dueTasks')} tasks={m.records.dueInPeriod} showDays />
        <Card withBorder>
          <Title order={3} fz="md" mb="xs">
            {t('accountability.reports')}
          </Title>
          {m.records.reports.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('accountability.noRecords')}
            </Text>
          ) : (
            <Stack gap={4}>
              {m.records.reports.map((r) => (
                <Group key={`${r.scheduleId}-${r.period}`} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {r.title} · {formatDate(r.dueOn)}
                  </Text>
                  <Badge
                    color={reportColour[r.status]}
                    variant="light"
                    style={{ textTransform: 'none', flexShrink: 0, overflow: 'visible' }}
                  >
                    {t(`accountability.reportStatus.${r.status}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <InspectionsCard unitId={unitId} from={m.period.from} to={m.period.to} />
        <TaskList title={t('accountability.staleTasks')} tasks={m.records.stale.slice(0, 30)} stale />
        {m.records.subunitTasks.length > 0 && (
          <TaskList title={t('accountability.subunitTasks')} tasks={m.records.subunitTasks.slice(0, 50)} showDays />
        )}
      </SimpleGrid>
      {canReport && <ReportFormModal opened={reportOpen} onClose={report.close} unitIds={[unitId]} />}
      {canInspect && (
        <InspectionFormModal opened={inspectOpen} onClose={inspect.close} unitId={unitId} ownUnitId={user.unitId} />
      )}
    </Stack>
  )
}

function Figure({ label, value, detail, alarm }: { label: string; value: string; detail: ReactNode; alarm?: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={alarm ? 'red.8' : undefined}>
        {value}
      </Text>
      <Text size="xs">{detail}</Text>
    </Paper>
  )
}

/** The unit's heads over the period: each one's score and rating, and the tasks behind his figures. */
function HeadsCard({ heads }: { heads: HeadMeasureRow[] }) {
  const { t } = useTranslation()
  return (
    <Card withBorder data-testid="heads">
      <Title order={2} fz="lg">
        {t('accountability.heads.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('accountability.heads.how')}
      </Text>
      <Accordion variant="separated">
        {heads.map((h) => (
          <Accordion.Item key={h.id} value={h.id} data-head={h.id}>
            <Accordion.Control aria-label={t('accountability.heads.records', { name: h.name })}>
              <Group gap="md" wrap="wrap">
                <div>
                  <Text fw={700}>{h.name}</Text>
                  <Text size="xs" c="dimmed">
                    {h.position} ·{' '}
                    {h.to
                      ? t('accountability.heads.between', { from: formatDate(h.from), to: formatDate(h.to) })
                      : t('accountability.heads.since', { from: formatDate(h.from) })}
                  </Text>
                </div>
                <Text fz={24} fw={800} data-testid="head-score">
                  {h.figures.score ?? '—'}
                </Text>
                <RatingBadge code={h.figures.ratingCode} />
                <Text size="sm">
                  {t('accountability.onTimeRate')}: {percent(h.figures.onTimeRate)} · {t('accountability.overdue')}:{' '}
                  {h.figures.overdue} · {t('accountability.reportsOnTime')}: {percent(h.figures.reportsOnTimeRate)}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                <TaskList title={t('accountability.overdueTasks')} tasks={h.records.overdue} showDays />
                <TaskList title={t('accountability.dueTasks')} tasks={h.records.dueInPeriod} showDays />
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  )
}

function TaskList({
  title,
  tasks,
  showDays,
  stale,
}: {
  title: string
  tasks: TaskRecord[]
  showDays?: boolean
  stale?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Title order={3} fz="md" mb="xs">
        {title} ({tasks.length})
      </Title>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accountability.noRecords')}
        </Text>
      ) : (
        <Stack gap={6} mah={360} style={{ overflowY: 'auto' }}>
          {tasks.map((x) => (
            <div key={x.id}>
              <Anchor component={Link} to={x.href} size="sm">
                {x.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {x.unitName ? `${x.unitName} · ` : ''}
                {x.dueAt ? t('accountability.due', { date: formatDate(x.dueAt) }) : ''}
                {showDays && x.days > 0 ? ` · ${t('accountability.daysLate', { count: x.days })}` : ''}
                {stale && x.daysSinceUpdate !== undefined
                  ? ` · ${t('accountability.daysStale', { count: x.daysSinceUpdate })}`
                  : ''}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  )
}
