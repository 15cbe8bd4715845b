// The table of units' measure figures: the city's ranking (with rank, head and reports) and a unit's
// sub-units (the short form); each row edged in its rating's colour and linked to the unit's page.
import { Anchor, Card, Table, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type MeasureFigures, type MeasureRow, percent, ratingColour } from '../lib/accountability'
import { RatingBadge } from './AccountabilityForms'

/** The most rows the ranking draws; a longer one says how many it left out. */
const MAX_ROWS = 200

/**
 * `ranked`: the ranking's columns (rank, head, reports on time; overdue in red) and a sticky header;
 * without it, unit, on time, overdue, score and rating.
 */
export function MeasureTable({
  title,
  rows,
  ranked = false,
}: {
  title: string
  rows: (MeasureFigures & Partial<Pick<MeasureRow, 'rank'>>)[]
  ranked?: boolean
}) {
  const { t } = useTranslation()
  const shown = ranked ? rows.slice(0, MAX_ROWS) : rows
  return (
    <Card withBorder p={0}>
      <Title order={2} fz="lg" p="sm">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={ranked ? 760 : 640}>
        <Table striped highlightOnHover stickyHeader={ranked}>
          <Table.Thead>
            <Table.Tr>
              {ranked && <Table.Th>{t('accountability.rank')}</Table.Th>}
              <Table.Th>{t('accountability.unit')}</Table.Th>
              {ranked && <Table.Th>{t('accountability.head')}</Table.Th>}
              <Table.Th ta="right">{t('accountability.onTime')}</Table.Th>
              <Table.Th ta="right">{t('accountability.overdue')}</Table.Th>
              {ranked && <Table.Th ta="right">{t('accountability.reportsOnTime')}</Table.Th>}
              <Table.Th ta="right">{t('accountability.score')}</Table.Th>
              <Table.Th>{t('accountability.rating')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr
                key={r.unitId}
                style={{
                  boxShadow: `inset 4px 0 0 var(--mantine-color-${ratingColour[r.ratingCode ?? 'none'].replace('.', '-')})`,
                }}
              >
                {ranked && <Table.Td>{r.rank ?? '—'}</Table.Td>}
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/accountability/${r.unitId}`}
                    aria-label={t('accountability.drill', { name: r.unitName })}
                  >
                    {r.unitName}
                  </Anchor>
                </Table.Td>
                {ranked && (
                  <Table.Td>
                    <Text size="sm">{r.head?.name ?? ''}</Text>
                  </Table.Td>
                )}
                <Table.Td ta="right">{percent(r.onTimeRate)}</Table.Td>
                <Table.Td ta="right" c={ranked && r.overdue > 0 ? 'red.8' : undefined}>
                  {r.overdue}
                </Table.Td>
                {ranked && <Table.Td ta="right">{percent(r.reportsOnTimeRate)}</Table.Td>}
                <Table.Td ta="right" fw={700}>
                  {r.score ?? '—'}
                </Table.Td>
                <Table.Td>
                  <RatingBadge code={r.ratingCode} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length < rows.length && (
        <Text size="xs" c="dimmed" p="sm">
          {t('common.showingOf', { shown: MAX_ROWS, total: rows.length })}
        </Text>
      )}
    </Card>
  )
}
