// A directive's recipients on its page: while a draft, the list to edit (units from the directory or names
// typed in, each with its capacity); once issued, who received it and who has read it.

import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconBuilding, IconPlus, IconTrash } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { useSetRecipients } from '../lib/mutations'
import { useUnits } from '../lib/queries'
import { type Directive, type Recipient, type RecipientCapacity, recipientCapacities } from '../lib/types'
import { DataTable } from './DataTable'
import { ProblemAlert } from './page-parts'
import { UnitSelect } from './UnitSelect'
import { ReceivesNow, useReceiversNow } from './unit-time'

/** Who received the issued directive and who has read it. */
function RecipientsTable({ directive }: { directive: Directive }) {
  const { t } = useTranslation()
  const list = directive.recipients ?? []
  const now = useReceiversNow(list.map((r) => r.unitId))
  if (!list.length) return <Text c="dimmed">{t('directive.recipients.empty')}</Text>
  const received = list.filter((r) => r.receivedAt).length
  const read = list.filter((r) => r.firstReadAt).length
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('directive.recipients.summary', { received, read, total: list.length })}
      </Text>
      <DataTable
        minWidth={560}
        data-testid="recipients-table"
        head={
          <>
            <Table.Th>{t('directive.recipients.name')}</Table.Th>
            <Table.Th>{t('directive.recipients.capacity')}</Table.Th>
            <Table.Th>{t('directive.recipients.received')}</Table.Th>
            <Table.Th>{t('directive.recipients.read')}</Table.Th>
          </>
        }
      >
        {list.map((r, i) => (
          <Table.Tr key={r.id ?? i}>
            <Table.Td>
              {r.unitId ? (
                <>
                  <Anchor component={Link} to={`/units/${r.unitId}`} size="sm">
                    {r.name}
                  </Anchor>
                  <ReceivesNow units={now.get(r.unitId)} />
                </>
              ) : (
                r.name
              )}
            </Table.Td>
            <Table.Td>{t(`capacity.${r.capacity as 'report'}`, { defaultValue: r.capacity })}</Table.Td>
            <Table.Td>
              {r.receivedAt ? (
                <Text size="sm">{formatDateTime(r.receivedAt)}</Text>
              ) : (
                <Badge variant="light" color="gray">
                  {t('directive.recipients.notYet')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {r.firstReadAt ? (
                <Text size="sm">{formatDateTime(r.firstReadAt)}</Text>
              ) : (
                <Badge variant="light" color={r.receivedAt ? 'orange' : 'gray'}>
                  {t('directive.recipients.notYet')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  )
}

type Row = Pick<Recipient, 'name' | 'unitId'> & { capacity: RecipientCapacity; key: string }

let rowSeq = 0
const rowKey = () => `r${++rowSeq}`

const rowsOf = (d: Directive): Row[] =>
  (d.recipients ?? []).map((r) => ({
    key: rowKey(),
    name: r.name,
    unitId: r.unitId ?? null,
    capacity: (recipientCapacities as readonly string[]).includes(r.capacity)
      ? (r.capacity as RecipientCapacity)
      : 'inform',
  }))

function CapacitySelect({
  value,
  onChange,
  label,
  hideLabel,
}: {
  value: RecipientCapacity
  onChange: (c: RecipientCapacity) => void
  label: string
  hideLabel?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Select
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      value={value}
      onChange={(v) => v && onChange(v as RecipientCapacity)}
      allowDeselect={false}
      data={recipientCapacities.map((c) => ({ value: c, label: t(`capacity.${c}`) }))}
      w={{ base: '100%', xs: 170 }}
    />
  )
}

/** The recipient list of a draft: capacity per line, add from the directory or by name, remove; saved in one PUT. */
function RecipientsEditor({ directive }: { directive: Directive }) {
  const { t, i18n } = useTranslation()
  const { byId } = useUnits()
  const save = useSetRecipients(directive.id)
  const [rows, setRows] = useState<Row[]>(() => rowsOf(directive))
  const [dirty, setDirty] = useState(false)
  const [unitId, setUnitId] = useState<string | null>(null)
  const [unitCapacity, setUnitCapacity] = useState<RecipientCapacity>('execute')
  const [freeName, setFreeName] = useState('')
  const [freeCapacity, setFreeCapacity] = useState<RecipientCapacity>('report')
  const [problem, setProblem] = useState<string | null>(null)

  // Someone else saved the list while nothing was changed here: show theirs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the server's list only
  useEffect(() => {
    if (!dirty) setRows(rowsOf(directive))
  }, [directive.recipients])

  const change = (next: Row[]) => {
    setRows(next)
    setDirty(true)
  }
  const addUnit = () => {
    const unit = unitId ? byId.get(unitId) : null
    if (!unit || rows.some((r) => r.unitId === unit.id)) return
    change([
      ...rows.filter((r) => r.capacity !== 'archive'),
      { key: rowKey(), name: unit.name, unitId: unit.id, capacity: unitCapacity },
      ...rows.filter((r) => r.capacity === 'archive'),
    ])
    setUnitId(null)
  }
  const addFree = (e: FormEvent) => {
    e.preventDefault()
    const name = freeName.trim()
    if (!name) return
    change([
      ...rows.filter((r) => r.capacity !== 'archive'),
      { key: rowKey(), name, unitId: null, capacity: freeCapacity },
      ...rows.filter((r) => r.capacity === 'archive'),
    ])
    setFreeName('')
  }
  const submit = async () => {
    setProblem(null)
    try {
      await save.mutateAsync(rows.map((r) => ({ name: r.name, capacity: r.capacity, unitId: r.unitId ?? null })))
      setDirty(false)
      toasts.show({ color: 'green', message: t('recipientsEdit.saved') })
    } catch (e) {
      setProblem(errorText(t, e, i18n.language))
    }
  }

  return (
    <Stack gap="md" data-testid="recipients-editor">
      <Text size="sm" c="dimmed">
        {t('recipientsEdit.hint')}
      </Text>
      {rows.length === 0 && <Text c="dimmed">{t('directive.recipients.empty')}</Text>}
      <Stack gap={6}>
        {rows.map((r, i) => (
          <Paper key={r.key} withBorder radius="sm" p="xs" data-testid="recipient-row">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap={6} wrap="nowrap" style={{ flex: '1 1 220px', minWidth: 0 }}>
                {r.unitId && (
                  <Tooltip label={t('recipientsEdit.linked')} withArrow>
                    <IconBuilding
                      size={16}
                      aria-label={t('recipientsEdit.linked')}
                      color="var(--mantine-color-blue-7)"
                    />
                  </Tooltip>
                )}
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.name}
                </Text>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <CapacitySelect
                  hideLabel
                  label={t('recipientsEdit.capacityOf', { name: r.name })}
                  value={r.capacity}
                  onChange={(capacity) => change(rows.map((x, j) => (j === i ? { ...x, capacity } : x)))}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('recipientsEdit.remove', { name: r.name })}
                  onClick={() => change(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" padding="sm">
          <Stack gap="xs">
            <UnitSelect
              label={t('recipientsEdit.addUnit')}
              placeholder={t('assign.leadUnitPlaceholder')}
              value={unitId}
              onChange={setUnitId}
            />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <CapacitySelect label={t('recipientsEdit.capacity')} value={unitCapacity} onChange={setUnitCapacity} />
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={addUnit}
                disabled={!unitId}
              >
                {t('recipientsEdit.add')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="sm" component="form" onSubmit={addFree}>
          <Stack gap="xs">
            <TextInput
              label={t('recipientsEdit.addFree')}
              placeholder={t('recipientsEdit.addFreePlaceholder')}
              value={freeName}
              onChange={(e) => setFreeName(e.currentTarget.value)}
            />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <CapacitySelect label={t('recipientsEdit.capacity')} value={freeCapacity} onChange={setFreeCapacity} />
              <Button
                type="submit"
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={!freeName.trim()}
              >
                {t('recipientsEdit.add')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
      {problem && <ProblemAlert>{problem}</ProblemAlert>}
      <Group gap="sm" justify="flex-end">
        {dirty && (
          <>
            <Text size="sm" c="var(--hub-text-warning)">
              {t('recipientsEdit.unsaved')}
            </Text>
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setRows(rowsOf(directive))
                setDirty(false)
              }}
            >
              {t('recipientsEdit.reset')}
            </Button>
          </>
        )}
        <Button onClick={() => void submit()} loading={save.isPending} disabled={!dirty}>
          {t('recipientsEdit.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/** Recipients: edited while a draft (by those who may edit it), afterwards who received and read it. */
export function DirectiveRecipients({ directive, canEdit }: { directive: Directive; canEdit: boolean }) {
  const { t } = useTranslation()
  const draft = directive.status === 'draft' || directive.status === 'in_review'
  if (!draft || !canEdit) return <RecipientsTable directive={directive} />
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('recipientsEdit.title')}
      </Title>
      <RecipientsEditor directive={directive} />
    </Stack>
  )
}
