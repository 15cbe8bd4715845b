// The notifications page (/notifications): all of the user's notifications, each opening what it is about
// (and marked read on the way), one marked read alone, or all at once.

import { Badge, Button, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconChecks } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { notificationTarget } from '../components/notification-target'
import { ErrorState, Loading } from '../components/PageState'
import { PageHeader } from '../components/page-parts'
import { isUnavailable } from '../lib/api'
import { formatDateTime, fromNow } from '../lib/dates'
import { useMarkRead } from '../lib/mutations'
import { notificationTitle } from '../lib/notification-text'
import { useNotifications } from '../lib/queries'

/** Every notification, newest first; a cascade to many units is one grouped line. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation()
  const { data, error, isLoading, refetch } = useNotifications()
  const markRead = useMarkRead()
  const navigate = useNavigate()
  return (
    <Stack gap="md" maw={860}>
      <PageHeader title={t('notifications.title')}>
        {(data?.unread ?? 0) > 0 && (
          <Button
            variant="light"
            leftSection={<IconChecks size={16} aria-hidden />}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </PageHeader>
      {isLoading && <Loading />}
      {error &&
        (isUnavailable(error) ? (
          <Text c="dimmed">{t('notifications.unavailable')}</Text>
        ) : (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ))}
      {data && data.notifications.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data?.notifications.map((n) => {
          const target = notificationTarget(n)
          return (
            <li key={n.id}>
              <Card withBorder radius="md" padding="sm" bg={n.readAt ? undefined : 'blue.0'}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <UnstyledButton
                    style={{ flex: 1 }}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id)
                      if (target) void navigate({ to: target })
                    }}
                  >
                    <Group gap="xs">
                      {!n.readAt && (
                        <Badge size="xs" color="blue" variant="filled">
                          {t('notifications.unread')}
                        </Badge>
                      )}
                      <Text fw={n.readAt ? 500 : 700} size="sm">
                        {notificationTitle(t, n, i18n.language)}
                      </Text>
                      {n.count > 1 && (
                        <Badge size="sm" variant="light" color="gray">
                          {t('notifications.grouped', { count: n.count })}
                        </Badge>
                      )}
                    </Group>
                    {/* The stored body is Vietnamese: other languages show the line rendered from kind and data only. */}
                    {n.body && i18n.language === 'vi' && (
                      <Text size="sm" mt={2}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" mt={2} title={formatDateTime(n.createdAt)}>
                      {fromNow(n.createdAt, i18n.language)} · {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                  {!n.readAt && (
                    <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Group>
              </Card>
            </li>
          )
        })}
      </Stack>
    </Stack>
  )
}
