// The card a task is listed as on phones and in columns ("Việc của tôi", the board's status columns, a
// meeting's tasks): its lead unit, timeliness, status, deadline and progress; the whole card links to it.

import { Badge, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../lib/dates'
import { useUnits } from '../lib/queries'
import type { Task } from '../lib/types'
import { StatusBadge, TimelinessBadge, timelinessColour } from './Badges'
import { LinkCard } from './page-parts'

/** One task as a tappable card: title, lead unit, deadline, progress. The whole card links to the task. */
export function TaskCard({ task, mine, showStatus = true }: { task: Task; mine?: boolean; showStatus?: boolean }) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const unit = byId.get(task.leadUnitId)
  return (
    <LinkCard
      padding="sm"
      radius="md"
      to={`/tasks/${task.id}`}
      data-testid="task-card"
      data-task-id={task.id}
      aria-label={task.title}
    >
      <Stack gap={6}>
        <Text fw={600} size="sm" lineClamp={3}>
          {task.title}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {unit?.name ?? t('common.unknownUnit')}
        </Text>
        <Group gap={6} wrap="wrap">
          <TimelinessBadge timeliness={task.timeliness} size="sm" />
          {showStatus && <StatusBadge status={task.status} size="sm" />}
          {mine && (
            <Badge size="sm" variant="outline" color="grape">
              {t('myWork.mine')}
            </Badge>
          )}
          <Text
            size="xs"
            c={task.timeliness === 'overdue' ? 'red.9' : 'dimmed'}
            fw={task.timeliness === 'overdue' ? 700 : 400}
            ml="auto"
          >
            {task.dueAt ? t('common.dueOn', { date: formatDate(task.dueAt) }) : t('common.noDueDate')}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={task.progress}
            color={timelinessColour[task.timeliness]}
            size="md"
            style={{ flex: 1 }}
            aria-label={`${t('task.progress')} ${task.progress}%`}
          />
          <Text size="xs" fw={600} w={36} ta="right">
            {t('common.percent', { value: task.progress })}
          </Text>
        </Group>
      </Stack>
    </LinkCard>
  )
}
