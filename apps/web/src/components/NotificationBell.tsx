// The header's bell: the unread count, the five latest notifications (a click marks one read and opens what
// it is about) and the link to the notifications page.

import { ActionIcon, Button, Divider, Indicator, Popover, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isUnavailable } from '../lib/api'
import { fromNow } from '../lib/dates'
import { useMarkRead } from '../lib/mutations'
import { notificationTitle } from '../lib/notification-text'
import { useNotifications } from '../lib/queries'
import { notificationTarget } from './notification-target'

/** The bell: unread count, the latest few, a way to the full list. */
export function NotificationBell() {
  const { t, i18n } = useTranslation()
  const [opened, setOpened] = useState(false)
  const { data, error } = useNotifications()
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const unread = data?.unread ?? 0
  const latest = data?.notifications.slice(0, 5) ?? []
  const label = unread ? t('notifications.bell', { count: unread }) : t('notifications.bellNone')

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.8" disabled={!unread} offset={6}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            data-testid="notification-bell"
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={22} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={4}>
          {isUnavailable(error) && (
            <Text size="sm" c="dimmed" p="xs">
              {t('notifications.unavailable')}
            </Text>
          )}
          {!error && latest.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {t('notifications.empty')}
            </Text>
          )}
          {latest.map((n) => (
            <UnstyledButton
              key={n.id}
              p="xs"
              style={{ borderRadius: 8, background: n.readAt ? undefined : 'var(--mantine-color-blue-0)' }}
              onClick={() => {
                setOpened(false)
                if (!n.readAt) markRead.mutate(n.id)
                const target = notificationTarget(n)
                if (target) void navigate({ to: target })
              }}
            >
              <Text size="sm" fw={n.readAt ? 400 : 700} lineClamp={2}>
                {notificationTitle(t, n, i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {fromNow(n.createdAt, i18n.language)}
              </Text>
            </UnstyledButton>
          ))}
          <Divider />
          <Button variant="subtle" size="xs" component={Link} to="/notifications" onClick={() => setOpened(false)}>
            {t('notifications.viewAll')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
