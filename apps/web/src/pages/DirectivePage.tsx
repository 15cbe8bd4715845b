// A directive's page (/directives/:id): its particulars, lifecycle and exports, the shared draft in the
// collaborative editor with who is reading it, its tasks, recipients and versions; kept live.

import { Alert, Badge, Card, Group, SimpleGrid, Stack, Tabs, Text, Timeline, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { getRouteApi } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { useDirectiveRights, useDirectiveTextAccess } from '../auth/document-access'
import { DirectiveStatusBadge } from '../components/Badges'
import { DirectiveLifecycle } from '../components/DirectiveLifecycle'
import { DirectiveRecipients } from '../components/DirectiveRecipients'
import { ErrorState, Loading } from '../components/PageState'
import { BackLink, TitledCard } from '../components/page-parts'
import { TaskTable } from '../components/TaskTable'
import { isUnavailable } from '../lib/api'
import { formatDate, formatDateTime } from '../lib/dates'
import { useDirective, useDirectiveVersions, useTasks } from '../lib/queries'
import { PresenceList } from '../live/presence'
import { useLiveRoom } from '../live/socket'

/** The heading of each versions card. */
const cardHeading = { order: 3, fz: 'md', mb: 'sm' } as const

const CollabEditor = lazy(() => import('../editor/CollabEditor'))
const AssignmentTable = lazy(() => import('../components/AssignmentTable'))
const VersionHistory = lazy(() => import('../editor/VersionHistory'))
const route = getRouteApi('/_authed/directives/$directiveId')

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  )
}

