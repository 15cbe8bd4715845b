// The meetings list (/meetings): the meetings in the user's reach as cards, each with its state and time,
// linking to its room.

import { Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { MeetingStatusBadge } from '../components/Badges'
import { ErrorState, Loading } from '../components/PageState'
import { LinkCard, PageTitle } from '../components/page-parts'
import { formatDateTime } from '../lib/dates'
import { useMeetings } from '../lib/queries'

/** Meetings in reach, the next first. */
export function MeetingsPage() {
  const { t } = useTranslation()
  const { data, error, isLoading, refetch } = useMeetings()
  const list = [...(data ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  return (
    <Stack gap="md">
      <PageTitle>{t('meetings.title')}</PageTitle>
      {isLoading && <Loading />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && list.length === 0 && <Text c="dimmed">{t('meetings.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.map((m) => (
          <LinkCard key={m.id} radius="md" to={`/meetings/${m.id}`} data-testid="meeting-card">
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text fw={700}>{m.title}</Text>
                <MeetingStatusBadge status={m.status} />
              </Group>
              <Group gap={6}>
                <IconCalendarEvent size={16} aria-hidden />
                <Text size="sm">{formatDateTime(m.startsAt)}</Text>
              </Group>
              {m.location && (
                <Group gap={6}>
                  <IconMapPin size={16} aria-hidden />
                  <Text size="sm">{m.location}</Text>
                </Group>
              )}
            </Stack>
          </LinkCard>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
