import { foldVietnamese } from '@hub/domain/text-fold'
import { Accordion, Anchor, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../components/PageState'
import { useUnits } from '../lib/queries'
import { type Unit, type UnitKind, unitKinds } from '../lib/types'

/** The unit directory by kind, searchable without diacritics ("tay ho" finds "Tây Hồ"). */
export function UnitsPage() {
  const { t } = useTranslation()
  const { units, error, isLoading, refetch } = useUnits()
  const [q, setQ] = useState('')
  const grouped = useMemo(() => {
    const f = foldVietnamese(q)
    const m = new Map<UnitKind, Unit[]>()
    for (const u of units) {
      if (u.validTo) continue
      if (f && !foldVietnamese(u.name).includes(f)) continue
      m.set(u.kind, [...(m.get(u.kind) ?? []), u])
    }
    for (const list of m.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    return m
  }, [units, q])
  const defaults = q ? unitKinds.filter((k) => grouped.has(k)) : ['city', 'body', 'sector', 'district']

  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        {t('unit.directory')}
      </Title>
      <TextInput
        label={t('unit.directorySearch')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
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
