// The task page's panel of a task's copies handed down to units below: a donut of their timeliness, the
// copies sortable by urgency, progress, deadline or unit with who is accountable, and the form to cascade.

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { notifications as toasts } from '@mantine/notifications'
import { IconArrowRight, IconCheck, IconSitemap } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaskRights } from '../auth/task-access'
import { ApiError } from '../lib/api'
import { formatDate } from '../lib/dates'
import { useCascadeTask } from '../lib/mutations'
import { usePeopleOf, useTaskCascade, useUnits } from '../lib/queries'
import type { Person, Task, Timeliness, Unit } from '../lib/types'
import { StatusBadge, TimelinessBadge, timelinessColour } from './Badges'
import { ErrorState, Loading } from './PageState'
import { TimelinessDonut } from './TimelinessCharts'
import { VnDateInput } from './VnDateInput'

type SortKey = 'urgency' | 'progress' | 'due' | 'unit'
const sortKeys: readonly SortKey[] = ['urgency', 'progress', 'due', 'unit']
/** Overdue first, then open work, then what is finished. */
const urgencyRank: Record<Timeliness, number> = { overdue: 0, open: 1, late: 2, on_time: 3 }
/** Beyond this many copies the accountable names are not looked up (one request per unit). */
const PEOPLE_LOOKUP_MAX = 40

const byDue = (a: Task, b: Task) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999')

function sorter(key: SortKey, name: (t: Task) => string): (a: Task, b: Task) => number {
  switch (key) {
    case 'urgency':
      return (a, b) => urgencyRank[a.timeliness] - urgencyRank[b.timeliness] || byDue(a, b) || a.progress - b.progress
    case 'progress':
      return (a, b) => a.progress - b.progress || byDue(a, b)
    case 'due':
      return (a, b) => byDue(a, b) || urgencyRank[a.timeliness] - urgencyRank[b.timeliness]
    case 'unit':
      return (a, b) => name(a).localeCompare(name(b), 'vi')
  }
}

function ProgressCell({ task }: { task: Task }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap" miw={110}>
      <Progress
        value={task.progress}
        color={timelinessColour[task.timeliness]}
        style={{ flex: 1 }}
        aria-label={`${t('task.progress')} ${task.progress}%`}
      />
      <Text size="xs" w={34} ta="right">
        {t('common.percent', { value: task.progress })}
      </Text>
    </Group>
  )
}

