// A task's page (/tasks/:id): the lead unit's progress update and the supporting units' reports (through
// the outbox when offline, with photos, a conflict shown when someone saved first), its facts, cascade,
// sub-tasks, reports and history; kept live.

import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconAlertTriangle, IconSend } from '@tabler/icons-react'
import { onlineManager, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { useTaskRights } from '../auth/task-access'
import { StatusBadge, TimelinessBadge, timelinessColour } from '../components/Badges'
import { CascadePanel } from '../components/CascadePanel'
import { HistoryPanel } from '../components/HistoryPanel'
import { ErrorState, Loading } from '../components/PageState'
import { BackLink } from '../components/page-parts'
import { ApiError, isUnavailable } from '../lib/api'
import { formatDate, formatDateTime } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { useSubmitReport, useUpdateTask } from '../lib/mutations'
import { useDirectives, usePeople, useTask, useTaskCascade, useTaskReports, useUnits } from '../lib/queries'
import { applyTask } from '../lib/task-cache'
import { type Task, type TaskStatus, taskStatuses } from '../lib/types'
import { useLiveRoom } from '../live/socket'
import { enqueue, flushOutbox, newKey } from '../offline/outbox'
import { PhotoPicker, ReportPhotos } from '../offline/PhotoPicker'
import type { PhotoDraft } from '../offline/photos'
import { useOnline } from '../offline/use-online'

const route = getRouteApi('/_authed/tasks/$taskId')
const quickSteps = [25, 50, 75, 100]

/** Keeps status and progress consistent the way the server does: done is 100%, 100% is done. */
function normalise(
  status: TaskStatus,
  progress: number,
  changed: 'status' | 'progress',
): { status: TaskStatus; progress: number } {
  if (changed === 'status' && status === 'done') return { status, progress: 100 }
  if (changed === 'progress' && progress === 100) return { status: 'done', progress }
  if (changed === 'progress' && progress > 0 && status === 'not_started') return { status: 'in_progress', progress }
  if (changed === 'progress' && progress < 100 && status === 'done') return { status: 'in_progress', progress }
  return { status, progress }
}

/** The state the form was filled from: the version a change is sent against. */
interface Basis {
  version: number
  status: TaskStatus
  progress: number
}

/** A refused change: what the other person saved, what this form was opened with, and what this user wanted. */
interface Conflict {
  current: Task
  opened: Basis
  mine: { status: TaskStatus; progress: number }
}

/** No answer at all (no connection, or it dropped): the write goes to the outbox instead of being lost. */
function isNetworkFailure(e: unknown): boolean {
  return e instanceof ApiError && e.status === 0
}

function ProgressUpdate({ task }: { task: Task }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const user = useUser()
  const update = useUpdateTask()
  const report = useSubmitReport()
  // A task handed down to units below takes its status and progress from them (the roll-up rule).
  const { data: cascade } = useTaskCascade(task.id)
  const derived = (cascade?.total ?? 0) > 0
  const [status, setStatus] = useState<TaskStatus>(task.status)
  const [progress, setProgress] = useState(task.progress)
  const [narrative, setNarrative] = useState('')
  const [difficulties, setDifficulties] = useState('')
  const [photos, setPhotos] = useState<PhotoDraft[]>([])
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // What the form was filled from, version included: a change is sent against this version, never
  // against whatever live update arrived since, so the server's 409 catches a concurrent change.
  const [base, setBase] = useState<Basis>({ version: task.version, status: task.status, progress: task.progress })
  const dirty =
    status !== base.status ||
    progress !== base.progress ||
    narrative.trim() !== '' ||
    difficulties.trim() !== '' ||
    photos.length > 0

  // A change by someone else (or a roll-up from the units below) while nothing is changed here: show
  // it, and take its version with it. Once the user has changed something the form stays as opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the task's version only
  useEffect(() => {
    if (!dirty && !busy && !conflict) {
      setStatus(task.status)
      setProgress(task.progress)
      setBase({ version: task.version, status: task.status, progress: task.progress })
    }
  }, [task.version])

  const pick = (changed: 'status' | 'progress', s: TaskStatus, p: number) => {
    const n = normalise(s, p, changed)
    setStatus(n.status)
    setProgress(n.progress)
  }

  const send = async (from: Basis) => {
    setBusy(true)
    setProblem(null)
    setConflict(null)
    // One key per request, kept if the update goes to the outbox: a retry never writes twice.
    const ids = { patchKey: newKey(), reportKey: newKey() }
    const text = { narrative: narrative.trim(), difficulties: difficulties.trim() }
    const change = status !== from.status || progress !== from.progress ? { status, progress } : null
    let patched: Task | null = null
    // No connection: the update waits in the outbox ("Đang chờ gửi") and goes when the connection returns.
    const keep = async () => {
      await enqueue({
        userId: user.id,
        taskId: task.id,
        taskTitle: task.title,
        base: from,
        change,
        report: text,
        photos,
        ...ids,
        patched: patched !== null,
      })
      setNarrative('')
      setDifficulties('')
      setPhotos([])
      // The form now stands on what was queued; a further change here is sent after it.
      setBase({ version: patched?.version ?? from.version, status, progress })
      toasts.show({ color: 'blue', message: t('offline.outbox.queued') })
    }
    try {
      if (!onlineManager.isOnline()) {
        await keep()
        return
      }
      // Photos go through the outbox even online: the report first, then each photo once under its own key.
      if (photos.length) {
        await keep()
        await flushOutbox(qc, user.id)
        return
      }
      let latest: Task | null = null
      // The status and progress first, against the version the form was opened with: a stale one is
      // refused (409) before anything is recorded.
      if (change) {
        latest = await update.mutateAsync({
          id: task.id,
          version: from.version,
          progress,
          status: status !== from.status ? status : undefined,
          idempotencyKey: ids.patchKey,
        })
        patched = latest
      }
      let reportSaved = false
      try {
        const r = await report.mutateAsync({
          taskId: task.id,
          progress,
          ...text,
          idempotencyKey: ids.reportKey,
        })
        reportSaved = true
        if (r.task) latest = r.task
      } catch (e) {
        if (!isUnavailable(e)) throw e
      }
      const now = latest ?? task
      setNarrative('')
      setDifficulties('')
      setStatus(now.status)
      setProgress(now.progress)
      setBase({ version: now.version, status: now.status, progress: now.progress })
      const hadText = narrative.trim() !== '' || difficulties.trim() !== ''
      toasts.show({
        color: 'green',
        message: !reportSaved && hadText ? t('task.update.sentNoReport') : t('task.update.sent'),
      })
    } catch (e) {
      const current = e instanceof ApiError ? (e.details as { current?: Task } | undefined)?.current : undefined
      if (isNetworkFailure(e)) await keep()
      else if (e instanceof ApiError && e.code === 'version_conflict' && current) {
        applyTask(qc, current)
        setConflict({ current, opened: from, mine: { status, progress } })
      } else if (e instanceof ApiError && e.status === 403) setProblem(t('task.update.notAllowed'))
      else setProblem(errorText(t, e, i18n.language))
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void send(base)
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="update-title">
      <form onSubmit={onSubmit} data-testid="progress-form" data-version={base.version}>
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={2} fz="lg" id="update-title">
              {t('task.update.title')}
            </Title>
            <Text fz={28} fw={800} data-testid="progress-value" aria-live="polite">
              {t('common.percent', { value: progress })}
            </Text>
          </Group>
          <Progress value={progress} size="lg" color={timelinessColour[task.timeliness]} aria-hidden />
          {derived && (
            <Text size="sm" c="dimmed" data-testid="progress-derived">
              {t('task.update.derived', { done: cascade?.done ?? 0, total: cascade?.total ?? 0 })}
            </Text>
          )}
          <Stack gap="sm" display={derived ? 'none' : undefined}>
            <Text size="sm" fw={600} id="quick-label">
              {t('task.update.quick')}
            </Text>
            <SimpleGrid cols={4} spacing="xs" role="group" aria-labelledby="quick-label">
              {quickSteps.map((v) => (
                <Button
                  key={v}
                  size="lg"
                  px={0}
                  variant={progress === v ? 'filled' : 'light'}
                  aria-pressed={progress === v}
                  aria-label={t('task.update.set', { value: v })}
                  data-testid={`progress-${v}`}
                  onClick={() => pick('progress', status, v)}
                >
                  {v}%
                </Button>
              ))}
            </SimpleGrid>
            <Slider
              value={progress}
              onChange={(v) => pick('progress', status, v)}
              step={5}
              min={0}
              max={100}
              label={(v) => `${v}%`}
              thumbLabel={t('task.update.slider')}
              aria-label={t('task.update.slider')}
              mb="xs"
            />
            <Select
              label={t('task.status')}
              value={status}
              onChange={(v) => v && pick('status', v as TaskStatus, progress)}
              data={taskStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
          <ReportFields
            narrative={narrative}
            onNarrative={setNarrative}
            difficulties={difficulties}
            onDifficulties={setDifficulties}
          />
          <PhotoPicker photos={photos} onChange={setPhotos} />
          {conflict && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('task.conflict.title')}
              role="alert"
              data-testid="task-conflict"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('task.conflict.changed', {
                    fromProgress: conflict.opened.progress,
                    fromStatus: t(`status.${conflict.opened.status}`),
                    progress: conflict.current.progress,
                    status: t(`status.${conflict.current.status}`),
                    at: formatDateTime(conflict.current.updatedAt),
                  })}
                </Text>
                <Text size="sm" fw={600}>
                  {t('task.conflict.yours', {
                    progress: conflict.mine.progress,
                    status: t(`status.${conflict.mine.status}`),
                  })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    color="orange"
                    data-testid="conflict-reapply"
                    onClick={() => {
                      const c = conflict.current
                      void send({ version: c.version, status: c.status, progress: c.progress })
                    }}
                    loading={busy}
                  >
                    {t('task.conflict.overwrite')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    data-testid="conflict-discard"
                    onClick={() => {
                      const c = conflict.current
                      setConflict(null)
                      setStatus(c.status)
                      setProgress(c.progress)
                      setBase({ version: c.version, status: c.status, progress: c.progress })
                    }}
                  >
                    {t('task.conflict.reload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <SendRow problem={problem} busy={busy} disabled={!dirty} testId="send-update" label={t('task.update.send')} />
        </Stack>
      </form>
    </Card>
  )
}

/** A supporting unit's form: it reports on its part of the work; the lead unit sets status and progress. */
function SupportReport({ task }: { task: Task }) {
  const { t, i18n } = useTranslation()
  const user = useUser()
  const report = useSubmitReport()
  const [narrative, setNarrative] = useState('')
  const [difficulties, setDifficulties] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setProblem(null)
    const text = { narrative: narrative.trim(), difficulties: difficulties.trim() }
    const reportKey = newKey()
    // No connection: the report waits in the outbox and goes, once, when the connection returns.
    const keep = async () => {
      const base = { version: task.version, status: task.status, progress: task.progress }
      await enqueue({
        userId: user.id,
        taskId: task.id,
        taskTitle: task.title,
        base,
        change: null,
        report: text,
        reportKey,
      })
      setNarrative('')
      setDifficulties('')
      toasts.show({ color: 'blue', message: t('offline.outbox.queued') })
    }
    try {
      if (!onlineManager.isOnline()) return await keep()
      await report.mutateAsync({ taskId: task.id, ...text, idempotencyKey: reportKey })
      setNarrative('')
      setDifficulties('')
      toasts.show({ color: 'green', message: t('task.support.sent') })
    } catch (err) {
      if (isNetworkFailure(err)) await keep()
      else setProblem(errorText(t, err, i18n.language))
    }
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="support-title">
      <form onSubmit={(e) => void onSubmit(e)} data-testid="support-report-form">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="support-title">
            {t('task.support.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('task.support.intro', { progress: task.progress, status: t(`status.${task.status}`) })}
          </Text>
          <ReportFields
            narrative={narrative}
            onNarrative={setNarrative}
            difficulties={difficulties}
            onDifficulties={setDifficulties}
            narrativePlaceholder={t('task.support.placeholder')}
            narrativeRequired
          />
          <SendRow
            problem={problem}
            busy={report.isPending}
            disabled={!narrative.trim()}
            testId="send-support-report"
            label={t('task.support.send')}
          />
        </Stack>
      </form>
    </Card>
  )
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  )
}

/** The foot of a report form: why the last send failed, then the full-width send button. */
function SendRow(props: { problem: string | null; busy: boolean; disabled: boolean; testId: string; label: string }) {
  return (
    <>
      {props.problem && (
        <Alert color="red" variant="light" role="alert">
          {props.problem}
        </Alert>
      )}
      <Button
        type="submit"
        size="lg"
        fullWidth
        loading={props.busy}
        leftSection={<IconSend size={18} aria-hidden />}
        data-testid={props.testId}
        disabled={props.disabled}
      >
        {props.label}
      </Button>
    </>
  )
}

/** A field whose value is a link to a related record (its meeting, its parent task). */
function OpenField({ label, to }: { label: string; to: string }) {
  const { t } = useTranslation()
  return (
    <Field label={label}>
      <Anchor component={Link} to={to} size="sm">
        {t('common.open')}
      </Anchor>
    </Field>
  )
}

function Reports({ taskId }: { taskId: string }) {
  const { t } = useTranslation()
  const { data, error, isLoading } = useTaskReports(taskId)
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="reports-title">
      <Title order={2} fz="lg" id="reports-title" mb="sm">
        {t('task.reports.title')}
      </Title>
      {isLoading && <Loading />}
      {error &&
        (isUnavailable(error) ? (
          <Text size="sm" c="dimmed">
            {t('task.reports.unavailable')}
          </Text>
        ) : (
          <ErrorState error={error} compact />
        ))}
      {data && data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('task.reports.empty')}
        </Text>
      )}
      {data && data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {data.map((r) => (
            <Timeline.Item
              key={r.id}
              title={r.progress === null ? t('task.reports.report') : t('task.reports.progress', { value: r.progress })}
            >
              <Text size="xs" c="dimmed">
                {t('task.reports.by', {
                  name: r.submittedByName ?? t('common.unknownPerson'),
                  time: formatDateTime(r.submittedAt),
                })}
              </Text>
              {r.narrative && <Text size="sm">{r.narrative}</Text>}
              {r.difficulties && (
                <Text size="sm" c="var(--hub-text-warning)">
                  {t('task.update.difficulties')}: {r.difficulties}
                </Text>
              )}
              <ReportPhotos reportId={r.id} photos={r.photos} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  )
}

/** One task: the progress update first (three taps from the list on a phone), then its facts, sub-tasks and reports. */
export function TaskPage() {
  const { t } = useTranslation()
  const { taskId } = route.useParams()
  const { data: task, error, isLoading, refetch } = useTask(taskId)
  const { byId } = useUnits()
  const { data: directives } = useDirectives()
  const { data: people } = usePeople(task?.leadUnitId)
  const rights = useTaskRights(task)
  const online = useOnline()
  useLiveRoom(task ? `unit:${task.leadUnitId}` : null)

  if (isLoading) return <Loading />
  // A failed refresh keeps showing the task already read (offline, or a bad connection).
  if (!task && !online)
    return (
      <Alert color="gray" variant="light" data-testid="not-kept-offline">
        {t('offline.notKept')}
      </Alert>
    )
  if (!task) return <ErrorState error={error} onRetry={() => void refetch()} />

  const lead = byId.get(task.leadUnitId)
  const directive = task.directiveId ? directives?.find((d) => d.id === task.directiveId) : undefined
  const accountable = task.accountableUserId ? people?.find((p) => p.userId === task.accountableUserId) : undefined

  return (
    <Stack gap="md" maw={1200}>
      <BackLink to="/" label={t('task.backToList')} />
      <div>
        <Title order={1} fz={{ base: 20, sm: 26 }} data-testid="task-title">
          {task.title}
        </Title>
        <Group gap="xs" mt="xs">
          <StatusBadge status={task.status} />
          <TimelinessBadge timeliness={task.timeliness} />
          <Text size="sm" c={task.timeliness === 'overdue' ? 'red.9' : undefined} fw={600}>
            {task.dueAt ? t('common.dueOn', { date: formatDate(task.dueAt) }) : t('common.noDueDate')}
          </Text>
        </Group>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          {rights?.update ? <ProgressUpdate task={task} /> : rights?.report ? <SupportReport task={task} /> : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Field label={t('task.leadUnit')}>
                  {lead ? (
                    <Anchor component={Link} to={`/units/${lead.id}`}>
                      {lead.name}
                    </Anchor>
                  ) : (
                    t('common.unknownUnit')
                  )}
                </Field>
                <Field label={t('task.supportUnits')}>
                  {task.supportUnitIds.length === 0 ? (
                    <Text size="sm">{t('common.none')}</Text>
                  ) : (
                    <Group gap={6}>
                      {task.supportUnitIds.map((id) => (
                        <Anchor key={id} component={Link} to={`/units/${id}`} size="sm">
                          {byId.get(id)?.shortName ?? t('common.unknownUnit')}
                        </Anchor>
                      ))}
                    </Group>
                  )}
                </Field>
                <Field label={t('task.accountable')}>
                  <Text size="sm">
                    {accountable
                      ? `${accountable.fullName} — ${accountable.position}`
                      : task.accountableUserId
                        ? t('common.unknownPerson')
                        : t('common.none')}
                  </Text>
                </Field>
                <Field label={t('task.dueAt')}>
                  <Text size="sm">{task.dueAt ? formatDate(task.dueAt) : t('common.noDueDate')}</Text>
                </Field>
                {task.recurrence && (
                  <Field label={t('task.recurrence')}>
                    <Text size="sm">
                      {t(`task.recurrenceValue.${task.recurrence.freq as 'daily'}`, {
                        defaultValue: task.recurrence.freq,
                      })}
                    </Text>
                  </Field>
                )}
                {task.directiveId && (
                  <Field label={t('task.directive')}>
                    <Anchor component={Link} to={`/directives/${task.directiveId}`} size="sm">
                      {directive
                        ? `${directive.number ?? t('directives.noNumber')} — ${directive.title}`
                        : t('common.open')}
                    </Anchor>
                    {task.clauseOrdinal && (
                      <Text size="xs" c="dimmed">
                        {t('task.clause', { ordinal: task.clauseOrdinal })}
                      </Text>
                    )}
                  </Field>
                )}
                {task.meetingId && <OpenField label={t('task.meeting')} to={`/meetings/${task.meetingId}`} />}
                {task.parentTaskId && <OpenField label={t('task.parent')} to={`/tasks/${task.parentTaskId}`} />}
                {task.completedAt && (
                  <Field label={t('task.completedAt')}>
                    <Text size="sm">{formatDateTime(task.completedAt)}</Text>
                  </Field>
                )}
              </SimpleGrid>
              {task.description && task.description !== task.title && (
                <Stack gap={4} mt="md">
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('task.description')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {task.description}
                  </Text>
                </Stack>
              )}
            </Card>
            <Reports taskId={task.id} />
            <HistoryPanel type="task" id={task.id} />
          </Stack>
        </Grid.Col>
        {/* Full width: a row per unit needs the room, and a district's copies are what its head watches. */}
        <Grid.Col span={12} order={3}>
          <CascadePanel task={task} rights={rights} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

/** What a report says: the narrative of the work done and the difficulties met (both forms of the page). */
function ReportFields(props: {
  narrative: string
  onNarrative: (v: string) => void
  difficulties: string
  onDifficulties: (v: string) => void
  narrativePlaceholder?: string
  narrativeRequired?: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <Textarea
        label={t('task.update.narrative')}
        placeholder={props.narrativePlaceholder ?? t('task.update.narrativePlaceholder')}
        value={props.narrative}
        onChange={(e) => props.onNarrative(e.currentTarget.value)}
        autosize
        minRows={props.narrativeRequired ? 3 : 2}
        maxRows={8}
        required={props.narrativeRequired}
      />
      <Textarea
        label={t('task.update.difficulties')}
        placeholder={t('task.update.difficultiesPlaceholder')}
        value={props.difficulties}
        onChange={(e) => props.onDifficulties(e.currentTarget.value)}
        autosize
        minRows={1}
        maxRows={6}
      />
    </>
  )
}
