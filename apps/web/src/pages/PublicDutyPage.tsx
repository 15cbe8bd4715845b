// The public duty page (/duty, no login): every unit's hotlines and who is on duty now, by kind of unit or
// found by name without diacritics, refreshed every five minutes; phone numbers dial on a phone.

import { foldVietnamese } from '@hub/domain'
import { Anchor, Box, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconPhone } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { ErrorState, Loading } from '../components/PageState'
import { PageHeader } from '../components/page-parts'
import { SearchField } from '../components/SearchField'
import { api } from '../lib/api'
import { formatTime } from '../lib/dates'

interface DutyUnit {
  unitId: string
  unitName: string
  kind: string
  hotlines: { label: string; phone: string }[]
  onDuty: { name: string; position: string; phone: string | null; until: string }[]
}
const kinds = ['district', 'commune', 'body', 'sector'] as const

/** The public page (no login): every unit's hotlines and who is on duty now, with office lines only. */
export function PublicDutyPage() {
  const { t } = useTranslation()
  const [kind, setKind] = useState<(typeof kinds)[number]>('district')
  const [q, setQ] = useState('')
  const duty = useQuery({
    queryKey: ['public-duty'],
    queryFn: () => api<{ units: DutyUnit[]; at: string }>('/public/duty'),
    refetchInterval: 5 * 60_000,
  })
  const shown = useMemo(() => {
    const f = foldVietnamese(q)
    return (duty.data?.units ?? [])
      .filter((u) => (f ? foldVietnamese(u.unitName).includes(f) : u.kind === kind))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'))
      .slice(0, 120)
  }, [duty.data, q, kind])
  const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`
  return (
    <Box p={{ base: 'sm', sm: 'xl' }} maw={1200} mx="auto">
      <Stack gap="md">
        <PageHeader title={t('accountability.duty.title')}>
          <Group gap="xs">
            <LanguageSwitch />
            <Anchor component={Link} to="/login" size="sm">
              {t('accountability.duty.staffLogin')}
            </Anchor>
          </Group>
        </PageHeader>
        <Text size="sm" c="dimmed">
          {t('accountability.duty.intro')}
        </Text>
        <Group gap="md" align="flex-end">
          <SearchField label={t('accountability.duty.search')} value={q} onText={setQ} w={280} />
          {!q && (
            <SegmentedControl
              aria-label={t('accountability.kind')}
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              data={kinds.map((k) => ({ value: k, label: t(`accountability.kinds.${k}`) }))}
            />
          )}
        </Group>
        {duty.isLoading && <Loading />}
        {duty.error && <ErrorState error={duty.error} onRetry={() => void duty.refetch()} />}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {shown.map((u) => (
            <Card key={u.unitId} withBorder data-unit={u.unitName}>
              <Text fw={700}>{u.unitName}</Text>
              {u.hotlines.map((h) => (
                <Group key={h.phone} gap={6} wrap="nowrap">
                  <IconPhone size={14} aria-hidden />
                  <Text size="sm">{h.label}:</Text>
                  <Anchor href={tel(h.phone)} size="sm">
                    {h.phone}
                  </Anchor>
                </Group>
              ))}
              <Text size="xs" c="dimmed" mt={6}>
                {t('accountability.duty.onDutyNow')}
              </Text>
              {u.onDuty.length === 0 ? (
                <Text size="sm" c="red.8">
                  {t('accountability.duty.nobody')}
                </Text>
              ) : (
                u.onDuty.map((d) => (
                  <Text key={`${d.name}-${d.until}`} size="sm">
                    {d.name} ({d.position}) · {t('accountability.duty.until', { time: formatTime(d.until) })}
                    {d.phone && (
                      <>
                        {' · '}
                        <Anchor href={tel(d.phone)}>{d.phone}</Anchor>
                      </>
                    )}
                  </Text>
                ))
              )}
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Box>
  )
}
