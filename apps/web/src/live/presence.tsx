// Who else is viewing a directive or a meeting: the presence lists LiveEvents keeps in the query cache, read
// and drawn as avatars on those pages.

import { Avatar, Group, Text, Tooltip } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { initials } from '../lib/initials'
import { keys } from '../lib/queries'
import type { PresenceUser } from '../lib/types'

/** Who is viewing a room (a directive, a meeting), as the live layer last reported. */
export function usePresence(room: string): PresenceUser[] {
  const { data } = useQuery({
    queryKey: keys.presence(room),
    queryFn: () => [] as PresenceUser[],
    staleTime: Number.POSITIVE_INFINITY,
  })
  return data ?? []
}

const nameOf = (u: PresenceUser) => u.fullName ?? u.name ?? ''

export function PresenceList({ room }: { room: string }) {
  const { t } = useTranslation()
  const users = usePresence(room).filter((u) => nameOf(u))
  if (!users.length) return null
  const names = users.map(nameOf).join(', ')
  return (
    <Group gap={6} aria-label={t('presence.viewing', { names })} data-testid="presence">
      <Text size="xs" c="dimmed">
        {t('directive.viewing')}:
      </Text>
      <Avatar.Group spacing="xs">
        {users.slice(0, 8).map((u, i) => (
          <Tooltip key={u.userId ?? u.id ?? i} label={nameOf(u)} withArrow>
            <Avatar size="sm" radius="xl" color="blue" aria-hidden>
              {initials(nameOf(u))}
            </Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
    </Group>
  )
}
