// A unit's page (/units/:id): its contacts and duty roster, sub-units, people and tasks, kept live, and
// its place in the reorganisations (predecessors, successors, inherited records).

import { foldVietnamese } from '@hub/domain'
import { Anchor, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconLayoutKanban, IconPhone } from '@tabler/icons-react'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../components/PageState'
import { PageHeader } from '../components/page-parts'
import { SearchField } from '../components/SearchField'
import { TaskTable } from '../components/TaskTable'
import { type LinkedUnit, UnitSuccession } from '../components/unit-time'
import { formatDate, formatTime } from '../lib/dates'
import { useTasks, useUnit } from '../lib/queries'
import { useLiveRoom } from '../live/socket'

const route = getRouteApi('/_authed/units/$unitId')

/** A phone number as a link that dials it on a phone. */
function Tel({ phone, label }: { phone: string; label?: string }) {
  const { t } = useTranslation()
  return (
    <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('unit.call', { phone })} fw={600}>
      <Group gap={4} wrap="nowrap" component="span">
        <IconPhone size={16} aria-hidden />
        {label ?? phone}
      </Group>
    </Anchor>
  )
}

/** The unit page's answer beyond UnitDetail: the unit in time. */
interface Dated {
  predecessors?: LinkedUnit[]
  successors?: LinkedUnit[]
  receivers?: { id: string; name: string }[]
}

/**
 * A unit: its head, hotlines, who is on duty and the roster, sub-units, people and tasks; in time,
 * its predecessors or successors and the records it inherited (a 2025 ward shows its 2021 communes' work).
 */
/** One of the unit's contact cards (head, hotlines, on duty): its heading, then `empty` if set, else its content. */
function ContactCard(props: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={props.id}>
      <Title order={2} fz="sm" c="dimmed" id={props.id} tt="uppercase" mb={6}>
        {props.title}
      </Title>
      {props.empty === null ? (
        props.children
      ) : (
        <Text c="dimmed" size="sm">
          {props.empty}
        </Text>
      )}
    </Card>
  )
}

