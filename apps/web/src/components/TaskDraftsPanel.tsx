import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconAlertTriangle, IconListCheck, IconSparkles } from '@tabler/icons-react'
import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../lib/error-text'
import { useConfirmTaskDrafts, useProposeTaskDrafts } from '../lib/mutations'
import {
  type Directive,
  type RecurrenceFreq,
  type ReportCycle,
  recurrenceFreqs,
  reportCycles,
  type Task,
  type TaskDraft,
} from '../lib/types'
import { TaskCard } from './TaskCard'
import { UnitPicker } from './UnitSelect'
import { VnDateInput } from './VnDateInput'

/** A proposed task as the office edits it: the draft plus whether it will be assigned. */
export interface DraftRow extends TaskDraft {
  /** Stable identity while the list is edited (a clause may give several drafts). */
  key: string
  include: boolean
  /** The due-date field holds text that is no day: the row cannot be confirmed as it stands. */
  dueInvalid?: boolean
}

/**
 * The review's state, kept by the directive page so that edits survive switching tabs: the drafts
 * being reviewed, and the tasks the last confirmation created.
 */
export function useTaskDraftReview() {
  const [rows, setRows] = useState<DraftRow[] | null>(null)
  const [created, setCreated] = useState<Task[] | null>(null)
  return { rows, setRows, created, setCreated }
}
export type TaskDraftReview = ReturnType<typeof useTaskDraftReview>

type Problem = 'needTitle' | 'needLead' | 'toExecuteNone' | 'badDate'

function problemOf(row: DraftRow, executeUnits: number): Problem | null {
  if (!row.include) return null
  if (!row.title.trim()) return 'needTitle'
  if (row.dueInvalid) return 'badDate'
  if (row.toExecuteRecipients) return executeUnits > 0 ? null : 'toExecuteNone'
  return row.leadUnitIds.length ? null : 'needLead'
}

/** The clause as written, two lines until asked for all of it. */
function SourceText({ text }: { text: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [clipped, setClipped] = useState(false)
  const ref = useRef<HTMLParagraphElement>(null)
  // Offer "show all" only when two lines do not hold the clause.
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again when the text changes
  useLayoutEffect(() => {
    const el = ref.current
    if (el && !open) setClipped(el.scrollHeight > el.clientHeight + 1)
  }, [text, open])
  return (
    <div>
      <Text
        ref={ref}
        size="xs"
        c="dimmed"
        fs="italic"
        lineClamp={open ? undefined : 2}
        style={{ whiteSpace: 'pre-wrap' }}
        aria-label={t('taskDrafts.source')}
      >
        {text}
      </Text>
      {(clipped || open) && (
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('taskDrafts.hideSource') : t('taskDrafts.showSource')}
        </Anchor>
      )}
    </div>
  )
}

