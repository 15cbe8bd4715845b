// Units through time in the web app: whether the user directs the whole city (the office), and a
// unit page's succession panel: predecessors and successors, who receives an abolished unit's work
// now, and the records inherited from predecessors, each marked with the unit that made it.
import { Alert, Anchor, Badge, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/auth'
import { api } from '../lib/api'
import { formatDate, vnDay } from '../lib/dates'
import { useUnits } from '../lib/queries'
import { Section } from './Section'

const DIRECTING = new Set(['admin', 'committee_member', 'office_drafter'])

/** Whether the user holds a directing role at the city (committee, office, administrator). */
export function useDirectsCity(): boolean {
  const { user } = useAuth()
  const { byId } = useUnits()
  return !!user?.roles.some((r) => DIRECTING.has(r.role) && byId.get(r.unitId)?.kind === 'city')
}

export interface LinkedUnit {
  id: string
  name: string
  share: 'whole' | 'part'
}

interface Via {
  viaUnitId: string
  viaUnitName: string
}

interface History {
  predecessorIds: string[]
  tasks: (Via & { id: string; title: string; status: string; dueAt: string | null })[]
  reports: (Via & { id: string; kind: string; submittedAt: string; narrative: string })[]
  inspections: (Via & { id: string; scheduledOn: string; outcome: string | null })[]
  adoptions: (Via & { id: string; practiceId: string; title: string; adoptedOn: string })[]
}

function Links({ list }: { list: LinkedUnit[] }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      {list.map((u) => (
        <Group key={u.id} gap={4} wrap="nowrap">
          <Anchor component={Link} to={`/units/${u.id}`} size="sm">
            {u.name}
          </Anchor>
          <Badge size="xs" variant="light" color={u.share === 'whole' ? 'blue' : 'gray'}>
            {t(`unitsTime.${u.share}`)}
          </Badge>
        </Group>
      ))}
    </Group>
  )
}

/** A record's title linking to its page. */
const TitleLink = ({ to, title }: { to: string; title: string }) => (
  <Anchor component={Link} to={to} size="sm">
    {title}
  </Anchor>
)

/**
 * One tab of inherited records: each row's own label and the unit that made it; "none" when empty.
 * `scroll`: a long list (tasks, reports) scrolls within the card and keeps each row on one line.
 */
function InheritedList<T extends Via & { id: string }>(props: {
  items: T[]
  label: (x: T) => ReactNode
  scroll?: boolean
}) {
  const { t } = useTranslation()
  const { items, label, scroll = false } = props
  return (
    <Stack gap={6} {...(scroll ? { mah: 360, style: { overflowY: 'auto' } } : {})}>
      {items.length === 0 && <Text size="sm">{t('unitsTime.none')}</Text>}
      {items.map((x) => (
        <Group key={x.id} gap="xs" wrap={scroll ? 'nowrap' : undefined} justify="space-between">
          {label(x)}
          <Badge size="sm" variant="outline" color="gray">
            {t('unitsTime.of', { name: x.viaUnitName })}
          </Badge>
        </Group>
      ))}
    </Stack>
  )
}

