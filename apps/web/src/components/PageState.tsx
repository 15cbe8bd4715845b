// What a page shows while it loads, when its load failed (with "Thử lại" when trying again may help) and
// for an unknown address (the router's not-found page).

import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconClockPause, IconLock } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../lib/api'
import { errorText, isRetryable } from '../lib/error-text'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  )
}

/** A failed load said plainly: missing feature, no right, no network, or the server's message. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  if (error instanceof ApiError && error.isUnavailable) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconClockPause size={18} aria-hidden />}
        title={compact ? undefined : t('common.unavailableTitle')}
      >
        {t('common.unavailable')}
      </Alert>
    )
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Alert color="orange" variant="light" icon={<IconLock size={18} aria-hidden />}>
        {t('common.forbidden')}
      </Alert>
    )
  }
  const message = errorText(t, error, i18n.language)
  const notFound = error instanceof ApiError && error.status === 404
  return (
    <Alert
      color={notFound ? 'gray' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={compact ? undefined : notFound ? t('common.notFoundTitle') : t('common.error')}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {/* The right next step: trying again helps a network or server failure, never a 404. */}
        {notFound ? (
          <Button size="xs" variant="light" component={Link} to="/">
            {t('common.goHome')}
          </Button>
        ) : (
          onRetry &&
          isRetryable(error) && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        )}
      </Stack>
    </Alert>
  )
}

export function NotFound() {
  const { t } = useTranslation()
  return (
    <Center py={80}>
      <Stack align="center">
        <Title order={2}>{t('common.notFound')}</Title>
        <Button component={Link} to="/">
          {t('common.goHome')}
        </Button>
      </Stack>
    </Center>
  )
}
