// "Thước đo trách nhiệm" (/accountability): the city's dashboard of the units' ratings for a period, and
// the entry to a unit's periodic report and to an inspection's record for those who may file them.

import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconClipboardCheck, IconFileSpreadsheet, IconReportAnalytics } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { InspectionFormModal, ReportFormModal } from '../components/AccountabilityForms'
import { ChoiceField } from '../components/fields'
import { type MeasurePeriod, MeasurePeriodSelect, measurePeriodKey } from '../components/MeasurePeriod'
import { MeasureTable } from '../components/MeasureTable'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import {
  type MeasureKind,
  type MeasureRow,
  mayDecide,
  mayInspect,
  mayOversee,
  type PeriodicReport,
  type RatingCode,
  ratingColour,
  reportingUnits,
  useDecideDifficulty,
  useDifficultiesInbox,
  useMeasure,
  useMissingReports,
} from '../lib/accountability'
import { qs } from '../lib/api'
import { formatDate } from '../lib/dates'
import { useFailureToast } from '../lib/failure-toast'

const kinds: MeasureKind[] = ['district', 'commune', 'sector', 'body']
const ratingOrder: (RatingCode | 'none')[] = ['excellent', 'good', 'pass', 'fail', 'none']

/**
 * The city dashboard: units coloured by their rating, overdue hot spots, reports missing today,
 * difficulties waiting for a decision, and the ranking that drills down to each unit's records.
 */