function DraftCard({
  row,
  executeUnits,
  problem,
  onChange,
}: {
  row: DraftRow
  executeUnits: number
  problem: Problem | null
  onChange: (patch: Partial<DraftRow>) => void
}) {
  const { t } = useTranslation()
  const leads = row.toExecuteRecipients ? executeUnits : row.leadUnitIds.length
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="task-draft"
      data-clause={row.clauseOrdinal}
      style={{ opacity: row.include ? 1 : 0.6 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Badge variant="outline" color="red.9" radius="sm">
            {t('taskDrafts.clause', { ordinal: row.clauseOrdinal })}
          </Badge>
          <Checkbox
            label={t('taskDrafts.include')}
            checked={row.include}
            onChange={(e) => onChange({ include: e.currentTarget.checked })}
          />
        </Group>
        {row.sourceText && <SourceText text={row.sourceText} />}
        <Textarea
          label={t('taskDrafts.taskTitle')}
          value={row.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          autosize
          minRows={1}
          maxRows={5}
          disabled={!row.include}
          error={problem === 'needTitle' ? t('taskDrafts.needTitle') : undefined}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Stack gap={6}>
            <UnitPicker
              label={t('taskDrafts.leadUnits')}
              placeholder={t('taskDrafts.unitsPlaceholder')}
              value={row.leadUnitIds}
              onChange={(leadUnitIds) => onChange({ leadUnitIds })}
              disabled={!row.include || row.toExecuteRecipients}
              error={problem === 'needLead' ? t('taskDrafts.needLead') : undefined}
            />
            <Chip
              size="xs"
              checked={row.toExecuteRecipients}
              onChange={(toExecuteRecipients) => onChange({ toExecuteRecipients })}
              disabled={!row.include}
            >
              {t('taskDrafts.toExecute')}
            </Chip>
            {row.toExecuteRecipients && (
              <Text size="xs" c={problem === 'toExecuteNone' ? 'red.9' : 'dimmed'}>
                {executeUnits > 0
                  ? t('taskDrafts.toExecuteHint', { count: executeUnits })
                  : t('taskDrafts.toExecuteNone')}
              </Text>
            )}
            {leads > 1 && !row.toExecuteRecipients && (
              <Text size="xs" c="dimmed">
                {t('taskDrafts.manyLeads', { count: leads })}
              </Text>
            )}
          </Stack>
          <UnitPicker
            label={t('taskDrafts.supportUnits')}
            placeholder={t('taskDrafts.unitsPlaceholder')}
            value={row.supportUnitIds}
            onChange={(supportUnitIds) => onChange({ supportUnitIds })}
            disabled={!row.include}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <VnDateInput
            label={t('taskDrafts.dueAt')}
            placeholder={t('assign.dueAtPlaceholder')}
            value={row.dueAt}
            onChange={(dueAt) => onChange({ dueAt })}
            onValidityChange={(valid) => valid !== !row.dueInvalid && onChange({ dueInvalid: !valid })}
            disabled={!row.include}
          />
          <Select
            label={t('taskDrafts.recurrence')}
            value={row.recurrence?.freq ?? 'none'}
            allowDeselect={false}
            disabled={!row.include}
            data={[
              { value: 'none', label: t('taskDrafts.recurrenceNone') },
              ...recurrenceFreqs.map((f) => ({ value: f, label: t(`task.recurrenceValue.${f}`) })),
            ]}
            onChange={(v) =>
              onChange({
                recurrence:
                  !v || v === 'none'
                    ? null
                    : {
                        freq: v as RecurrenceFreq,
                        reportCycle: row.recurrence?.reportCycle ?? (v === 'ongoing' ? 'weekly' : (v as ReportCycle)),
                      },
              })
            }
          />
          <Select
            label={t('taskDrafts.reportCycle')}
            value={row.recurrence?.reportCycle ?? null}
            placeholder="—"
            allowDeselect={false}
            disabled={!row.include || !row.recurrence}
            data={reportCycles.map((c) => ({ value: c, label: t(`taskDrafts.reportCycleValue.${c}`) }))}
            onChange={(v) =>
              row.recurrence && v && onChange({ recurrence: { ...row.recurrence, reportCycle: v as ReportCycle } })
            }
          />
        </SimpleGrid>
      </Stack>
    </Card>
  )
}

/** The tasks the confirmation created: each top-level task, with how many units got their own copy. */
function CreatedTasks({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation()
  const ids = new Set(tasks.map((x) => x.id))
  const top = tasks.filter((x) => !x.parentTaskId || !ids.has(x.parentTaskId))
  return (
    <Stack gap="sm" data-testid="created-tasks">
      <Alert color="green" variant="light" icon={<IconListCheck size={18} aria-hidden />}>
        {t('taskDrafts.created', { count: top.length })}
      </Alert>
      <Title order={3} fz="md">
        {t('taskDrafts.createdTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {top.map((task) => {
          const children = tasks.filter((x) => x.parentTaskId === task.id).length
          return (
            <Stack key={task.id} gap={4}>
              <TaskCard task={task} />
              {children > 0 && (
                <Text size="xs" c="dimmed">
                  {t('taskDrafts.createdChildren', { count: children })}
                </Text>
              )}
            </Stack>
          )
        })}
      </SimpleGrid>
    </Stack>
  )
}

/**
 * "Đề xuất nhiệm vụ": the server proposes a task per clause (units matched in the directory,
 * deadlines, recurrences); the office corrects each, leaves out what it does not want, and
 * confirms them into tasks in one go.
 */
export function TaskDraftsPanel({ directive: d, review }: { directive: Directive; review: TaskDraftReview }) {
  const { t, i18n } = useTranslation()
  const propose = useProposeTaskDrafts(d.id)
  const confirm = useConfirmTaskDrafts(d.id)
  const [problem, setProblem] = useState<string | null>(null)
  const [showProblems, setShowProblems] = useState(false)
  const { rows, setRows, created, setCreated } = review
  const executeUnits = (d.recipients ?? []).filter((r) => r.capacity === 'execute' && r.unitId).length

  const load = async () => {
    setProblem(null)
    setShowProblems(false)
    try {
      const drafts = await propose.mutateAsync()
      const batch = Date.now()
      setRows(drafts.map((x, i) => ({ ...x, key: `${batch}-${i}`, include: true })))
      setCreated(null)
    } catch (e) {
      setProblem(errorText(t, e, i18n.language))
    }
  }
  const patch = (i: number, p: Partial<DraftRow>) =>
    setRows((rs) => (rs ? rs.map((r, j) => (j === i ? { ...r, ...p } : r)) : rs))

  const included = rows?.filter((r) => r.include) ?? []
  const problems = rows?.map((r) => problemOf(r, executeUnits)) ?? []
  const incomplete = problems.filter(Boolean).length

  const submit = async () => {
    setProblem(null)
    if (incomplete) {
      setShowProblems(true)
      setProblem(t('taskDrafts.fixErrors', { count: incomplete }))
      return
    }
    try {
      const tasks = await confirm.mutateAsync(
        included.map((r) => {
          const leads = new Set(r.leadUnitIds)
          return {
            clauseOrdinal: r.clauseOrdinal,
            title: r.title.trim(),
            // The clause itself travels with the task, so each unit reads what was asked of it.
            description: r.sourceText?.slice(0, 20_000),
            leadUnitIds: r.leadUnitIds,
            supportUnitIds: r.supportUnitIds.filter((u) => !leads.has(u)),
            dueAt: r.dueAt,
            recurrence: r.recurrence,
            toExecuteRecipients: r.toExecuteRecipients,
          }
        }),
      )
      setRows(null)
      setCreated(tasks)
      toasts.show({ color: 'green', message: t('taskDrafts.created', { count: tasks.length }) })
    } catch (e) {
      setProblem(errorText(t, e, i18n.language))
    }
  }

  return (
    <Card
      withBorder
      radius="md"
      component="section"
      aria-labelledby="task-drafts-title"
      data-testid="task-drafts"
      // Visible overflow, so the confirm bar can stick to the bottom of the window.
      style={{ overflow: 'visible' }}
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} fz="lg" id="task-drafts-title">
            {t('taskDrafts.title')}
          </Title>
          <Group gap="xs">
            {rows && (
              <Button variant="subtle" color="gray" onClick={() => setRows(null)}>
                {t('taskDrafts.discard')}
              </Button>
            )}
            <Button
              variant={rows ? 'default' : 'filled'}
              leftSection={<IconSparkles size={16} aria-hidden />}
              loading={propose.isPending}
              onClick={() => void load()}
            >
              {rows || created ? t('taskDrafts.proposeAgain') : t('taskDrafts.propose')}
            </Button>
          </Group>
        </Group>
        {!rows && !created && (
          <Text size="sm" c="dimmed">
            {t('taskDrafts.intro')}
          </Text>
        )}
        {rows && rows.length === 0 && <Text c="dimmed">{t('taskDrafts.empty')}</Text>}
        {rows?.map((row, i) => (
          <DraftCard
            key={row.key}
            row={row}
            executeUnits={executeUnits}
            problem={showProblems ? (problems[i] ?? null) : null}
            onChange={(p) => patch(i, p)}
          />
        ))}
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {problem}
          </Alert>
        )}
        {rows && rows.length > 0 && (
          <div className="sticky-actions">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('taskDrafts.selected', { count: included.length, total: rows.length })}
              </Text>
              <Button
                leftSection={<IconListCheck size={16} aria-hidden />}
                onClick={() => void submit()}
                loading={confirm.isPending}
                disabled={included.length === 0}
              >
                {t('taskDrafts.confirm', { count: included.length })}
              </Button>
            </Group>
          </div>
        )}
        {created && <CreatedTasks tasks={created} />}
      </Stack>
    </Card>
  )
}
