// A meeting's room (/meetings/:id): who is present, the live minutes in the collaborative editor, tasks
// assigned during the meeting, its assignment table, and concluding it into a draft conclusion notice.

import { Alert, Anchor, Button, Card, Grid, Group, List, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core'
import { IconCalendarEvent, IconCheck, IconMapPin, IconUser } from '@tabler/icons-react'
import { getRouteApi, Link } from '@tanstack/react-router'
import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { useMinutesAccess } from '../auth/document-access'
import { useMayAssign } from '../auth/task-access'
import { AssignTaskForm } from '../components/AssignTaskForm'
import { MeetingStatusBadge } from '../components/Badges'
import { ErrorState, Loading } from '../components/PageState'
import { BackLink } from '../components/page-parts'
import { Section } from '../components/Section'
import { TaskCard } from '../components/TaskCard'
import { ApiError } from '../lib/api'
import { formatDateTime } from '../lib/dates'
import { useConcludeMeeting } from '../lib/mutations'
import { useMeeting } from '../lib/queries'
import type { Directive } from '../lib/types'
import { PresenceList, usePresence } from '../live/presence'
import { useLiveRoom } from '../live/socket'

const CollabEditor = lazy(() => import('../editor/CollabEditor'))
const AssignmentTable = lazy(() => import('../components/AssignmentTable'))
const route = getRouteApi('/_authed/meetings/$meetingId')

function Conclude({
  meetingId,
  initial,
  concluded,
  directiveId,
}: {
  meetingId: string
  initial: string
  concluded: boolean
  directiveId: string | null
}) {
  const { t } = useTranslation()
  const conclude = useConcludeMeeting(meetingId)
  const [text, setText] = useState(initial)
  const [created, setCreated] = useState<Directive | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => setText(initial), [initial])
  const target = created?.id ?? directiveId
  return (
    <Section id="conclusions-title" title={t('meeting.conclusions')} fz="md">
      <Textarea
        aria-labelledby="conclusions-title"
        placeholder={t('meeting.conclusionsPlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={4}
        disabled={concluded}
      />
      {problem && (
        <Text c="red.9" size="sm" role="alert">
          {problem}
        </Text>
      )}
      {(concluded || created) && (
        <Alert color="green" variant="light" icon={<IconCheck size={16} aria-hidden />}>
          <Stack gap={4}>
            <Text size="sm">{t('meeting.concluded')}</Text>
            {target && (
              <Anchor component={Link} to={`/directives/${target}`} size="sm" fw={600}>
                {t('meeting.openConclusion')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      {!concluded && !created && !confirming && (
        <Button color="red.8" disabled={!text.trim()} onClick={() => setConfirming(true)} data-testid="conclude">
          {t('meeting.conclude')}
        </Button>
      )}
      {confirming && (
        <Alert color="orange" variant="light" role="alertdialog" aria-label={t('meeting.concludeConfirm')}>
          <Stack gap="xs">
            <Text size="sm">{t('meeting.concludeConfirm')}</Text>
            <Group gap="xs">
              <Button
                color="red.8"
                size="xs"
                loading={conclude.isPending}
                data-testid="conclude-confirm"
                onClick={async () => {
                  setProblem(null)
                  try {
                    const r = await conclude.mutateAsync(text.trim())
                    setCreated(r.directive ?? ({ id: r.meeting.conclusionDirectiveId } as Directive))
                  } catch (e) {
                    setProblem(
                      e instanceof ApiError && e.isUnavailable
                        ? t('common.unavailable')
                        : e instanceof Error
                          ? e.message
                          : String(e),
                    )
                  } finally {
                    setConfirming(false)
                  }
                }}
              >
                {t('meeting.conclude')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Section>
  )
}

/** The meeting room: agenda and people, live minutes, tasks assigned there and then, conclusions. */
export function MeetingPage() {
  const { t } = useTranslation()
  const mayAssign = useMayAssign()
  const user = useUser()
  const { meetingId } = route.useParams()
  const { data, error, isLoading, refetch } = useMeeting(meetingId)
  const room = `meeting:${meetingId}`
  useLiveRoom(room)
  const present = new Set(usePresence(room).map((u) => u.userId ?? u.id))
  const minutesAccess = useMinutesAccess(data?.meeting)

  if (isLoading) return <Loading />
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />
  const { meeting: m, tasks } = data
  const concluded = m.status === 'concluded'

  return (
    <Stack gap="md">
      <BackLink to="/meetings" label={t('meetings.title')} />
      <div>
        <Group gap="xs" mb={4}>
          <MeetingStatusBadge status={m.status} />
          <PresenceList room={room} />
        </Group>
        <Title order={1} fz={{ base: 20, sm: 26 }} data-testid="meeting-title">
          {m.title}
        </Title>
        <Group gap="md" mt={4}>
          <Group gap={4}>
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm">{formatDateTime(m.startsAt)}</Text>
          </Group>
          {m.location && (
            <Group gap={4}>
              <IconMapPin size={16} aria-hidden />
              <Text size="sm">{m.location}</Text>
            </Group>
          )}
        </Group>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" component="section" aria-labelledby="agenda-title">
              <Title order={2} fz="md" id="agenda-title" mb="xs">
                {t('meeting.agenda')}
              </Title>
              {(m.agenda ?? []).length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('meeting.noAgenda')}
                </Text>
              ) : (
                <List type="ordered" spacing="xs">
                  {[...(m.agenda ?? [])]
                    .sort((a, b) => a.ordinal - b.ordinal)
                    .map((a) => (
                      <List.Item key={a.ordinal}>
                        <Text size="sm" fw={600}>
                          {a.title}
                        </Text>
                        {a.presenter && (
                          <Text size="xs" c="dimmed">
                            {t('meeting.presenter', { name: a.presenter })}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                </List>
              )}
            </Card>
            <section aria-labelledby="minutes-title">
              <Title order={2} fz="md" id="minutes-title" mb="xs">
                {t('meeting.minutes')}
              </Title>
              <Suspense fallback={<Loading label={t('editor.loading')} />}>
                <CollabEditor
                  docName={m.docName ?? `meeting:${m.id}`}
                  user={{ id: user.id, name: user.fullName }}
                  placeholder={t('editor.minutesPlaceholder')}
                  label={t('editor.minutesLabel')}
                  editable={!concluded && minutesAccess === 'write'}
                  minHeight={320}
                />
              </Suspense>
            </section>
            <section aria-labelledby="meeting-tasks-title" data-testid="meeting-tasks">
              <Title order={2} fz="md" id="meeting-tasks-title" mb="xs">
                {t('meeting.tasks')} ({tasks.length})
              </Title>
              {tasks.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('meeting.noTasks')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {tasks.map((task) => (
                    <TaskCard key={task.id} task={task} />
                  ))}
                </Stack>
              )}
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {!concluded && mayAssign && (
              <Card withBorder radius="md" component="section" aria-labelledby="assign-title">
                <Title order={2} fz="md" id="assign-title" mb="xs">
                  {t('meeting.assign')}
                </Title>
                <AssignTaskForm meetingId={m.id} compact />
              </Card>
            )}
            <Card withBorder radius="md" component="section" aria-labelledby="attendees-title">
              <Title order={2} fz="md" id="attendees-title" mb="xs">
                {t('meeting.attendees')}
              </Title>
              <Stack gap={6}>
                {(m.attendees ?? []).map((a) => (
                  <Group key={a.userId} gap="xs" wrap="nowrap">
                    <ThemeIcon variant="light" color={present.has(a.userId) ? 'green' : 'gray'} radius="xl" size="sm">
                      <IconUser size={12} aria-hidden />
                    </ThemeIcon>
                    <div>
                      <Text size="sm" fw={a.role === 'chair' ? 700 : 400}>
                        {a.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.role === 'chair' ? t('meeting.chair') : t('meeting.member')}
                        {present.has(a.userId) ? ` · ${t('meeting.online')}` : ''}
                      </Text>
                    </div>
                  </Group>
                ))}
              </Stack>
            </Card>
            <Conclude
              meetingId={m.id}
              initial={m.conclusions ?? ''}
              concluded={concluded}
              directiveId={m.conclusionDirectiveId}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <Suspense fallback={<Loading label={t('assignments.loading')} />}>
        <AssignmentTable
          owner={{ kind: 'meeting', id: m.id }}
          user={{ id: user.id, name: user.fullName }}
          fallbackCanEdit={!concluded && minutesAccess === 'write'}
          agenda={m.agenda}
        />
      </Suspense>
    </Stack>
  )
}