/** Versions: named versions of the shared draft, and the frozen versions of the issued text. */
function VersionsPanel({
  directiveId,
  docName,
  canWrite,
}: {
  directiveId: string
  docName: string
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const { data, error, isLoading } = useDirectiveVersions(directiveId)
  return (
    <Stack gap="md" data-testid="versions-panel">
      <TitledCard title={t('versions.drafts')} heading={cardHeading}>
        <Suspense fallback={<Loading />}>
          <VersionHistory docName={docName} canWrite={canWrite} />
        </Suspense>
      </TitledCard>
      <TitledCard title={t('versions.issued')} heading={cardHeading}>
        {isLoading && <Loading />}
        {error &&
          (isUnavailable(error) ? (
            <Text c="dimmed" size="sm">
              {t('directive.versions.unavailable')}
            </Text>
          ) : (
            <ErrorState error={error} compact />
          ))}
        {data && data.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('directive.versions.empty')}
          </Text>
        )}
        {data && data.length > 0 && (
          <Timeline bulletSize={12}>
            {data.map((v) => (
              <Timeline.Item
                key={v.versionNo}
                title={t('directive.versions.item', { no: v.versionNo, label: v.label })}
              >
                <Text size="xs" c="dimmed" data-testid="version-author">
                  {v.createdByName ? `${v.createdByName} · ` : ''}
                  {formatDateTime(v.createdAt)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </TitledCard>
    </Stack>
  )
}

/** A directive: its particulars, the shared draft, clauses, tasks, who received and read it, versions. */
export function DirectivePage() {
  const { t } = useTranslation()
  const user = useUser()
  const { directiveId } = route.useParams()
  const { data, error, isLoading, refetch } = useDirective(directiveId)
  const tasks = useTasks({ directiveId, limit: 300 })
  useLiveRoom(`directive:${directiveId}`)
  const access = useDirectiveTextAccess(data?.directive)
  const rights = useDirectiveRights(data?.directive)

  if (isLoading) return <Loading />
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />
  const { directive: d, clauses } = data
  const frozen = !(d.status === 'draft' || d.status === 'in_review')
  const editable = access === 'write'
  const proposes = !!rights?.edit && d.status !== 'closed' && d.status !== 'replaced'
  const docName = d.docName ?? `directive:${d.id}`

  return (
    <Stack gap="md">
      <BackLink to="/directives" label={t('directives.title')} />
      <div>
        <Group gap="xs" mb={4}>
          <Badge variant="outline" color="red.9" radius="sm">
            {t(`directiveKind.${d.kind}`)}
          </Badge>
          {d.number ? (
            <Text fw={700} data-testid="directive-number">
              {d.number}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" data-testid="directive-number">
              {t('directives.numberPending')}
            </Text>
          )}
          {d.number && !frozen && (
            <Text size="xs" c="dimmed">
              ({t('directive.numberKept')})
            </Text>
          )}
          {frozen && d.issuedAt && (
            <Text size="sm" data-testid="directive-issued-at">
              {t('directives.issuedAt')}: {formatDate(d.issuedAt)}
            </Text>
          )}
          <DirectiveStatusBadge status={d.status} />
        </Group>
        <Title order={1} fz={{ base: 20, sm: 26 }} data-testid="directive-title">
          {t(`directiveKind.${d.kind}`)} {d.title}
        </Title>
        <Group mt="xs">
          <PresenceList room={`directive:${d.id}`} />
        </Group>
      </div>
      <DirectiveLifecycle directive={d} rights={rights} />
      <Card withBorder radius="md" component="section" aria-label={t('directive.metadata')}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
          <Meta label={t('directive.issuer')} value={d.issuer} />
          <Meta label={t('directives.issuedAt')} value={formatDate(d.issuedAt)} />
          <Meta label={t('directive.place')} value={d.place} />
          <Meta
            label={t('directive.signer')}
            value={[d.signer?.onBehalfOf, d.signer?.title, d.signer?.name].filter(Boolean).join(' · ')}
          />
          <Meta
            label={t('directive.layout')}
            value={d.layout === 'state' ? t('directives.layoutState') : t('directives.layoutParty')}
          />
        </SimpleGrid>
      </Card>
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('directive.tabs.text')}</Tabs.Tab>
          <Tabs.Tab value="clauses">
            {t('directive.tabs.clauses')} ({clauses.length})
          </Tabs.Tab>
          <Tabs.Tab value="assignments">{t('assignments.tab')}</Tabs.Tab>
          <Tabs.Tab value="tasks">
            {t('directive.tabs.tasks')} ({tasks.data?.total ?? '…'})
          </Tabs.Tab>
          <Tabs.Tab value="recipients">{t('directive.tabs.recipients')}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('directive.tabs.versions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Stack gap="sm">
            {frozen && (
              <Alert variant="light" color="gray" icon={<IconLock size={16} aria-hidden />}>
                {t('directive.frozen')}
              </Alert>
            )}
            <Suspense fallback={<Loading label={t('editor.loading')} />}>
              <CollabEditor
                docName={docName}
                user={{ id: user.id, name: user.fullName }}
                editable={editable}
                label={t('editor.label')}
                minHeight={360}
              />
            </Suspense>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="clauses" pt="md">
          <Stack gap="sm">
            {d.preamble && (
              <Text size="sm" c="dimmed" fs="italic">
                {d.preamble}
              </Text>
            )}
            {clauses.length === 0 && <Text c="dimmed">{t('directive.noClauses')}</Text>}
            {clauses.map((c) => (
              <Card key={c.ordinal} withBorder radius="md" padding="sm">
                <Group align="flex-start" wrap="nowrap" gap="sm">
                  <Text fw={800} c="red.9">
                    {c.ordinal}.
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text}
                  </Text>
                </Group>
              </Card>
            ))}
            {d.closing && (
              <Text size="sm" c="dimmed" fs="italic">
                {d.closing}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="assignments" pt="md">
          <Suspense fallback={<Loading label={t('assignments.loading')} />}>
            <AssignmentTable
              owner={{ kind: 'directive', id: d.id }}
              user={{ id: user.id, name: user.fullName }}
              fallbackCanEdit={proposes}
              directiveStatus={d.status}
            />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('directive.tasks')}
            </Title>
            {tasks.isLoading ? (
              <Loading />
            ) : tasks.error ? (
              <ErrorState error={tasks.error} />
            ) : (tasks.data?.tasks.length ?? 0) === 0 ? (
              <Text c="dimmed">{t('directive.noTasks')}</Text>
            ) : (
              <div data-testid="directive-tasks">
                <TaskTable tasks={tasks.data?.tasks ?? []} />
              </div>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="recipients" pt="md">
          <DirectiveRecipients directive={d} canEdit={!!rights?.edit} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsPanel directiveId={d.id} docName={docName} canWrite={editable} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
