// The unit directory (/units): the units by kind as the tree stood on a chosen day, found by name without
// diacritics, each linking to its page.

import { foldVietnamese } from '@hub/domain'
import { Accordion, Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconSitemap } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../components/PageState'
import { PageHeader } from '../components/page-parts'
import { SearchField } from '../components/SearchField'
import { useDirectsCity } from '../components/unit-time'
import { VnDateInput } from '../components/VnDateInput'
import { api } from '../lib/api'
import { formatDate, vnDay } from '../lib/dates'
import { type Unit, type UnitKind, unitKinds } from '../lib/types'

/**
 * The unit directory by kind, searchable without diacritics ("tay ho" finds "Tây Hồ"), as the tree
 * stood on a chosen day: today's city by default, 2021's (30 districts, 579 communes) on 30/07/2021.
 */
export function UnitsPage() {
  const { t } = useTranslation()
  const [day, setDay] = useState<string>(vnDay())
  const { data, error, isLoading, refetch } = useQuery({
    queryKey: ['units', 'on', day],
    queryFn: async () => (await api<{ units: Unit[] }>(`/units?validOn=${day}`)).units,
    staleTime: 10 * 60_000,
  })
  const units = data ?? []
  const office = useDirectsCity()
  const [q, setQ] = useState('')
  const grouped = useMemo(() => {
    const f = foldVietnamese(q)
    const m = new Map<UnitKind, Unit[]>()
    for (const u of units) {
      if (f && !foldVietnamese(u.name).includes(f)) continue
      m.set(u.kind, [...(m.get(u.kind) ?? []), u])
    }
    for (const list of m.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    return m
  }, [units, q])
  const defaults = q ? unitKinds.filter((k) => grouped.has(k)) : ['city', 'body', 'sector', 'district']
  const count = (k: UnitKind) => grouped.get(k)?.length ?? 0

  return (
    <Stack gap="md">
      <PageHeader
        title={t('unit.directory')}
        align="flex-end"
        action={
          office
            ? {
                label: t('unitsTime.reorganise'),
                icon: <IconSitemap size={16} aria-hidden />,
                to: '/units/reorganisation',
              }
            : undefined
        }
      />
      <Group align="flex-end" gap="md">
        <SearchField label={t('unit.directorySearch')} value={q} onText={setQ} maw={420} />
        <VnDateInput
          label={t('unitsTime.treeOn')}
          description={t('unitsTime.treeOnHint')}
          value={day}
          onChange={(v) => v && setDay(v)}
          maw={260}
          data-testid="tree-day"
        />
      </Group>
      {data && (
        <Text size="sm" data-testid="tree-summary" aria-live="polite">
          {t('unitsTime.summary', { day: formatDate(day), districts: count('district'), communes: count('commune') })}
        </Text>
      )}
      {isLoading && <Loading />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Accordion multiple defaultValue={defaults} key={q ? 'search' : 'browse'} variant="separated">
        {unitKinds
          .filter((k) => grouped.has(k))
          .map((k) => {
            const list = grouped.get(k) ?? []
            return (
              <Accordion.Item key={k} value={k}>
                <Accordion.Control>
                  {t(`unit.kinds.${k}`)} ({list.length})
                </Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={4}>
                    {list.slice(0, 300).map((u) => (
                      <Anchor key={u.id} component={Link} to={`/units/${u.id}`} size="sm" py={4}>
                        {u.name}
                      </Anchor>
                    ))}
                  </SimpleGrid>
                  {list.length > 300 && (
                    <Text size="xs" c="dimmed" mt="xs">
                      {t('common.showingOf', { shown: 300, total: list.length })}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            )
          })}
      </Accordion>
    </Stack>
  )
}
