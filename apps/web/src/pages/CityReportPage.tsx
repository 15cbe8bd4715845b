// One city report: its text in the collaborative editor (the office and the standing committee edit,
// other city-level readers follow it live) and its export in the formal layout (DOCX, PDF).
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconLock } from '@tabler/icons-react'
import { getRouteApi, Link } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { ExportButtons } from '../components/DirectiveLifecycle'
import { ErrorState, Loading } from '../components/PageState'
import { cityReportExport, useCityReport } from '../lib/city-reports'
import { formatDate, formatDateTime } from '../lib/dates'

const CollabEditor = lazy(() => import('../editor/CollabEditor'))
const route = getRouteApi('/_authed/accountability/city-reports/$reportId')

export function CityReportPage() {
  const { t } = useTranslation()
  const user = useUser()
  const { reportId } = route.useParams()
  const { data: r, error, isLoading, refetch } = useCityReport(reportId)
  if (isLoading) return <Loading />
  if (error || !r) return <ErrorState error={error} onRetry={() => void refetch()} />
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/accountability/city-reports" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('cityReport.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz={{ base: 20, sm: 26 }} data-testid="city-report-title">
            BÁO CÁO {r.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cityReport.range', { from: formatDate(r.periodStart), to: formatDate(r.periodEnd) })} ·{' '}
            {t('cityReport.composedLine', { name: r.composedByName ?? '—', time: formatDateTime(r.composedAt) })}
          </Text>
        </div>
        <ExportButtons href={(format) => cityReportExport(r.id, format)} />
      </Group>
      {!r.canEdit && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} aria-hidden />}>
          {t('cityReport.readOnly')}
        </Alert>
      )}
      <Suspense fallback={<Loading label={t('editor.loading')} />}>
        <CollabEditor
          docName={r.docName}
          user={{ id: user.id, name: user.fullName }}
          editable={r.canEdit}
          label={t('cityReport.editorLabel')}
          minHeight={480}
        />
      </Suspense>
    </Stack>
  )
}
