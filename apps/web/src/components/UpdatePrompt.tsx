// The installable app's update, rendered once by App.tsx: registers the service worker, checks for a new
// version hourly, and offers to reload when one is ready.

import { useRegisterSW } from 'virtual:pwa-register/react'
import { Affix, Button, Group, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker (the installable, offline app shell) and, when a new version has been
 * deployed and downloaded, offers "Có phiên bản mới — Tải lại": the new worker takes over and the page
 * reloads only when the user says so (an unsent form is not lost to an automatic reload).
 */
export function UpdatePrompt() {
  const { t } = useTranslation()
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // A tab left open all day at a checkpoint still learns of a new version.
      if (registration) setInterval(() => void registration.update().catch(() => {}), HOUR)
    },
  })
  if (!needRefresh) return null
  return (
    <Affix position={{ bottom: 16, left: 16 }} zIndex={400}>
      <Paper withBorder shadow="md" p="sm" role="status" aria-live="polite" maw={360}>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm">{t('app.update.available')}</Text>
          <Button size="xs" onClick={() => void updateServiceWorker(true)}>
            {t('app.update.reload')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setNeedRefresh(false)}>
            {t('app.update.later')}
          </Button>
        </Group>
      </Paper>
    </Affix>
  )
}
