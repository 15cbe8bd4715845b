// How far a model practice has spread, on its page: the coverage in words and adopters over time as a
// chart, the adopting units (a table, or districts with their communes), its figures beside the adopters'.

import { LineChart } from '@mantine/charts'
import { Anchor, Badge, Box, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../lib/dates'
import type { ModelCoverage as Coverage, ModelAdoption, ModelDetail } from '../lib/models'
import { useUnits } from '../lib/queries'
import { OutcomeEditor } from './ModelActions'

const statusColour = { requested: 'yellow', adopting: 'blue', evaluated: 'green' } as const
type AdoptionStatus = keyof typeof statusColour
/** The API answers an adoption's state as a string: the three it knows, or null for anything else. */
const adoptionStatus = (s: string): AdoptionStatus | null =>
  Object.hasOwn(statusColour, s) ? (s as AdoptionStatus) : null

/** How far a practice has spread: the shares in words, and adopters over time as a line chart. */
export function ModelCoverageChart({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation()
  const pct = (s: number) => Math.round(s * 1000) / 10
  const data = coverage.overTime.map((p) => ({
    date: formatDate(p.date),
    [t('models.seriesDistricts')]: p.districts,
    [t('models.seriesCommunes')]: p.communes,
  }))
  const last = coverage.overTime.at(-1)
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <Text size="sm">
          {t('models.coverageDistricts', {
            adopted: coverage.districts.adopted,
            total: coverage.districts.total,
            pct: pct(coverage.districts.share),
          })}
        </Text>
        <Text size="sm">
          {t('models.coverageCommunes', {
            adopted: coverage.communes.adopted,
            total: coverage.communes.total,
            pct: pct(coverage.communes.share),
          })}
        </Text>
      </Group>
      {data.length ? (
        <Box component="figure" m={0} data-testid="coverage-chart">
          <Box aria-hidden>
            <LineChart
              h={220}
              data={data}
              dataKey="date"
              curveType="stepAfter"
              withDots={data.length < 40}
              series={[
                { name: t('models.seriesDistricts'), color: 'red.7' },
                { name: t('models.seriesCommunes'), color: 'blue.6' },
              ]}
              withLegend
            />
          </Box>
          <Text component="figcaption" size="xs" c="dimmed">
            {last
              ? t('models.coverageCaption', {
                  date: formatDate(last.date),
                  districts: last.districts,
                  communes: last.communes,
                })
              : ''}
          </Text>
        </Box>
      ) : null}
    </Stack>
  )
}

function AdoptionBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const known = adoptionStatus(status)
  return (
    <Badge size="xs" variant="light" color={known ? statusColour[known] : 'gray'}>
      {known ? t(`models.adoptionStatus.${known}`) : status}
    </Badge>
  )
}

function AdoptionLine({ a }: { a: ModelAdoption }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor component={Link} to={`/units/${a.unitId}`} size="sm">
        {a.unitName}
      </Anchor>
      <AdoptionBadge status={a.status} />
      <Text size="xs" c="dimmed">
        {formatDate(a.startedAt)}
      </Text>
    </Group>
  )
}

/** The adopting units as a table, or as a tree of districts with their communes under them. */
export function ModelAdoptions({
  modelId,
  adoptions,
  figureKeys = [],
}: {
  modelId: string
  adoptions: ModelAdoption[]
  figureKeys?: string[]
}) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const [view, setView] = useState<'list' | 'tree'>('list')
  if (!adoptions.length) return <Text c="dimmed">{t('models.noAdoptions')}</Text>
  // The tree: each adopter under its district (a commune's parent), districts in name order.
  const groups = new Map<string, ModelAdoption[]>()
  for (const a of adoptions) {
    const district = a.unitKind === 'commune' ? (a.parentUnitId ?? a.unitId) : a.unitId
    groups.set(district, [...(groups.get(district) ?? []), a])
  }
  const districts = [...groups.keys()].sort((x, y) =>
    (byId.get(x)?.name ?? '').localeCompare(byId.get(y)?.name ?? '', 'vi'),
  )
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        value={view}
        onChange={(v) => setView(v as 'list' | 'tree')}
        data={[
          { value: 'list', label: t('models.adoptionsList') },
          { value: 'tree', label: t('models.adoptionsTree') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'list' ? (
        // One column: the side column of the model page is narrow, and a second column would scroll sideways.
        <Table striped data-testid="adoptions-table">
          <Table.Tbody>
            {adoptions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <AdoptionLine a={a} />
                  {a.note ? (
                    <Text size="xs" mt={2}>
                      {a.note}
                    </Text>
                  ) : null}
                  {a.outcome ? (
                    <Text size="xs" c="green.8">
                      {t('models.outcome', { text: a.outcome })}
                    </Text>
                  ) : null}
                  <OutcomeEditor modelId={modelId} adoption={a} figureKeys={figureKeys} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap={4} component="ul" style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
          {districts.map((d) => {
            const items = groups.get(d) ?? []
            const own = items.find((a) => a.unitId === d)
            const below = items.filter((a) => a.unitId !== d)
            return (
              <li key={d}>
                {own ? (
                  <AdoptionLine a={own} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {byId.get(d)?.name ?? ''}
                  </Text>
                )}
                {below.length ? (
                  <Stack gap={2} component="ul" pl="lg" style={{ listStyle: 'none', margin: 0 }}>
                    {below.map((a) => (
                      <li key={a.id}>
                        <AdoptionLine a={a} />
                      </li>
                    ))}
                  </Stack>
                ) : null}
              </li>
            )
          })}
        </Stack>
      )}
    </Stack>
  )
}

/** The practice's figures at the origin beside what its adopters report. */
export function ModelComparison({ comparison }: { comparison: ModelDetail['comparison'] }) {
  const { t } = useTranslation()
  const rows = comparison.filter((c) => c.origin !== null || c.reported > 0)
  if (!rows.length) return null
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table data-testid="outcome-comparison" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('models.compareFigure')}</Table.Th>
            <Table.Th ta="right">{t('models.compareOrigin')}</Table.Th>
            <Table.Th ta="right">{t('models.compareAdopters')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>{c.key}</Table.Td>
              <Table.Td ta="right">{c.origin ?? '–'}</Table.Td>
              <Table.Td ta="right">
                {c.mean === null
                  ? '–'
                  : t('models.compareValue', { mean: c.mean, min: c.min, max: c.max, count: c.reported })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
