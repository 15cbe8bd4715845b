// The administrator's screen (/admin, listed in the navigation for admins only): the hub's operational
// figures from GET /api/metrics, and unlocking an account locked after failed logins.

import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import { Section } from '../components/Section'
import { api } from '../lib/api'

/** What GET /api/metrics answers (the same numbers Prometheus scrapes from /metrics). */
interface Metrics {
  process: Record<string, number>
  outbox: { pending: number; oldestSeconds: number }
  collab: { connections?: number; documents?: number; updatesIn?: number; durableWithin200ms?: number } | null
  live: { connections: number } | null
  scheduler: { runs: number; leader: boolean } | null
  throttle: { refusals: number }
  database: Record<string, string | number>
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22}>
        {value}
      </Text>
    </Card>
  )
}

/** The administrator's page: the hub's operational numbers and unlocking an account's logins. */
export function AdminPage() {
  const { t, i18n } = useTranslation()
  const [email, setEmail] = useState('')
  const metrics = useQuery({
    queryKey: ['admin-metrics'],
    queryFn: () => api<Metrics>('/metrics'),
    refetchInterval: 10_000,
  })
  const unlock = useMutation({
    mutationFn: (address: string) => api('/auth/unlock', { method: 'POST', body: { email: address } }),
    onSuccess: () => {
      toasts.show({ color: 'green', message: t('admin.unlocked', { email }) })
      setEmail('')
    },
  })
  const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString(i18n.language))
  const m = metrics.data
  return (
    <Stack gap="md" maw={1000}>
      <PageTitle>{t('admin.title')}</PageTitle>
      {metrics.isLoading && <Loading />}
      {metrics.error && <ErrorState error={metrics.error} />}
      {m && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure
            label={t('admin.uptime')}
            value={`${n(Math.round((m.process.uptimeSeconds ?? 0) / 60))} ${t('admin.minutes')}`}
          />
          <Figure label={t('admin.memory')} value={`${n(Math.round((m.process.rssBytes ?? 0) / 1048576))} MB`} />
          <Figure label={t('admin.outbox')} value={n(m.outbox.pending)} testId="admin-outbox" />
          <Figure label={t('admin.oldestEvent')} value={`${n(m.outbox.oldestSeconds)} s`} />
          <Figure label={t('admin.liveConnections')} value={n(m.live?.connections)} />
          <Figure label={t('admin.collabConnections')} value={n(m.collab?.connections)} />
          <Figure
            label={t('admin.durable')}
            value={
              m.collab?.durableWithin200ms === undefined ? '—' : `${Math.round(m.collab.durableWithin200ms * 100)}%`
            }
          />
          <Figure label={t('admin.throttle')} value={n(m.throttle.refusals)} testId="admin-throttle" />
          <Figure
            label={t('admin.scheduler')}
            value={
              m.scheduler
                ? `${n(m.scheduler.runs)} · ${m.scheduler.leader ? t('admin.leader') : t('admin.follower')}`
                : '—'
            }
          />
        </SimpleGrid>
      )}
      <Section id="unlock-title" title={t('admin.unlockTitle')} fz="lg" hint={t('admin.unlockHint')}>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault()
            if (email.trim()) unlock.mutate(email.trim())
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              type="email"
              label={t('admin.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 240 }}
              required
            />
            <Button type="submit" loading={unlock.isPending}>
              {t('admin.unlock')}
            </Button>
          </Group>
          {unlock.error && <ErrorState error={unlock.error} compact />}
        </form>
      </Section>
    </Stack>
  )
}