/** Every copy as a table row (wide screens) or a compact card (phones). */
function ChildRows({
  tasks,
  unitName,
  people,
  compact,
}: {
  tasks: Task[]
  unitName: (t: Task) => string
  people: Map<string, Person>
  compact: boolean
}) {
  const { t } = useTranslation()
  const person = (task: Task) => {
    const p = task.accountableUserId ? people.get(task.accountableUserId) : undefined
    return p ? p.fullName : task.accountableUserId ? t('common.unknownPerson') : t('common.none')
  }
  if (compact)
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="cascade-children">
        {tasks.map((task) => (
          <Paper key={task.id} withBorder radius="md" p="xs" component="li" data-child-unit={task.leadUnitId}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/tasks/${task.id}`} fw={600} size="sm">
                {unitName(task)}
              </Anchor>
              <TimelinessBadge timeliness={task.timeliness} size="sm" />
            </Group>
            <ProgressCell task={task} />
            <Text size="xs" c="dimmed">
              {t(`status.${task.status}`)} · {task.dueAt ? formatDate(task.dueAt) : t('common.noDueDate')} ·{' '}
              {person(task)}
            </Text>
          </Paper>
        ))}
      </Stack>
    )
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="cascade-children">
        <Table.Caption>{t('task.cascade.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('task.cascade.unit')}</Table.Th>
            <Table.Th>{t('task.cascade.status')}</Table.Th>
            <Table.Th>{t('task.cascade.timeliness')}</Table.Th>
            <Table.Th>{t('task.cascade.progress')}</Table.Th>
            <Table.Th>{t('task.cascade.due')}</Table.Th>
            <Table.Th>{t('task.cascade.accountable')}</Table.Th>
            <Table.Th>{t('task.cascade.task')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-child-unit={task.leadUnitId}>
              <Table.Td>
                <Anchor component={Link} to={`/units/${task.leadUnitId}`} size="sm">
                  {unitName(task)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={task.status} size="sm" />
              </Table.Td>
              <Table.Td>
                <TimelinessBadge timeliness={task.timeliness} size="sm" />
              </Table.Td>
              <Table.Td>
                <ProgressCell task={task} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{task.dueAt ? formatDate(task.dueAt) : t('common.noDueDate')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{person(task)}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/tasks/${task.id}`}
                  size="sm"
                  aria-label={t('task.cascade.openTask', { unit: unitName(task) })}
                >
                  <Group gap={2} wrap="nowrap">
                    {t('common.open')}
                    <IconArrowRight size={14} aria-hidden />
                  </Group>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Picks units below the lead unit and a due date, then hands the task down to them. */
function CascadeForm({
  task,
  targets,
  already,
  onDone,
}: {
  task: Task
  targets: Unit[]
  already: Set<string>
  onDone: (created: Task[]) => void
}) {
  const { t } = useTranslation()
  const cascade = useCascadeTask(task.id)
  const open = targets.filter((u) => !already.has(u.id))
  const [picked, setPicked] = useState<string[]>([])
  const [dueAt, setDueAt] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const all = open.length > 0 && picked.length === open.length

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setProblem(null)
    try {
      const created = await cascade.mutateAsync({ unitIds: picked, ...(dueAt ? { dueAt } : {}) })
      onDone(created)
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) setProblem(t('task.cascade.notAllowed'))
      else setProblem(err instanceof Error ? err.message : t('common.error'))
    }
  }

  return (
    <form onSubmit={submit} data-testid="cascade-form">
      <Stack gap="sm">
        <Text size="sm">{t('task.cascade.dialogIntro')}</Text>
        {open.length === 0 ? (
          <Alert color="blue" variant="light">
            {t('task.cascade.noneLeft')}
          </Alert>
        ) : (
          <Checkbox
            label={t('task.cascade.selectAll', { count: open.length })}
            checked={all}
            indeterminate={picked.length > 0 && !all}
            onChange={() => setPicked(all ? [] : open.map((u) => u.id))}
            fw={600}
          />
        )}
        <Checkbox.Group label={t('task.cascade.units')} value={picked} onChange={setPicked}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
            {targets.map((u) =>
              already.has(u.id) ? (
                <Group key={u.id} gap={6} wrap="nowrap" data-already={u.id}>
                  <IconCheck size={18} color="var(--mantine-color-green-9)" aria-hidden />
                  <Text size="sm" c="dimmed">
                    {u.name}
                  </Text>
                  <Badge size="xs" variant="light" color="gray">
                    {t('task.cascade.already')}
                  </Badge>
                </Group>
              ) : (
                <Checkbox key={u.id} value={u.id} label={u.name} />
              ),
            )}
          </SimpleGrid>
        </Checkbox.Group>
        <VnDateInput
          label={t('task.cascade.dueAt')}
          description={
            task.dueAt ? t('task.cascade.dueKeep', { date: formatDate(task.dueAt) }) : t('task.cascade.dueNone')
          }
          value={dueAt}
          onChange={(v) => setDueAt(v)}
        />
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Button type="submit" disabled={picked.length === 0} loading={cascade.isPending} data-testid="cascade-confirm">
          {t('task.cascade.confirm', { count: picked.length })}
        </Button>
      </Stack>
    </form>
  )
}

/**
 * "Các đơn vị thực hiện": a task's copies for the units below, their states at a glance (a donut
 * of the four timeliness states and the rolled-up progress), each copy's row, and for those who may
 * change the task the action that hands it further down. Live events keep all of it current.
 */
export function CascadePanel({ task, rights }: { task: Task; rights: TaskRights | null }) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const compact = !!useMediaQuery('(max-width: 48em)')
  const { data, error, isLoading, refetch } = useTaskCascade(task.id)
  const [sort, setSort] = useState<SortKey>('urgency')
  const [dialogOpen, dialog] = useDisclosure(false)
  const [result, setResult] = useState<string | null>(null)
  const children = data?.children ?? []
  const people = usePeopleOf(
    children.length <= PEOPLE_LOOKUP_MAX ? [...new Set(children.map((c) => c.leadUnitId))] : [],
  )
  const unitName = (x: Task) => byId.get(x.leadUnitId)?.name ?? t('common.unknownUnit')
  // biome-ignore lint/correctness/useExhaustiveDependencies: unitName reads byId, listed
  const sorted = useMemo(() => [...children].sort(sorter(sort, unitName)), [children, sort, byId])
  const targets = rights?.cascadeTargets ?? []
  const already = useMemo(() => new Set(children.map((c) => c.leadUnitId)), [children])

  if (!isLoading && !error && children.length === 0 && targets.length === 0) return null

  const onDone = (created: Task[]) => {
    dialog.close()
    const names = created.map((c) => byId.get(c.leadUnitId)?.shortName ?? c.leadUnitId).join(', ')
    const message = created.length
      ? t('task.cascade.result', { count: created.length, units: names })
      : t('task.cascade.resultNone')
    setResult(message)
    toasts.show({ color: 'green', message })
  }

  const counts = data?.summary ?? { on_time: 0, late: 0, open: 0, overdue: 0 }
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="cascade-title" data-testid="cascade-panel">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="lg" id="cascade-title">
          {t('task.cascade.title')}
        </Title>
        {targets.length > 0 && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSitemap size={16} aria-hidden />}
            onClick={dialog.open}
            data-testid="cascade-open"
          >
            {t('task.cascade.action')}
          </Button>
        )}
      </Group>
      {result && (
        <Alert
          color="green"
          variant="light"
          role="status"
          mb="sm"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setResult(null)}
          data-testid="cascade-result"
        >
          {result}
        </Alert>
      )}
      {isLoading && <Loading />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} compact />}
      {data && children.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('task.cascade.empty')}
        </Text>
      )}
      {data && children.length > 0 && (
        <Stack gap="md">
          <Group gap="xl" align="center" wrap="wrap">
            <TimelinessDonut
              counts={counts}
              centre={`${data.done}/${data.total}`}
              caption={t('task.cascade.chartCaption', { ...counts, total: data.total, progress: task.progress })}
            />
            <Stack gap={4} miw={160} style={{ flex: 1 }}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('task.cascade.rolledUp')}
              </Text>
              <Text fz={28} fw={800} lh={1} data-testid="cascade-progress" data-progress={task.progress}>
                {t('common.percent', { value: task.progress })}
              </Text>
              <Progress value={task.progress} size="md" color={timelinessColour[task.timeliness]} aria-hidden />
              <Text size="sm">{t('task.cascade.doneOf', { done: data.done, total: data.total })}</Text>
            </Stack>
          </Group>
          <Select
            label={t('task.cascade.sortBy')}
            value={sort}
            onChange={(v) => v && setSort(v as SortKey)}
            data={sortKeys.map((k) => ({ value: k, label: t(`task.cascade.sort.${k}`) }))}
            allowDeselect={false}
            w={220}
            size="xs"
            comboboxProps={{ withinPortal: true }}
          />
          <ChildRows tasks={sorted} unitName={unitName} people={people} compact={compact} />
        </Stack>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={dialogOpen}
        onClose={dialog.close}
        title={t('task.cascade.dialogTitle')}
        fullScreen={compact}
        size="lg"
      >
        <CascadeForm task={task} targets={targets} already={already} onDone={onDone} />
      </Modal>
    </Card>
  )
}