/** The unit's place in time: closed since, who receives now, predecessors and successors, inherited records. */
export function UnitSuccession(props: {
  unitId: string
  validFrom: string
  validTo: string | null
  predecessors: LinkedUnit[]
  successors: LinkedUnit[]
  receivers: { id: string; name: string }[]
}) {
  const { t } = useTranslation()
  const { unitId, validTo, predecessors, successors, receivers } = props
  const history = useQuery({
    queryKey: ['units', unitId, 'history'],
    queryFn: async () => (await api<{ history: History }>(`/units/${unitId}/history`)).history,
    enabled: predecessors.length > 0,
  })
  if (!validTo && predecessors.length === 0) return null
  const h = history.data
  return (
    <Stack gap="md">
      {validTo && (
        <Alert color="yellow" data-testid="unit-ceased">
          <Text size="sm" fw={600}>
            {t('unitsTime.ceased', { day: formatDate(validTo) })}
          </Text>
          <ReceivesNow units={receivers} label={t('unitsTime.receivers')} size="sm" />
        </Alert>
      )}
      <Card withBorder radius="md" component="section" aria-labelledby="succession-title">
        <Title order={2} fz="md" id="succession-title" mb="xs">
          {predecessors.length > 0 ? t('unitsTime.predecessors') : t('unitsTime.successors')}
        </Title>
        {predecessors.length > 0 && (
          <Text size="xs" c="dimmed" mb={6}>
            {t('unitsTime.validFrom', { day: formatDate(props.validFrom) })}
          </Text>
        )}
        <Links list={predecessors.length > 0 ? predecessors : successors} />
      </Card>
      {h && (
        <Section
          id="inherited-title"
          title={t('unitsTime.inherited')}
          fz="md"
          hint={t('unitsTime.inheritedHint')}
          data-testid="inherited"
        >
          <Tabs defaultValue="tasks" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="tasks">{t('unitsTime.inheritedTasks', { count: h.tasks.length })}</Tabs.Tab>
              <Tabs.Tab value="reports">{t('unitsTime.inheritedReports', { count: h.reports.length })}</Tabs.Tab>
              <Tabs.Tab value="inspections">
                {t('unitsTime.inheritedInspections', { count: h.inspections.length })}
              </Tabs.Tab>
              <Tabs.Tab value="adoptions">{t('unitsTime.inheritedAdoptions', { count: h.adoptions.length })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="tasks" pt="xs">
              <InheritedList
                items={h.tasks}
                scroll
                label={(x) => <TitleLink to={`/tasks/${x.id}`} title={x.title} />}
              />
            </Tabs.Panel>
            <Tabs.Panel value="reports" pt="xs">
              <InheritedList
                items={h.reports}
                scroll
                label={(x) => (
                  <Text size="sm" lineClamp={1}>
                    {formatDate(x.submittedAt)} · {x.narrative}
                  </Text>
                )}
              />
            </Tabs.Panel>
            <Tabs.Panel value="inspections" pt="xs">
              <InheritedList items={h.inspections} label={(x) => <Text size="sm">{formatDate(x.scheduledOn)}</Text>} />
            </Tabs.Panel>
            <Tabs.Panel value="adoptions" pt="xs">
              <InheritedList
                items={h.adoptions}
                label={(x) => <TitleLink to={`/models/${x.practiceId}`} title={x.title} />}
              />
            </Tabs.Panel>
          </Tabs>
        </Section>
      )}
    </Stack>
  )
}

/**
 * Who receives now for those of `unitIds` no longer in force (a directive of 2021 sent to the
 * districts): unit id → the units in force today doing its work. One request for the whole list.
 */
export function useReceiversNow(unitIds: (string | null | undefined)[]): Map<string, { id: string; name: string }[]> {
  const { byId } = useUnits()
  const today = vnDay()
  const ceased = [...new Set(unitIds.filter((id): id is string => !!id && !!byId.get(id)?.validTo))].filter(
    (id) => (byId.get(id)?.validTo ?? '') < today,
  )
  const q = useQuery({
    queryKey: ['units', 'receivers', ceased.join(',')],
    queryFn: async () =>
      (
        await api<{ receivers: Record<string, { id: string; name: string }[]> }>(
          `/units/receivers?ids=${ceased.join(',')}`,
        )
      ).receivers,
    enabled: ceased.length > 0,
    staleTime: 10 * 60_000,
  })
  return new Map(Object.entries(q.data ?? {}))
}

/** "Nay tiếp nhận: …": who receives an abolished unit's work now, linked. */
export function ReceivesNow({
  units,
  label,
  size = 'xs',
}: {
  units: { id: string; name: string }[] | undefined
  label?: string
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  if (!units?.length) return null
  return (
    <Text size={size} c={size === 'xs' ? 'dimmed' : undefined} data-testid="receives-now">
      {label ?? t('unitsTime.receivesNow')}{' '}
      {units.map((u, i) => (
        <span key={u.id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/units/${u.id}`} size={size}>
            {u.name}
          </Anchor>
        </span>
      ))}
    </Text>
  )
}
