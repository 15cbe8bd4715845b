// The library of model practices (/models), filtered by field, status and district, with the way to propose
// one; also the status colours and category labels that a practice's page reuses.

import { Badge, Group, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProposeModelButton } from '../components/ModelActions'
import { ErrorState, Loading } from '../components/PageState'
import { LinkCard } from '../components/page-parts'
import { SearchField } from '../components/SearchField'
import { UnitSelect } from '../components/UnitSelect'
import { formatDate } from '../lib/dates'
import { type ModelPractice, type ModelStatus, modelStatuses, useModels } from '../lib/models'

export const modelStatusColour: Record<ModelStatus, string> = {
  proposed: 'gray',
  reviewed: 'blue',
  recommended: 'teal',
  standard: 'red',
}

const categories = ['an_sinh', 'kiem_soat', 'chi_huy', 'phong_ngua', 'cong_dong'] as const

/** A category's label, or the stored word itself when it is not one of the known ones. */
export function useCategoryLabel() {
  const { t, i18n } = useTranslation()
  return (c: string) =>
    i18n.exists(`models.category.${c}`) ? t(`models.category.${c as (typeof categories)[number]}`) : c
}

function ModelCard({ m }: { m: ModelPractice }) {
  const { t } = useTranslation()
  const categoryLabel = useCategoryLabel()
  const pct = Math.round(m.coverage.districts.share * 100)
  return (
    <LinkCard radius="md" padding="md" to={`/models/${m.id}`} data-testid="model-card">
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700} size="lg" lineClamp={2} component="h2" m={0}>
            {m.title}
          </Text>
          <Badge color={modelStatusColour[m.status]} variant="light" style={{ flex: 'none' }}>
            {t(`models.status.${m.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('models.origin', { unit: m.originUnitName })}
          {m.startedOn ? ` · ${t('models.startedOn', { date: formatDate(m.startedOn) })}` : ''}
        </Text>
        {m.category ? (
          <Badge variant="outline" color="gray" size="sm">
            {categoryLabel(m.category)}
          </Badge>
        ) : null}
        <Text size="sm" lineClamp={3} style={{ flex: 1 }}>
          {m.summary}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="xs">{t('models.adoptedBy', { count: m.adoptionCount })}</Text>
          <Text size="xs" c="dimmed">
            {t('models.coverageShort', { districts: m.coverage.districts.adopted, total: m.coverage.districts.total })}
          </Text>
        </Group>
        <Progress value={pct} size="sm" aria-label={t('models.coverage')} />
      </Stack>
    </LinkCard>
  )
}

/** The library of model practices: filters by field, status and district; one card a practice. */
export function ModelsPage() {
  const { t } = useTranslation()
  const categoryLabel = useCategoryLabel()
  const [category, setCategory] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [districtId, setDistrictId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [q] = useDebouncedValue(text, 300)
  const models = useModels({
    category: category ?? undefined,
    status: (status as ModelStatus | null) ?? undefined,
    districtId: districtId ?? undefined,
    q: q || undefined,
  })
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('models.title')}</Title>
          <Text c="dimmed">{t('models.intro')}</Text>
        </div>
        <ProposeModelButton />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <SearchField label={t('models.filters.search')} value={text} onText={setText} />
        <Select
          label={t('models.filters.category')}
          clearable
          value={category}
          onChange={setCategory}
          data={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
        />
        <Select
          label={t('models.filters.status')}
          clearable
          value={status}
          onChange={setStatus}
          data={modelStatuses.map((s) => ({ value: s, label: t(`models.status.${s}`) }))}
        />
        <UnitSelect
          label={t('models.filters.district')}
          value={districtId}
          onChange={setDistrictId}
          unitFilter={(u) => u.kind === 'district' && !u.validTo}
        />
      </SimpleGrid>
      {models.isLoading ? (
        <Loading />
      ) : models.error ? (
        <ErrorState error={models.error} onRetry={() => void models.refetch()} />
      ) : !models.data?.length ? (
        <Text c="dimmed">{t('models.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {models.data.map((m) => (
            <ModelCard key={m.id} m={m} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
