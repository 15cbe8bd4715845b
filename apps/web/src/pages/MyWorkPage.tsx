// "Việc của tôi" (/, the first screen after login): the user's and the unit's tasks grouped by urgency,
// read a page at a time with "Xem thêm" and infinite scroll, readable offline from the kept pages.

import { Accordion, Badge, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useIntersection } from '@mantine/hooks'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import { TaskCard } from '../components/TaskCard'
import { addDays, formatDate, vnDay } from '../lib/dates'
import { useTasks, useUnits } from '../lib/queries'
import { compareTasks } from '../lib/task-cache'
import type { Task } from '../lib/types'
import { useTaskPages } from '../offline/task-pages'
import { useOnline } from '../offline/use-online'

type Scope = 'all' | 'mine' | 'unit'

/** The paged lists behind one group: their next pages are read together. */
type Pages = ReturnType<typeof useTaskPages>[]

/**
 * "Xem thêm (N việc nữa)" under a paged group, and the same on its own when the user scrolls to it
 * (infinite scroll); without a connection only what was read before is shown.
 */
function MorePages({ pages, testId }: { pages: Pages; testId: string }) {
  const { t } = useTranslation()
  const online = useOnline()
  const waiting = pages.filter((p) => p.hasNextPage)
  const remaining = Math.max(0, ...pages.map((p) => p.remaining))
  const fetching = pages.some((p) => p.isFetchingNextPage)
  const more = () => {
    for (const p of waiting) if (!p.isFetchingNextPage) void p.fetchNextPage()
  }
  const { ref, entry } = useIntersection({ rootMargin: '300px' })
  const seen = !!entry?.isIntersecting
  // biome-ignore lint/correctness/useExhaustiveDependencies: load when the end comes into view, once per page
  useEffect(() => {
    if (seen && online && !fetching && waiting.length) more()
  }, [seen, online, fetching, waiting.length])
  if (!waiting.length) return null
  return (
    <Group justify="center" ref={ref}>
      <Button variant="light" onClick={more} loading={fetching && online} disabled={!online} data-testid={testId}>
        {t('offline.paging.more', { count: remaining })}
      </Button>
    </Group>
  )
}

function TaskGroupSection({
  title,
  tasks,
  mine,
  testId,
  tone,
  count,
  children,
}: {
  title: string
  tasks: Task[]
  mine: Set<string>
  testId: string
  tone?: string
  /** The group's size on the server, when more than the loaded tasks. */
  count?: number
  children?: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={2} fz="lg" id={`${testId}-title`} c={tone}>
          {title}
        </Title>
        <Badge
          variant="light"
          color={tone === 'red.9' ? 'red' : 'gray'}
          size="lg"
          circle={(count ?? tasks.length) < 10}
          data-testid={`${testId}-count`}
        >
          {count ?? tasks.length}
        </Badge>
      </Group>
      {tasks.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('myWork.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} mine={mine.has(task.id)} />
          ))}
        </SimpleGrid>
      )}
      {children}
    </section>
  )
}

/**
 * "Việc của tôi": what the user and the user's unit must do, overdue first, then this week, then later.
 * Open tasks are read a page at a time (overdue, and the rest by due date), so a head with hundreds of
 * tasks gets the first screen at once; recently done ones come from one small list.
 */
