// Comparing two units' accountability measures over the last 30 days (/accountability/compare, ?a= and ?b=
// open it on given units): each figure of the two side by side.

import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RatingBadge } from '../components/AccountabilityForms'
import { PageTitle } from '../components/page-parts'
import { UnitSelect } from '../components/UnitSelect'
import { type MeasureFigures, percent, useUnitMeasure } from '../lib/accountability'

const initial = (key: string) => new URLSearchParams(window.location.search).get(key)

/** Two units side by side over the last 30 days: every figure of the measure, each linking to its records. */
export function ComparePage() {
  const { t } = useTranslation()
  const [a, setA] = useState<string | null>(initial('a'))
  const [b, setB] = useState<string | null>(initial('b'))
  const left = useUnitMeasure(a, '30d')
  const right = useUnitMeasure(b, '30d')
  const fa = a ? left.data?.figures : undefined
  const fb = b ? right.data?.figures : undefined
  const lines: { label: string; value: (f: MeasureFigures) => string | number }[] = [
    { label: t('accountability.score'), value: (f) => f.score ?? '—' },
    { label: t('accountability.onTimeRate'), value: (f) => percent(f.onTimeRate) },
    { label: t('accountability.overdue'), value: (f) => `${f.overdue} (${f.overdueDays})` },
    { label: t('accountability.reportsOnTime'), value: (f) => percent(f.reportsOnTimeRate) },
    { label: t('accountability.freshness'), value: (f) => f.daysSinceUpdate ?? '—' },
    { label: t('accountability.inspections'), value: (f) => percent(f.inspectionValue) },
    { label: t('accountability.subunits'), value: (f) => percent(f.subunitCompletion) },
    { label: t('accountability.penalty'), value: (f) => f.penalty },
  ]
  const cell = (f: MeasureFigures | undefined, line: (typeof lines)[number]) => (f ? line.value(f) : '')
  return (
    <Stack gap="md">
      <PageTitle>{t('accountability.compare')}</PageTitle>
      <Group grow align="flex-end">
        <UnitSelect label={t('accountability.compareA')} value={a} onChange={setA} />
        <UnitSelect label={t('accountability.compareB')} value={b} onChange={setB} />
      </Group>
      <Card withBorder p={0}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accountability.periods.30d')}</Table.Th>
              <Table.Th>
                {fa && (
                  <Anchor component={Link} to={`/accountability/${fa.unitId}`}>
                    {fa.unitName}
                  </Anchor>
                )}
              </Table.Th>
              <Table.Th>
                {fb && (
                  <Anchor component={Link} to={`/accountability/${fb.unitId}`}>
                    {fb.unitName}
                  </Anchor>
                )}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('accountability.rating')}</Table.Td>
              <Table.Td>{fa && <RatingBadge code={fa.ratingCode} />}</Table.Td>
              <Table.Td>{fb && <RatingBadge code={fb.ratingCode} />}</Table.Td>
            </Table.Tr>
            {lines.map((line) => (
              <Table.Tr key={line.label}>
                <Table.Td>{line.label}</Table.Td>
                <Table.Td>{cell(fa, line)}</Table.Td>
                <Table.Td>{cell(fb, line)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {!a || !b ? (
        <Text size="sm" c="dimmed">
          {t('accountability.compareHint')}
        </Text>
      ) : null}
    </Stack>
  )
}
