// The task board (/board): the tasks in the user's reach, filtered by unit, status, timeliness, directive,
// deadline and text kept in the address; by status, by unit with charts, or as a list; kept live; a new
// task assigned from here.

import {
  Anchor,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Modal,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconFilter, IconPlus, IconSearch, IconX } from '@tabler/icons-react'
import { getRouteApi } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSearch } from '../app/search'
import { isDirecting, useUser } from '../auth/auth'
import { useMayAssign } from '../auth/task-access'
import { AssignTaskForm } from '../components/AssignTaskForm'
import { statusColour } from '../components/Badges'
import { DataTable } from '../components/DataTable'
import { ErrorState, Loading } from '../components/PageState'
import { PageHeader } from '../components/page-parts'
import { TaskCard } from '../components/TaskCard'
import { TaskTable } from '../components/TaskTable'
import { UnitTimelinessChart, type UnitTimelinessRow } from '../components/TimelinessCharts'
import { UnitSelect } from '../components/UnitSelect'
import { DATE_FORMAT } from '../lib/dates'
import { useDirectives, useTasks, useUnits } from '../lib/queries'
import { type Task, type TaskFilters, type TaskStatus, taskStatuses, timelinessValues, type Unit } from '../lib/types'
import { useLiveRoom } from '../live/socket'

const route = getRouteApi('/_authed/board')
const LIMIT = 300

const COLUMN_PAGE = 30
/** Units drawn in the by-unit chart (most overdue first); the table below lists them all. */
const CHART_UNITS = 15
const CHART_UNITS_PHONE = 6

function StatusColumn({ status, tasks }: { status: TaskStatus; tasks: Task[] }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(COLUMN_PAGE)
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="gray.0"
      component="section"
      aria-labelledby={`col-${status}`}
      data-testid={`column-${status}`}
    >
      <Group justify="space-between" mb="xs" px={4}>
        <Title order={2} fz="sm" id={`col-${status}`}>
          {t(`status.${status}`)}
        </Title>
        <Badge variant="light" color={statusColour[status]}>
          {tasks.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {tasks.length === 0 && (
          <Text size="sm" c="dimmed" px={4}>
            {t('board.emptyColumn')}
          </Text>
        )}
        {tasks.slice(0, shown).map((task) => (
          <TaskCard key={task.id} task={task} showStatus={false} />
        ))}
        {tasks.length > shown && (
          <Button variant="subtle" size="xs" onClick={() => setShown((n) => n + COLUMN_PAGE)}>
            {t('board.showMore', { count: tasks.length - shown })}
          </Button>
        )}
      </Stack>
    </Paper>
  )
}

/** One column per status; long columns show the first cards and more on request. */
function StatusColumns({ tasks }: { tasks: Task[] }) {
  return (
    <div className="board-columns" data-testid="board-columns">
      {taskStatuses.map((s) => (
        <StatusColumn key={s} status={s} tasks={tasks.filter((x) => x.status === s)} />
      ))}
    </div>
  )
}

/** The unit directly below `rootId` on the way up from `unitId` (a ward's district under the city), or the unit itself. */
function rollUpTo(unitId: string, rootId: string | null, byId: Map<string, Unit>): string {
  if (!rootId || unitId === rootId) return unitId
  let cur = byId.get(unitId)
  for (let hops = 0; cur && hops < 20; hops++) {
    if (cur.parentId === rootId) return cur.id
    cur = cur.parentId ? byId.get(cur.parentId) : undefined
  }
  return unitId
}

