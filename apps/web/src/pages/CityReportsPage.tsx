// "Báo cáo của thành phố": the city's reports by period, and composing one for a period from the
// units' reports (the office and the standing committee); each opens in the collaborative editor.

import { periodOf, periodWords } from '@hub/domain'
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconFileReport } from '@tabler/icons-react'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isDirecting, useUser } from '../auth/auth'
import { ChoiceField } from '../components/fields'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import { VnDateInput } from '../components/VnDateInput'
import { ApiError } from '../lib/api'
import { useCityReports, useComposeCityReport } from '../lib/city-reports'
import { formatDateTime, vnDay } from '../lib/dates'
import { useFailureToast } from '../lib/failure-toast'

type Cycle = 'daily' | 'weekly' | 'monthly'
const cycles: Cycle[] = ['daily', 'weekly', 'monthly']

/** The compose form: a kind of period and a day in it; the period it names is shown in words. */
function ComposeCard() {
  const { t } = useTranslation()
  const failed = useFailureToast()
  const navigate = useNavigate()
  const compose = useComposeCityReport()
  const [cycle, setCycle] = useState<Cycle>('weekly')
  const [day, setDay] = useState<string | null>(vnDay())
  const period = day ? periodOf(cycle, day) : null
  const submit = async () => {
    if (!period) return
    try {
      const report = await compose.mutateAsync(period.key)
      notifications.show({ color: 'teal', message: t('cityReport.composed') })
      await navigate({ to: '/accountability/city-reports/$reportId', params: { reportId: report.id } })
    } catch (e) {
      const existing = e instanceof ApiError && e.code === 'city_report_exists' ? (e.details as { id?: string }) : null
      if (existing?.id) {
        notifications.show({ color: 'yellow', message: t('cityReport.exists') })
        await navigate({ to: '/accountability/city-reports/$reportId', params: { reportId: existing.id } })
        return
      }
      failed(e)
    }
  }
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="compose-city-report">
      <Title order={2} fz="md" mb="sm" id="compose-city-report">
        {t('cityReport.composeFor')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <ChoiceField
          id="city-report-cycle"
          label={t('cityReport.cycle')}
          value={cycle}
          choices={cycles}
          labelOf={(c) => t(`cityReport.cycles.${c}`)}
          onChoose={setCycle}
        />
        <VnDateInput label={t('cityReport.day')} value={day} onChange={setDay} w={180} />
        <Button
          leftSection={<IconFileReport size={18} aria-hidden />}
          onClick={() => void submit()}
          loading={compose.isPending}
          disabled={!period}
        >
          {t('cityReport.compose')}
        </Button>
      </Group>
      {period && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="compose-period">
          {t('cityReport.periodLabel')}: {periodWords(period)}
        </Text>
      )}
    </Card>
  )
}

export function CityReportsPage() {
  const { t } = useTranslation()
  const user = useUser()
  const list = useCityReports()
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/accountability" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('cityReport.back')}
        </Group>
      </Anchor>
      <div>
        <PageTitle>{t('cityReport.title')}</PageTitle>
        <Text size="sm" c="dimmed" maw={760}>
          {t('cityReport.intro')}
        </Text>
      </div>
      {isDirecting(user) && <ComposeCard />}
      {list.isLoading && <Loading />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('cityReport.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="city-reports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cityReport.columns.period')}</Table.Th>
                <Table.Th>{t('cityReport.columns.title')}</Table.Th>
                <Table.Th>{t('cityReport.columns.composedBy')}</Table.Th>
                <Table.Th>{t('cityReport.columns.composedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.period}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/accountability/city-reports/${r.id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.composedByName ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(r.composedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
