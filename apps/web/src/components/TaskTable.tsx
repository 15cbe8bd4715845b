// The table of tasks on wide screens (the board's list, a directive's tasks, a unit's tasks): title linked
// to the task, lead unit, deadline, progress and timeliness.

import { Anchor, Group, Progress, Table, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../lib/dates'
import { useUnits } from '../lib/queries'
import type { Task } from '../lib/types'
import { TimelinessBadge, timelinessColour } from './Badges'

/** Tasks as rows (wide screens); scrolls sideways on a phone rather than squeezing. */
export function TaskTable({ tasks, caption }: { tasks: Task[]; caption?: string }) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="task-table">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.table.task')}</Table.Th>
            <Table.Th>{t('board.table.unit')}</Table.Th>
            <Table.Th>{t('board.table.due')}</Table.Th>
            <Table.Th>{t('board.table.progress')}</Table.Th>
            <Table.Th>{t('board.table.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-task-id={task.id}>
              <Table.Td maw={420}>
                <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" lineClamp={2}>
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{byId.get(task.leadUnitId)?.shortName ?? t('common.unknownUnit')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{task.dueAt ? formatDate(task.dueAt) : t('common.noDueDate')}</Text>
              </Table.Td>
              <Table.Td miw={120}>
                <Group gap={6} wrap="nowrap">
                  <Progress
                    value={task.progress}
                    color={timelinessColour[task.timeliness]}
                    style={{ flex: 1 }}
                    aria-label={`${t('task.progress')} ${task.progress}%`}
                  />
                  <Text size="xs">{t('common.percent', { value: task.progress })}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <TimelinessBadge timeliness={task.timeliness} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