/** Tasks counted per unit one level below the scope (districts for the city, wards for a district). */
function UnitSummary({
  tasks,
  rootId,
  onPick,
  compact,
}: {
  tasks: Task[]
  rootId: string | null
  onPick: (unitId: string) => void
  compact: boolean
}) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const rows = useMemo(() => {
    const m = new Map<
      string,
      { unitId: string; total: number; open: number; overdue: number; onTime: number; late: number; progress: number }
    >()
    for (const x of tasks) {
      const key = rollUpTo(x.leadUnitId, rootId, byId)
      const r = m.get(key) ?? { unitId: key, total: 0, open: 0, overdue: 0, onTime: 0, late: 0, progress: 0 }
      r.total++
      r.progress += x.progress
      if (x.timeliness === 'open') r.open++
      if (x.timeliness === 'overdue') r.overdue++
      if (x.timeliness === 'on_time') r.onTime++
      if (x.timeliness === 'late') r.late++
      m.set(key, r)
    }
    return [...m.values()].sort((a, b) => b.overdue - a.overdue || b.total - a.total)
  }, [tasks, rootId, byId])
  const chartRows: UnitTimelinessRow[] = rows.slice(0, compact ? CHART_UNITS_PHONE : CHART_UNITS).map((r) => ({
    unit: byId.get(r.unitId)?.shortName ?? t('common.unknownUnit'),
    overdue: r.overdue,
    open: r.open,
    late: r.late,
    on_time: r.onTime,
  }))
  const totals = rows.reduce(
    (a, r) => ({
      overdue: a.overdue + r.overdue,
      open: a.open + r.open,
      late: a.late + r.late,
      on_time: a.on_time + r.onTime,
    }),
    { overdue: 0, open: 0, late: 0, on_time: 0 },
  )
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="unit-chart-title">
        <Title order={2} fz="md" id="unit-chart-title" mb={4}>
          {t('board.chart.title')}
        </Title>
        <Text size="sm" mb="xs" data-testid="unit-chart-totals">
          {t('board.chart.totals', totals)}
        </Text>
        <UnitTimelinessChart
          rows={chartRows}
          compact={compact}
          caption={t('board.chart.caption', { shown: chartRows.length, count: rows.length })}
        />
      </Paper>
      <DataTable
        minWidth={620}
        highlightOnHover
        data-testid="unit-table"
        head={
          <>
            <Table.Th>{t('board.unitTable.unit')}</Table.Th>
            <Table.Th ta="right">{t('board.unitTable.total')}</Table.Th>
            <Table.Th ta="right">{t('board.unitTable.open')}</Table.Th>
            <Table.Th ta="right">{t('board.unitTable.overdue')}</Table.Th>
            <Table.Th ta="right">{t('board.unitTable.onTime')}</Table.Th>
            <Table.Th ta="right">{t('board.unitTable.late')}</Table.Th>
            <Table.Th miw={140}>{t('board.unitTable.avgProgress')}</Table.Th>
          </>
        }
      >
        {rows.map((r) => {
          const name = byId.get(r.unitId)?.name ?? t('common.unknownUnit')
          const avg = Math.round(r.progress / r.total)
          return (
            <Table.Tr key={r.unitId}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onPick(r.unitId)}
                  aria-label={t('board.unitTable.showTasks', { unit: name })}
                >
                  {name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{r.total}</Table.Td>
              <Table.Td ta="right">{r.open}</Table.Td>
              <Table.Td ta="right" c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 700 : undefined}>
                {r.overdue}
              </Table.Td>
              <Table.Td ta="right">{r.onTime}</Table.Td>
              <Table.Td ta="right">{r.late}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress
                    value={avg}
                    style={{ flex: 1 }}
                    aria-label={`${t('board.unitTable.avgProgress')} ${avg}%`}
                  />
                  <Text size="xs">{t('common.percent', { value: avg })}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </DataTable>
    </Stack>
  )
}

/** The task board: every task in reach, by status (columns), by unit (table) or as a list; filters live in the address. */
export function BoardPage() {
  const { t } = useTranslation()
  const user = useUser()
  const mayAssign = useMayAssign()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const isPhone = useMediaQuery('(max-width: 48em)')
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false)
  const [assignOpen, { open: openAssign, close: closeAssign }] = useDisclosure(false)
  const [text, setText] = useState(search.q ?? '')
  const { data: directives } = useDirectives()

  const set = (patch: Partial<BoardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
  const setQ = useDebouncedCallback((q: string) => set({ q: q || undefined }), 350)

  const filters: TaskFilters = {
    unitId: search.unitId,
    includeSubunits: search.sub !== false,
    status: search.status,
    timeliness: search.timeliness,
    directiveId: search.directiveId,
    dueFrom: search.dueFrom,
    dueTo: search.dueTo,
    q: search.q,
    limit: LIMIT,
  }
  const { data, error, isLoading, refetch, isFetching } = useTasks(filters)
  useLiveRoom(search.unitId ? `unit:${search.unitId}` : null)
  useLiveRoom(search.directiveId ? `directive:${search.directiveId}` : null)

  const view = search.view ?? 'status'
  const { units } = useUnits()
  // Where the by-unit table starts: the chosen unit, else the user's own, else the city.
  const scopeRoot = search.unitId ?? (isDirecting(user) ? (units.find((u) => !u.parentId)?.id ?? null) : user.unitId)
  const tasks = data?.tasks ?? []
  const activeFilters = [
    search.unitId,
    search.status,
    search.timeliness,
    search.directiveId,
    search.dueFrom,
    search.q,
  ].filter(Boolean).length

  const filterPanel = (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
      spacing="sm"
      component="fieldset"
      style={{ border: 0, padding: 0, margin: 0 }}
      aria-label={t('board.filters')}
    >
      <TextInput
        label={t('board.text')}
        placeholder={t('board.textPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          setQ(e.currentTarget.value.trim())
        }}
      />
      <Stack gap={4}>
        <UnitSelect
          label={t('board.unit')}
          placeholder={t('board.unitPlaceholder')}
          value={search.unitId ?? null}
          onChange={(v) => set({ unitId: v ?? undefined })}
        />
        {search.unitId && (
          <Switch
            size="xs"
            label={t('board.includeSubunits')}
            checked={search.sub !== false}
            onChange={(e) => set({ sub: e.currentTarget.checked ? undefined : false })}
          />
        )}
      </Stack>
      <Select
        label={t('board.status')}
        placeholder={t('common.all')}
        clearable
        value={search.status ?? null}
        onChange={(v) => set({ status: (v as BoardSearch['status']) ?? undefined })}
        data={taskStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select
        label={t('board.timeliness')}
        placeholder={t('common.all')}
        clearable
        value={search.timeliness ?? null}
        onChange={(v) => set({ timeliness: (v as BoardSearch['timeliness']) ?? undefined })}
        data={timelinessValues.map((s) => ({ value: s, label: t(`timeliness.${s}`) }))}
      />
      <Select
        label={t('board.directive')}
        placeholder={t('common.all')}
        clearable
        searchable
        value={search.directiveId ?? null}
        onChange={(v) => set({ directiveId: v ?? undefined })}
        data={(directives ?? []).map((d) => ({
          value: d.id,
          label: `${d.number ?? t('directives.noNumber')} — ${d.title}`,
        }))}
      />
      <DatePickerInput
        type="range"
        label={t('board.dueWindow')}
        placeholder={t('board.dueWindowPlaceholder')}
        valueFormat={DATE_FORMAT}
        clearable
        allowSingleDateInRange
        value={[search.dueFrom ?? null, search.dueTo ?? null]}
        onChange={([from, to]) => set({ dueFrom: from ?? undefined, dueTo: to ?? undefined })}
      />
      {activeFilters > 0 && (
        <Box style={{ alignSelf: 'end' }}>
          <Button
            variant="subtle"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => {
              setText('')
              void navigate({ search: { view: search.view }, replace: true })
            }}
          >
            {t('board.clearFilters')}
          </Button>
        </Box>
      )}
    </SimpleGrid>
  )

  return (
    <Stack gap="md">
      <PageHeader title={t('board.title')} gap="sm" wrap="nowrap">
        {mayAssign && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openAssign} data-testid="new-task">
            {t('board.newTask')}
          </Button>
        )}
      </PageHeader>
      <SegmentedControl
        aria-label={t('board.view')}
        value={view}
        fullWidth={!!isPhone}
        style={{ alignSelf: isPhone ? 'stretch' : 'flex-start' }}
        onChange={(v) => set({ view: v === 'status' ? undefined : (v as BoardSearch['view']) })}
        data={[
          { value: 'status', label: t('board.byStatus') },
          { value: 'unit', label: t('board.byUnit') },
          { value: 'list', label: t('board.list') },
        ]}
      />
      {isPhone ? (
        <div>
          <Button
            variant="light"
            leftSection={<IconFilter size={16} aria-hidden />}
            onClick={toggleFilters}
            aria-expanded={filtersOpen}
          >
            {filtersOpen ? t('board.hideFilters') : t('board.showFilters')}
            {activeFilters > 0 ? ` (${activeFilters})` : ''}
          </Button>
          <Collapse in={filtersOpen}>
            <Box pt="sm">{filterPanel}</Box>
          </Collapse>
        </div>
      ) : (
        filterPanel
      )}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {isLoading ? (
        <Loading />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="board-count">
            {data && data.total > tasks.length
              ? t('board.truncated', { shown: tasks.length, total: data.total })
              : t('common.showingOf', { shown: tasks.length, total: data?.total ?? 0 })}
            {isFetching ? ' …' : ''}
          </Text>
          {tasks.length === 0 ? (
            <Text c="dimmed">{t('board.empty')}</Text>
          ) : view === 'status' ? (
            <StatusColumns tasks={tasks} />
          ) : view === 'unit' ? (
            <UnitSummary
              tasks={tasks}
              rootId={scopeRoot}
              compact={!!isPhone}
              onPick={(unitId) =>
                set(unitId === scopeRoot ? { unitId, sub: false, view: 'list' } : { unitId, sub: undefined })
              }
            />
          ) : (
            <TaskTable tasks={tasks} />
          )}
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={assignOpen}
        onClose={closeAssign}
        title={t('assign.title')}
        fullScreen={!!isPhone}
        size="lg"
      >
        <AssignTaskForm defaultLeadUnitId={search.unitId ?? user.unitId} onCreated={closeAssign} />
      </Modal>
    </Stack>
  )
}
