import { Accordion, Badge, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { ErrorState, Loading } from '../components/PageState'
import { TaskCard } from '../components/TaskCard'
import { addDays, formatDate, vnDay } from '../lib/dates'
import { useTasks, useUnits } from '../lib/queries'
import { compareTasks } from '../lib/task-cache'
import type { Task } from '../lib/types'

type Scope = 'all' | 'mine' | 'unit'

function TaskGroupSection({
  title,
  tasks,
  mine,
  testId,
  tone,
}: {
  title: string
  tasks: Task[]
  mine: Set<string>
  testId: string
  tone?: string
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={2} fz="lg" id={`${testId}-title`} c={tone}>
          {title}
        </Title>
        <Badge variant="light" color={tone === 'red.9' ? 'red' : 'gray'} size="lg" circle={tasks.length < 10}>
          {tasks.length}
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
    </section>
  )
}

/** "Việc của tôi": what the user and the user's unit must do, overdue first, then this week, then later. */
export function MyWorkPage() {
  const { t } = useTranslation()
  const user = useUser()
  const { byId } = useUnits()
  const [scope, setScope] = useState<Scope>('all')
  const mineQ = useTasks({ assigneeId: user.id, limit: 200 })
  const unitQ = useTasks({ unitId: user.unitId ?? undefined, includeSubunits: true, limit: 300 }, !!user.unitId)

  const today = vnDay()
  const weekEnd = addDays(today, 6)
  const mineIds = useMemo(() => new Set((mineQ.data?.tasks ?? []).map((x) => x.id)), [mineQ.data])

  const groups = useMemo(() => {
    const all = new Map<string, Task>()
    if (scope !== 'unit') for (const x of mineQ.data?.tasks ?? []) all.set(x.id, x)
    if (scope !== 'mine') for (const x of unitQ.data?.tasks ?? []) all.set(x.id, x)
    const list = [...all.values()].sort(compareTasks)
    const open = list.filter((x) => x.status !== 'done')
    return {
      overdue: open.filter((x) => x.timeliness === 'overdue'),
      week: open.filter((x) => x.timeliness !== 'overdue' && x.dueAt && x.dueAt <= weekEnd),
      later: open.filter((x) => x.timeliness !== 'overdue' && (!x.dueAt || x.dueAt > weekEnd)),
      done: list
        .filter((x) => x.status === 'done')
        .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))
        .slice(0, 12),
      openCount: open.length,
    }
  }, [mineQ.data, unitQ.data, scope, weekEnd])

  const loading = mineQ.isLoading || (!!user.unitId && unitQ.isLoading)
  const error = mineQ.error ?? unitQ.error
  const unitName = (user.unitId && byId.get(user.unitId)?.name) || user.position

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            {t('myWork.title')}
          </Title>
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
      {error && <ErrorState error={error} onRetry={() => void Promise.all([mineQ.refetch(), unitQ.refetch()])} />}
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
                mine={mineIds}
                testId="group-overdue"
                tone="red.9"
              />
              <TaskGroupSection
                title={t('myWork.thisWeek', { date: formatDate(weekEnd) })}
                tasks={groups.week}
                mine={mineIds}
                testId="group-week"
              />
              <TaskGroupSection title={t('myWork.later')} tasks={groups.later} mine={mineIds} testId="group-later" />
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