export function MyWorkPage() {
  const { t } = useTranslation()
  const user = useUser()
  const { byId } = useUnits()
  const [scope, setScope] = useState<Scope>('all')
  const today = vnDay()
  const weekEnd = addDays(today, 6)
  const hasUnit = !!user.unitId
  const mineF = { assigneeId: user.id }
  const unitF = { unitId: user.unitId ?? undefined, includeSubunits: true }
  const mineOverdue = useTaskPages({ ...mineF, timeliness: 'overdue' })
  const mineOpen = useTaskPages({ ...mineF, timeliness: 'open' })
  const unitOverdue = useTaskPages({ ...unitF, timeliness: 'overdue' }, hasUnit)
  const unitOpen = useTaskPages({ ...unitF, timeliness: 'open' }, hasUnit)
  // Recently done: those due in the last two months (the list API sorts by due date).
  const since = addDays(today, -60)
  const mineDone = useTasks({ ...mineF, status: 'done', dueFrom: since, limit: 50 })
  const unitDone = useTasks({ ...unitF, status: 'done', dueFrom: since, limit: 50 }, hasUnit)

  const shown = (mine: Pages[number], unit: Pages[number]): Pages =>
    scope === 'mine' ? [mine] : scope === 'unit' || !hasUnit ? [hasUnit ? unit : mine] : [mine, unit]
  const overduePages = shown(mineOverdue, unitOverdue)
  const openPages = shown(mineOpen, unitOpen)
  const mineIds = useMemo(
    () => new Set([...mineOverdue.tasks, ...mineOpen.tasks, ...(mineDone.data?.tasks ?? [])].map((x) => x.id)),
    [mineOverdue.tasks, mineOpen.tasks, mineDone.data],
  )

  const groups = useMemo(() => {
    const merge = (lists: Task[][]) => {
      const all = new Map<string, Task>()
      for (const list of lists) for (const x of list) all.set(x.id, x)
      return [...all.values()].sort(compareTasks)
    }
    const overdue = merge(overduePages.map((p) => p.tasks))
    const open = merge(openPages.map((p) => p.tasks))
    const done = merge(
      (scope === 'mine' ? [mineDone] : scope === 'unit' ? [unitDone] : [mineDone, unitDone]).map(
        (q) => q.data?.tasks ?? [],
      ),
    )
    // A total is exact for one list; for two (mine and my unit's, which overlap) the larger is the least.
    const total = (pages: Pages, loaded: number) => Math.max(loaded, ...pages.map((p) => p.total))
    const overdueTotal = total(overduePages, overdue.length)
    const openTotal = total(openPages, open.length)
    return {
      overdue,
      overdueTotal,
      week: open.filter((x) => x.dueAt && x.dueAt <= weekEnd),
      later: open.filter((x) => !x.dueAt || x.dueAt > weekEnd),
      done: done.sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '')).slice(0, 12),
      openCount: overdueTotal + openTotal,
    }
  }, [overduePages, openPages, mineDone, unitDone, scope, weekEnd])

  const all = [mineOverdue, mineOpen, ...(hasUnit ? [unitOverdue, unitOpen] : [])]
  const loading = all.some((q) => q.isLoading)
  const error = all.find((q) => q.error)?.error ?? mineDone.error ?? unitDone.error
  const unitName = (user.unitId && byId.get(user.unitId)?.name) || user.position

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <PageTitle>{t('myWork.title')}</PageTitle>
          <Text c="dimmed" size="sm">
            {t('myWork.subtitle', { unit: unitName })}
          </Text>
          {!loading && (
            <Text size="sm" fw={600} mt={4}>
              {t('myWork.summary', { open: groups.openCount, overdue: groups.overdue.length })}
            </Text>
          )}
        </div>
        <SegmentedControl
          aria-label={t('myWork.filterLabel')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            { value: 'all', label: t('myWork.scopeAll') },
            { value: 'mine', label: t('myWork.scopeMine') },
            { value: 'unit', label: t('myWork.scopeUnit') },
          ]}
        />
      </Group>
      {error && <ErrorState error={error} onRetry={() => void Promise.all(all.map((q) => q.refetch()))} />}
      {loading ? (
        <Loading />
      ) : (
        <>
          {groups.openCount === 0 && !error && (
            <Text c="var(--hub-text-success)" fw={600}>
              {t('myWork.allClear')}
            </Text>
          )}
          {groups.openCount > 0 && (
            <>
              <TaskGroupSection
                title={t('myWork.overdue')}
                tasks={groups.overdue}
                count={groups.overdueTotal}
                mine={mineIds}
                testId="group-overdue"
                tone="red.9"
              >
                <MorePages pages={overduePages} testId="more-overdue" />
              </TaskGroupSection>
              <TaskGroupSection
                title={t('myWork.thisWeek', { date: formatDate(weekEnd) })}
                tasks={groups.week}
                mine={mineIds}
                testId="group-week"
              />
              <TaskGroupSection title={t('myWork.later')} tasks={groups.later} mine={mineIds} testId="group-later">
                <MorePages pages={openPages} testId="more-open" />
              </TaskGroupSection>
            </>
          )}
          {groups.done.length > 0 && (
            <Accordion variant="contained">
              <Accordion.Item value="done">
                <Accordion.Control>
                  {t('myWork.doneRecently')} ({groups.done.length})
                </Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
                    {groups.done.map((task) => (
                      <TaskCard key={task.id} task={task} mine={mineIds.has(task.id)} />
                    ))}
                  </SimpleGrid>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          )}
        </>
      )}
    </Stack>
  )
}
