// A record's audit trail from GET /api/history (tasks, directives, reports, inspections), folded at the foot
// of the task page: each change's author, time, and fields before and after.

import type { historyEntrySchema } from '@hub/domain'
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { api } from '../lib/api'
import { formatDateTime } from '../lib/dates'

type HistoryEntry = z.infer<typeof historyEntrySchema>

const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v)

/** A record's audit trail: who changed what, when, before and after; folded until asked for. */
export function HistoryPanel({ type, id }: { type: 'task' | 'directive' | 'report' | 'inspection'; id: string }) {
  const { t } = useTranslation()
  const q = useQuery({
    queryKey: ['history', type, id],
    queryFn: () => api<{ entries: HistoryEntry[] }>(`/history/${type}/${id}`),
  })
  const entries = q.data?.entries ?? []
  return (
    <Accordion variant="separated">
      <Accordion.Item value="history">
        <Accordion.Control>
          {t('accountability.historyTitle')} ({entries.length})
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm" data-testid="history">
            {[...entries].reverse().map((e) => (
              <div key={e.id}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {e.actorName ?? t('accountability.historySystem')}
                  </Text>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {e.action}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)}
                  </Text>
                </Group>
                {e.changes.slice(0, 12).map((c) => (
                  <Text key={c.field} size="xs">
                    {c.field}: {show(c.before)} → {show(c.after)}
                  </Text>
                ))}
              </div>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