export function UnitPage() {
  const { t } = useTranslation()
  const { unitId } = route.useParams()
  const { data: u, error, isLoading, refetch } = useUnit(unitId)
  const tasks = useTasks({ unitId, includeSubunits: true, limit: 200 })
  const [filter, setFilter] = useState('')
  const navigate = useNavigate()
  useLiveRoom(`unit:${unitId}`)

  if (isLoading) return <Loading />
  if (error || !u) return <ErrorState error={error} onRetry={() => void refetch()} />
  const q = foldVietnamese(filter)
  const children = u.children.filter((c) => !q || foldVietnamese(c.name).includes(q))

  return (
    <Stack gap="md">
      <div>
        {u.parent && (
          <Text size="sm" c="dimmed">
            {t('unit.parent')}:{' '}
            <Anchor component={Link} to={`/units/${u.parent.id}`} size="sm">
              {u.parent.name}
            </Anchor>
          </Text>
        )}
        <PageHeader
          title={u.name}
          data-testid="unit-title"
          align="flex-end"
          action={{
            label: t('unit.openBoard'),
            icon: <IconLayoutKanban size={16} aria-hidden />,
            onClick: () => void navigate({ to: '/board', search: { unitId: u.id } }),
          }}
        />
        <Text size="sm" c="dimmed">
          {u.typeLabel} · {t('unit.code')}: {u.code}
        </Text>
      </div>
      <UnitSuccession
        unitId={u.id}
        validFrom={u.validFrom ?? ''}
        validTo={u.validTo ?? null}
        predecessors={(u as Dated).predecessors ?? []}
        successors={(u as Dated).successors ?? []}
        receivers={(u as Dated).receivers ?? []}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ContactCard id="head-title" title={t('unit.head')} empty={u.head ? null : t('unit.noHead')}>
          {u.head && (
            <Stack gap={2}>
              <Text fw={700}>{u.head.fullName}</Text>
              <Text size="sm">{u.head.position}</Text>
              {u.head.phone && <Tel phone={u.head.phone} />}
            </Stack>
          )}
        </ContactCard>
        <ContactCard
          id="hotline-title"
          title={t('unit.hotlines')}
          empty={u.hotlines.length === 0 ? t('unit.noHotlines') : null}
        >
          <Stack gap={6}>
            {u.hotlines.map((h) => (
              <div key={h.phone}>
                <Text size="xs" c="dimmed">
                  {h.label}
                </Text>
                <Tel phone={h.phone} />
              </div>
            ))}
          </Stack>
        </ContactCard>
        <ContactCard id="duty-title" title={t('unit.onDuty')} empty={u.onDuty.length === 0 ? t('unit.noDuty') : null}>
          <Stack gap={6}>
            {u.onDuty.map((d) => (
              <div key={d.startsAt + d.name}>
                <Text fw={600} size="sm">
                  {d.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatTime(d.startsAt)}–{formatTime(d.endsAt)}
                </Text>
                {d.phone && <Tel phone={d.phone} />}
              </div>
            ))}
          </Stack>
        </ContactCard>
      </SimpleGrid>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" component="section" aria-labelledby="roster-title">
            <Title order={2} fz="md" id="roster-title" mb="xs">
              {t('unit.roster')}
            </Title>
            <Table.ScrollContainer minWidth={420}>
              <Table striped data-testid="roster">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('unit.shift')}</Table.Th>
                    <Table.Th>{t('unit.person')}</Table.Th>
                    <Table.Th>{t('unit.phone')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {u.roster.map((d) => (
                    <Table.Tr key={d.startsAt + d.name}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">
                          {formatTime(d.startsAt)}–{formatTime(d.endsAt)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatDate(d.startsAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.name}</Text>
                        <Text size="xs" c="dimmed">
                          {d.position}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.phone && <Tel phone={d.phone} />}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" component="section" aria-labelledby="sub-title">
            <Title order={2} fz="md" id="sub-title" mb="xs">
              {t('unit.subunits')} ({u.children.length})
            </Title>
            {u.children.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('unit.noSubunits')}
              </Text>
            ) : (
              <Stack gap="xs">
                {u.children.length > 8 && (
                  <SearchField label={t('unit.filterSubunits')} value={filter} onText={setFilter} size="sm" />
                )}
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} mah={360} style={{ overflowY: 'auto' }}>
                  {children.map((c) => (
                    <Anchor key={c.id} component={Link} to={`/units/${c.id}`} size="sm" py={4}>
                      {c.name}
                    </Anchor>
                  ))}
                </SimpleGrid>
              </Stack>
            )}
          </Card>
          {u.people.length > 1 && (
            <Card withBorder radius="md" mt="md" component="section" aria-labelledby="people-title">
              <Title order={2} fz="md" id="people-title" mb="xs">
                {t('unit.people')}
              </Title>
              <Stack gap={6}>
                {u.people.map((p) => (
                  <Group key={p.id} justify="space-between" wrap="nowrap">
                    <div>
                      <Text size="sm" fw={600}>
                        {p.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.position}
                      </Text>
                    </div>
                    {p.phone && <Tel phone={p.phone} />}
                  </Group>
                ))}
              </Stack>
            </Card>
          )}
        </Grid.Col>
      </Grid>
      <Card withBorder radius="md" component="section" aria-labelledby="unit-tasks-title">
        <Title order={2} fz="md" id="unit-tasks-title" mb="xs">
          {t('unit.tasks')} ({tasks.data?.total ?? '…'})
        </Title>
        {tasks.isLoading ? (
          <Loading />
        ) : tasks.error ? (
          <ErrorState error={tasks.error} compact />
        ) : (
          <TaskTable tasks={tasks.data?.tasks ?? []} />
        )}
      </Card>
    </Stack>
  )
}
