// Above every screen: the "Ngoại tuyến — dữ liệu lúc 14:05" banner while there is no connection, and
// the outbox ("Đang chờ gửi (2)") with each waiting update, its conflict or refusal, and the user's choices.

import { Alert, Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCloudOff, IconCloudUpload } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime, formatTime, vnDay } from '../lib/dates'
import { discardItem, flushOutbox, keepMine, keepTheirs, type OutboxItem, retryItem, useOutbox } from './outbox'
import { useOnline } from './use-online'

/** When the data on screen was fetched: the oldest answer a mounted screen shows (0 when none). */
function useDataTime(): number {
  const qc = useQueryClient()
  const cache = qc.getQueryCache()
  return useSyncExternalStore(
    (cb) => cache.subscribe(cb),
    () => {
      let oldest = 0
      for (const q of cache.getAll()) {
        const at = q.state.dataUpdatedAt
        if (q.queryKey[0] === 'me' || at === 0 || q.getObserversCount() === 0) continue
        if (oldest === 0 || at < oldest) oldest = at
      }
      return oldest
    },
  )
}

/** "14:05" today, "14:05 01/12/2026" on another day (Vietnam's time). */
function dataTime(at: number): string {
  const iso = new Date(at).toISOString()
  return formatDate(iso) === formatDate(vnDay()) ? formatTime(iso) : formatDateTime(iso)
}

function OfflineBanner() {
  const { t } = useTranslation()
  const at = useDataTime()
  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      icon={<IconCloudOff size={20} aria-hidden />}
      title={at ? t('offline.banner', { time: dataTime(at) }) : t('offline.bannerNoData')}
      data-testid="offline-banner"
      py="xs"
    >
      <Text size="sm">{t('offline.bannerHint')}</Text>
    </Alert>
  )
}

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { t } = useTranslation()
  const status = (s: OutboxItem['base']['status']) => t(`status.${s}`)
  const mine = item.change && { progress: item.change.progress, status: status(item.change.status ?? item.base.status) }
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="outbox-item"
      data-task-id={item.taskId}
      data-kind={item.unitReport ? 'unit-report' : 'task'}
      data-state={item.state}
      bg={item.state === 'pending' ? undefined : 'var(--mantine-color-orange-light)'}
    >
      <Stack gap={4}>
        {item.unitReport ? (
          <Anchor component={Link} to={`/units/${item.unitReport.unitId}`} size="sm" fw={600} lineClamp={2}>
            {t('offline.outbox.unitReport', { unit: item.unitReport.unitName })}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/tasks/${item.taskId}`} size="sm" fw={600} lineClamp={2}>
            {item.taskTitle}
          </Anchor>
        )}
        {item.unitReport?.body && (
          <Text size="sm" lineClamp={3}>
            {t('offline.outbox.report', { text: item.unitReport.body })}
          </Text>
        )}
        {mine && item.state !== 'conflict' && <Text size="sm">{t('offline.outbox.progress', mine)}</Text>}
        {item.report?.narrative && (
          <Text size="sm" lineClamp={3}>
            {t('offline.outbox.report', { text: item.report.narrative })}
          </Text>
        )}
        {(item.report?.difficulties || item.unitReport?.difficulties) && (
          <Text size="sm" lineClamp={3} c="var(--hub-text-warning)">
            {t('offline.outbox.difficulties', { text: item.report?.difficulties || item.unitReport?.difficulties })}
          </Text>
        )}
        {!!item.photos?.length && (
          <Text size="sm" data-testid="outbox-photos">
            {t('offline.outbox.photos', {
              count: item.photos.length,
              sent: item.photos.filter((p) => p.sent).length,
            })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('offline.outbox.savedAt', { time: formatDateTime(item.createdAt) })}
        </Text>
        {item.state === 'conflict' && item.current && mine && (
          <Alert
            color="orange"
            variant="outline"
            p="xs"
            icon={<IconAlertTriangle size={16} aria-hidden />}
            title={t('offline.outbox.conflictTitle')}
            data-testid="outbox-conflict"
            role="alert"
          >
            <Stack gap={4}>
              <Text size="sm" data-testid="conflict-theirs">
                {t('offline.outbox.theirs', {
                  at: formatDateTime(item.current.updatedAt),
                  progress: item.current.progress,
                  status: status(item.current.status),
                })}
              </Text>
              <Text size="sm" fw={700} data-testid="conflict-mine">
                {t('offline.outbox.mine', mine)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('offline.outbox.opened', { progress: item.base.progress, status: status(item.base.status) })}
              </Text>
              <Group gap="xs">
                <Button size="xs" color="orange" onClick={() => void keepMine(item.id)} data-testid="keep-mine">
                  {t('offline.outbox.keepMine')}
                </Button>
                <Button size="xs" variant="default" onClick={() => void keepTheirs(item.id)} data-testid="keep-theirs">
                  {t('offline.outbox.keepTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {item.state === 'failed' && (
          <Group gap="xs">
            <Text size="sm" c="red.8" role="alert">
              {t('offline.outbox.failed', { message: item.error?.message ?? '' })}
            </Text>
            <Button size="xs" variant="light" onClick={() => void retryItem(item.id)}>
              {t('offline.outbox.retry')}
            </Button>
          </Group>
        )}
        {item.state !== 'conflict' && (
          <Group justify="flex-end">
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => {
                if (window.confirm(t('offline.outbox.confirmDiscard'))) void discardItem(item.id)
              }}
            >
              {t('offline.outbox.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

function Outbox({ userId, items, online }: { userId: string; items: OutboxItem[]; online: boolean }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [opened, setOpened] = useState(false)
  const [sending, setSending] = useState(false)
  const needsUser = items.some((i) => i.state !== 'pending')
  return (
    <Paper withBorder radius="md" p="xs" data-testid="outbox">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Button
          variant="subtle"
          color={needsUser ? 'orange' : 'blue'}
          leftSection={<IconCloudUpload size={18} aria-hidden />}
          rightSection={needsUser ? <Badge color="orange">!</Badge> : undefined}
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened || needsUser}
          data-testid="outbox-toggle"
        >
          {t('offline.outbox.pending', { count: items.length })}
        </Button>
        {online && (
          <Button
            size="xs"
            variant="light"
            loading={sending}
            onClick={() => {
              setSending(true)
              void flushOutbox(qc, userId).finally(() => setSending(false))
            }}
          >
            {t('offline.outbox.sendNow')}
          </Button>
        )}
      </Group>
      {/* A conflict or a refusal is always shown: the user has to decide, nothing is dropped silently. */}
      <Collapse in={opened || needsUser}>
        <Stack gap="xs" mt="xs">
          <Text size="xs" c="dimmed">
            {t('offline.outbox.intro')}
          </Text>
          {items.map((item) => (
            <OutboxEntry key={item.id} item={item} />
          ))}
        </Stack>
      </Collapse>
    </Paper>
  )
}

/** The offline banner and the outbox, for the screens after login. */
export function OfflineBar({ userId }: { userId: string }) {
  const online = useOnline()
  const items = useOutbox(userId)
  if (online && items.length === 0) return null
  return (
    <Stack gap="xs" mb="sm" data-testid="offline-bar">
      {!online && <OfflineBanner />}
      {items.length > 0 && <Outbox userId={userId} items={items} online={online} />}
    </Stack>
  )
}
