/** A settled row edited since: each changed cell as its task's value → the row's value, and "Chấp nhận" for the office. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../lib/dates'
import { usePeopleOf } from '../../lib/queries'
import type { AssignmentSettledRow } from '../../lib/types'
import { useAssignmentContext } from './context'

export function RowChanges({ settled }: { settled: AssignmentSettledRow }) {
  const { t } = useTranslation()
  const { unitOf, canSettle, accept, accepting } = useAssignmentContext()
  const people = usePeopleOf(settled.fields.leadUnitIds)
  const show = (field: string, v: unknown): string => {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return '—'
    if (Array.isArray(v)) return v.map((id) => unitOf(String(id))?.name ?? String(id)).join(', ')
    if (field === 'dueAt') return formatDate(String(v))
    if (field === 'accountableUserId') return people.get(String(v))?.fullName ?? t('assignments.accountableOther')
    if (field === 'freq') return t(`assignments.freqValue.${v as 'daily'}`)
    if (field === 'reportCycle') return t(`assignments.reportCycleValue.${v as 'daily'}`)
    return String(v)
  }
  return (
    <Alert color="orange" variant="light" p="xs" data-testid="row-changes">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('assignments.changes')}
        </Text>
        {settled.changes.map((c) => (
          <Group key={c.field} gap={6} wrap="wrap" data-field={c.field}>
            <Text size="xs" fw={600}>
              {t(`assignments.field.${c.field}`)}:
            </Text>
            <Text size="xs" td="line-through" c="dimmed">
              {show(c.field, c.task)}
            </Text>
            <IconArrowRight size={12} aria-hidden />
            <Text size="xs">{show(c.field, c.row)}</Text>
          </Group>
        ))}
        {settled.changes.some((c) => c.field === 'leadUnitIds') && (
          <Text size="xs" c="dimmed">
            {t('assignments.leadChangeHint')}
          </Text>
        )}
        {canSettle && settled.taskId && (
          <Group>
            <Button size="compact-sm" loading={accepting === settled.rowId} onClick={() => accept(settled.rowId)}>
              {t('assignments.accept')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}