export function AccountabilityPage() {
  const { t } = useTranslation()
  const user = useUser()
  const [period, setPeriod] = useState<MeasurePeriod>('30d')
  const [kind, setKind] = useState<MeasureKind>('district')
  const measure = useMeasure(kind, measurePeriodKey(period))
  const oversee = mayOversee(user.roles)
  const missing = useMissingReports(oversee)
  const inbox = useDifficultiesInbox()
  const reportUnits = reportingUnits(user.roles)
  const [reportOpen, report] = useDisclosure(false)
  const [inspectOpen, inspect] = useDisclosure(false)
  const rows = measure.data?.rows ?? []
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.ratingCode ?? 'none', (counts.get(r.ratingCode ?? 'none') ?? 0) + 1)
  const hot = [...rows]
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdueDays - a.overdueDays || b.overdue - a.overdue)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('accountability.title')}</PageTitle>
          <Text size="sm" c="dimmed" maw={760}>
            {t('accountability.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/accountability/compare" variant="default">
            {t('accountability.compare')}
          </Button>
          <Button
            component="a"
            href={`/api/measure/export${qs({ kind, period: measurePeriodKey(period) })}`}
            variant="default"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          >
            {t('accountability.export')}
          </Button>
          {reportUnits.length > 0 && (
            <Button leftSection={<IconReportAnalytics size={18} aria-hidden />} onClick={report.open}>
              {t('accountability.submitReport')}
            </Button>
          )}
          {mayInspect(user.roles) && (
            <Button variant="light" leftSection={<IconClipboardCheck size={18} aria-hidden />} onClick={inspect.open}>
              {t('accountability.recordInspection')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="md" wrap="wrap">
        <MeasurePeriodSelect value={period} onChange={setPeriod} w={180} />
        <ChoiceField
          id="measure-kind"
          label={t('accountability.kind')}
          value={kind}
          choices={kinds}
          labelOf={(k) => t(`accountability.kinds.${k}`)}
          onChoose={setKind}
        />
      </Group>
      {measure.isLoading && <Loading />}
      {measure.error && <ErrorState error={measure.error} onRetry={() => void measure.refetch()} />}
      {measure.data && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            {ratingOrder.map((code) => (
              <Paper
                key={code}
                withBorder
                p="sm"
                style={{ borderLeft: `6px solid var(--mantine-color-${ratingColour[code].replace('.', '-')})` }}
              >
                <Text fz={26} fw={700}>
                  {counts.get(code) ?? 0}
                </Text>
                <Text size="xs">{t(`accountability.ratings.${code}`)}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <UnitMosaic rows={rows} />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Card withBorder>
              <Title order={2} fz="lg" mb="xs">
                {t('accountability.hotSpots')}
              </Title>
              {hot.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('accountability.noHotSpots')}
                </Text>
              ) : (
                <Stack gap={4}>
                  {hot.slice(0, 8).map((r) => (
                    <Group key={r.unitId} justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/accountability/${r.unitId}`} size="sm">
                        {r.unitName}
                      </Anchor>
                      <Text size="sm" c="red.8" fw={600}>
                        {r.overdue} · {t('accountability.overdueDays', { count: r.overdueDays })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            {oversee && (
              <Card withBorder>
                <Title order={2} fz="lg" mb="xs">
                  {t('accountability.missingToday')} ({missing.data?.missing.length ?? 0})
                </Title>
                {missing.data && missing.data.missing.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('accountability.noneMissing')}
                  </Text>
                )}
                <Stack gap={4} mah={260} style={{ overflowY: 'auto' }}>
                  {(missing.data?.missing ?? []).map((m) => (
                    <Anchor
                      key={`${m.unitId}-${m.title}`}
                      component={Link}
                      to={`/accountability/${m.unitId}`}
                      size="sm"
                    >
                      {m.unitName}
                    </Anchor>
                  ))}
                </Stack>
              </Card>
            )}
            <DifficultiesCard reports={inbox.data ?? []} canDecide={mayDecide(user.roles)} />
          </SimpleGrid>
          <MeasureTable title={t('accountability.ranking')} rows={rows} ranked />
        </>
      )}
      {reportUnits.length > 0 && <ReportFormModal opened={reportOpen} onClose={report.close} unitIds={reportUnits} />}
      {mayInspect(user.roles) && (
        <InspectionFormModal opened={inspectOpen} onClose={inspect.close} ownUnitId={user.unitId} />
      )}
    </Stack>
  )
}

/** Every unit as a tile in its rating's colour: the city at a glance; each tile drills down. */
function UnitMosaic({ rows }: { rows: MeasureRow[] }) {
  const { t } = useTranslation()
  const sorted = [...rows].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'))
  return (
    <Group gap={4} aria-label={t('accountability.ranking')} role="list">
      {sorted.map((r) => (
        <Anchor
          key={r.unitId}
          role="listitem"
          component={Link}
          to={`/accountability/${r.unitId}`}
          title={`${r.unitName}: ${r.score ?? '—'} · ${t(`accountability.ratings.${r.ratingCode ?? 'none'}`)}`}
          underline="never"
          px={6}
          py={2}
          fz="xs"
          c="white"
          bg={ratingColour[r.ratingCode ?? 'none']}
          style={{ borderRadius: 4 }}
        >
          {r.unitName.replace(/^(Quận|Huyện|Thị xã|Phường|Xã|Thị trấn) /, '')}
        </Anchor>
      ))}
    </Group>
  )
}

/** Difficulties raised in reports, waiting for the committee's decision (which may become a task). */
function DifficultiesCard({ reports, canDecide }: { reports: PeriodicReport[]; canDecide: boolean }) {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Title order={2} fz="lg" mb="xs">
        {t('accountability.difficulties')} ({reports.length})
      </Title>
      {reports.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('accountability.noDifficulties')}
        </Text>
      )}
      <Stack gap="sm" mah={320} style={{ overflowY: 'auto' }}>
        {reports.slice(0, 20).map((r) => (
          <DifficultyItem key={r.id} report={r} canDecide={canDecide} />
        ))}
      </Stack>
    </Card>
  )
}

function DifficultyItem({ report, canDecide }: { report: PeriodicReport; canDecide: boolean }) {
  const { t } = useTranslation()
  const failed = useFailureToast()
  const [open, setOpen] = useState(false)
  const [answer, setAnswer] = useState('')
  const [task, setTask] = useState('')
  const decide = useDecideDifficulty()
  const send = async () => {
    try {
      await decide.mutateAsync({ reportId: report.id, answer, taskTitle: task || undefined })
      notifications.show({ color: 'teal', message: t('accountability.decided') })
    } catch (e) {
      failed(e)
    }
  }
  return (
    <Paper withBorder p="xs">
      <Text size="sm" fw={600}>
        {report.unitName} · {formatDate(report.submittedAt)}
      </Text>
      <Text size="sm">{report.difficulties}</Text>
      {canDecide && !open && (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
          {t('accountability.answer')}
        </Button>
      )}
      {open && (
        <Stack gap={4} mt={4}>
          <Textarea
            aria-label={t('accountability.answer')}
            placeholder={t('accountability.answerPlaceholder')}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <TextInput
            size="xs"
            label={t('accountability.asTask')}
            value={task}
            onChange={(e) => setTask(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void send()} disabled={!answer.trim()} loading={decide.isPending}>
              {t('accountability.decide')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}
