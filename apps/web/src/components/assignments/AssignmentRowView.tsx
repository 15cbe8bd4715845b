/**
 * One row of the assignment table, as a table row (wide screens) or a stacked card (phones): each cell
 * edits its own Yjs cell, shows who else is on it (outline and name) and its problems right under it.
 */
import {
  type AssignmentField,
  type AssignmentProblem,
  type AssignmentRow,
  type AssignmentRowFields,
  assignmentProblems,
  moveRow,
  recurrenceFreqs,
  reportCycles,
  setCell,
  setRemoved,
} from '@hub/domain'
import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import { memo, type ReactNode, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { usePeopleOf } from '../../lib/queries'
import { UnitPicker } from '../UnitSelect'
import { VnDateInput } from '../VnDateInput'
import { rowSignature, useAssignmentContext } from './context'
import type { Neighbours } from './order'
import { RowChanges } from './RowChanges'
import { RowComments } from './RowComments'

const cellStyle = { position: 'relative' as const, borderRadius: 6, padding: 2 }

/** The task column stays in view while the wide table scrolls sideways. */
export const stickyColumn = {
  position: 'sticky' as const,
  left: 0,
  zIndex: 3,
  background: 'var(--mantine-color-body)',
  boxShadow: '1px 0 0 var(--mantine-color-gray-3)',
}

/** The problems of one cell, said on the row next to it. */
function CellProblems({ problems }: { problems: AssignmentProblem[] }) {
  const { t } = useTranslation()
  const { unitOf } = useAssignmentContext()
  if (!problems.length) return null
  return (
    <Stack gap={2} mt={2}>
      {problems.map((p) => (
        <Text
          key={`${p.code}:${p.unitId ?? ''}`}
          size="xs"
          c={p.severity === 'error' ? 'red.9' : 'orange.9'}
          data-testid="row-problem"
          data-code={p.code}
          data-severity={p.severity}
        >
          <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />
          {t(`assignments.problem.${p.code}`)}
          {p.unitId && unitOf(p.unitId) ? `: ${unitOf(p.unitId)?.name}` : ''}
        </Text>
      ))}
    </Stack>
  )
}

/** A cell: outlined in the colour of whoever else is on it, with their name; tells the others when this person is on it. */
function Cell({
  row,
  field,
  problems,
  children,
}: {
  row: AssignmentRow
  field: AssignmentField
  problems: AssignmentProblem[]
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { peers, focusCell } = useAssignmentContext()
  const here = peers.filter((p) => p.value.rowId === row.id && p.value.field === field)
  const first = here[0]
  return (
    <div
      style={{ ...cellStyle, outline: first ? `2px solid ${first.color}` : undefined }}
      data-field={field}
      onFocusCapture={() => focusCell({ rowId: row.id, field })}
      onBlurCapture={() => focusCell(null)}
    >
      {here.length > 0 && (
        <Group gap={2} style={{ position: 'absolute', top: -10, right: 4, zIndex: 2 }}>
          {here.map((p) => (
            <Text
              key={p.clientId}
              span
              size="10px"
              fw={600}
              px={4}
              style={{ background: p.color, color: '#fff', borderRadius: 4, lineHeight: '16px' }}
              data-testid="cell-presence"
              data-peer-name={p.name}
              aria-label={t('assignments.editing', { name: p.name })}
            >
              {p.name}
            </Text>
          ))}
        </Group>
      )}
      {children}
      <CellProblems problems={problems} />
    </div>
  )
}

/** The cells' editors, keyed by column, shared by both layouts. */
function useRowCells(row: AssignmentRow, n: number, numbered: boolean, neighbours: Neighbours) {
  // In the table the column head names a picker (hidden label); a card shows the picker's own label.
  const pickerLabel = (col: string) => (numbered ? <VisuallyHidden>{label(col)}</VisuallyHidden> : col)
  const { t } = useTranslation()
  const { ydoc, canEdit, unitOf, settled, agenda, serverProblems } = useAssignmentContext()
  const set = <F extends AssignmentField>(field: F, value: AssignmentRowFields[F]) =>
    setCell(ydoc, row.id, field, value)
  const settledRow = settled.get(row.id)
  const problems = useMemo(
    // A settled row's task keeps its own date: only a new row is held to today.
    () => {
      if (settledRow) return []
      const own = assignmentProblems(row, unitOf)
      const server = serverProblems.get(row.id)
      const more =
        server?.sig === rowSignature(row) ? server.problems.filter((p) => !own.some((o) => o.code === p.code)) : []
      return [...own, ...more]
    },
    [row, unitOf, settledRow, serverProblems],
  )
  const of = (...fields: AssignmentField[]) => problems.filter((p) => fields.includes(p.field))
  const people = usePeopleOf(row.leadUnitIds)
  const accountable = useMemo(
    () =>
      [...people.values()]
        .filter((p) => p.userId)
        .map((p) => ({ value: p.userId as string, label: `${p.fullName} — ${p.position}` })),
    [people],
  )
  const disabled = !canEdit
  const label = (col: string) => `${col} — ${t('assignments.rowLabel', { n })}`

  const title = (
    <Cell row={row} field="title" problems={of('title')}>
      <Stack gap={4}>
        <Group gap={4}>
          {numbered && (
            <Text size="sm" c="dimmed" fw={700} aria-hidden>
              {n}.
            </Text>
          )}
          {row.clauseOrdinal != null && (
            <Badge variant="outline" color="red.9" radius="sm" size="sm">
              {t('assignments.clause', { ordinal: row.clauseOrdinal })}
            </Badge>
          )}
          {settledRow?.status === 'sent' && (
            <Badge color="green" variant="light" size="sm" data-testid="row-settled">
              {t('assignments.settled')}
            </Badge>
          )}
          {settledRow?.status === 'held' && (
            <Badge color="yellow" variant="light" size="sm" data-testid="row-held">
              {t('assignments.held')}
            </Badge>
          )}
          {settledRow?.taskId && (
            <Anchor component={Link} to={`/tasks/${settledRow.taskId}`} size="xs" data-testid="row-task-link">
              {t('assignments.openTask')}
            </Anchor>
          )}
        </Group>
        <Textarea
          aria-label={label(t('assignments.colTitle'))}
          placeholder={t('assignments.titlePlaceholder')}
          value={row.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          disabled={disabled}
          error={of('title').some((p) => p.severity === 'error') || undefined}
          data-testid="cell-title"
        />
        {row.description && row.description !== row.title && (
          <Tooltip label={row.description} multiline w={420} withArrow openDelay={300}>
            <Text size="xs" c="dimmed" fs="italic" lineClamp={2} aria-label={t('assignments.source')}>
              {row.description}
            </Text>
          </Tooltip>
        )}
      </Stack>
    </Cell>
  )
  const lead = (
    <Cell row={row} field="leadUnitIds" problems={of('leadUnitIds')}>
      <UnitPicker
        label={pickerLabel(t('assignments.colLead'))}
        placeholder={t('assignments.unitsPlaceholder')}
        value={row.leadUnitIds}
        onChange={(v) => set('leadUnitIds', v)}
        disabled={disabled}
        maxDisplayed={3}
        data-testid="cell-lead"
      />
    </Cell>
  )
  const support = (
    <Cell row={row} field="supportUnitIds" problems={of('supportUnitIds')}>
      <UnitPicker
        label={pickerLabel(t('assignments.colSupport'))}
        placeholder={t('assignments.unitsPlaceholder')}
        value={row.supportUnitIds}
        onChange={(v) => set('supportUnitIds', v)}
        disabled={disabled}
        maxDisplayed={3}
        data-testid="cell-support"
      />
    </Cell>
  )
  const person = (
    <Cell row={row} field="accountableUserId" problems={of('accountableUserId')}>
      <Select
        aria-label={label(t('assignments.colAccountable'))}
        placeholder={t('assignments.accountableDefault')}
        data={accountable}
        value={row.accountableUserId}
        onChange={(v) => set('accountableUserId', v)}
        clearable
        searchable
        disabled={disabled}
        nothingFoundMessage="—"
        comboboxProps={{ withinPortal: true }}
      />
    </Cell>
  )
  const due = (
    <Cell row={row} field="dueAt" problems={of('dueAt')}>
      <VnDateInput
        aria-label={label(t('assignments.colDue'))}
        value={row.dueAt}
        onChange={(v) => set('dueAt', v)}
        disabled={disabled}
        data-testid="cell-due"
      />
    </Cell>
  )
  const rhythm = (
    <Cell row={row} field="freq" problems={of('freq', 'reportCycle')}>
      <Stack gap={4}>
        <Select
          aria-label={label(t('assignments.freq'))}
          data={[
            { value: 'none', label: t('assignments.freqNone') },
            ...recurrenceFreqs.map((f) => ({ value: f, label: t(`assignments.freqValue.${f}`) })),
          ]}
          value={row.freq ?? 'none'}
          allowDeselect={false}
          onChange={(v) => set('freq', !v || v === 'none' ? null : (v as AssignmentRowFields['freq']))}
          disabled={disabled}
        />
        <Select
          aria-label={label(t('assignments.reportCycle'))}
          data={[
            { value: 'none', label: t('assignments.reportCycleNone') },
            ...reportCycles.map((c) => ({ value: c, label: t(`assignments.reportCycleValue.${c}`) })),
          ]}
          value={row.reportCycle ?? 'none'}
          allowDeselect={false}
          onChange={(v) => set('reportCycle', !v || v === 'none' ? null : (v as AssignmentRowFields['reportCycle']))}
          disabled={disabled}
        />
      </Stack>
    </Cell>
  )
  const note = (
    <Cell row={row} field="note" problems={of('note')}>
      <Stack gap={4}>
        {agenda && (
          <Select
            aria-label={label(t('assignments.colAgenda'))}
            placeholder={t('assignments.colAgenda')}
            data={agenda.map((a) => ({ value: a.id, label: `${a.ordinal}. ${a.title}` }))}
            value={row.agendaItemId}
            onChange={(v) => set('agendaItemId', v)}
            clearable
            disabled={disabled}
          />
        )}
        <TextInput
          aria-label={label(t('assignments.colNote'))}
          placeholder={t('assignments.notePlaceholder')}
          value={row.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          disabled={disabled}
        />
      </Stack>
    </Cell>
  )
  const actions = (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <RowComments row={row} />
      {canEdit && neighbours.up && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('assignments.moveUp', { n })}
          onClick={() => neighbours.up && moveRow(ydoc, row.id, ...neighbours.up)}
        >
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      )}
      {canEdit && neighbours.down && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('assignments.moveDown', { n })}
          onClick={() => neighbours.down && moveRow(ydoc, row.id, ...neighbours.down)}
        >
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      )}
      {canEdit && (
        <Tooltip label={t('assignments.removeRow')} withArrow>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`${t('assignments.removeRow')} ${n}`}
            onClick={() => setRemoved(ydoc, row.id, true)}
            data-testid="row-remove"
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
  const errors = problems.filter((p) => p.severity === 'error').length
  return { title, lead, support, person, due, rhythm, note, actions, errors, settledRow }
}

interface RowProps {
  row: AssignmentRow
  n: number
  neighbours: Neighbours
}

/** Rows render again only when their row, place or neighbours change (or the table's context). */
const sameRow = (a: RowProps, b: RowProps) =>
  a.row === b.row && a.n === b.n && JSON.stringify(a.neighbours) === JSON.stringify(b.neighbours)

export const AssignmentTableRow = memo(function AssignmentTableRow({ row, n, neighbours }: RowProps) {
  const c = useRowCells(row, n, true, neighbours)
  const changes = c.settledRow?.changes.length ? c.settledRow : null
  return (
    <>
      <Table.Tr data-testid="assignment-row" data-row-id={row.id} data-errors={c.errors}>
        <Table.Td valign="top" style={stickyColumn}>
          {c.title}
        </Table.Td>
        <Table.Td valign="top">{c.lead}</Table.Td>
        <Table.Td valign="top">{c.support}</Table.Td>
        <Table.Td valign="top">{c.person}</Table.Td>
        <Table.Td valign="top">{c.due}</Table.Td>
        <Table.Td valign="top">{c.rhythm}</Table.Td>
        <Table.Td valign="top">{c.note}</Table.Td>
        <Table.Td valign="top">{c.actions}</Table.Td>
      </Table.Tr>
      {changes && (
        <Table.Tr>
          <Table.Td colSpan={8}>
            <RowChanges settled={changes} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}, sameRow)

/** The same row as a card, one field under another: the phone's table. */
export const AssignmentRowCard = memo(function AssignmentRowCard({ row, n, neighbours }: RowProps) {
  const { t } = useTranslation()
  const c = useRowCells(row, n, false, neighbours)
  const field = (label: string, node: ReactNode) => (
    <div>
      <Text size="sm" fw={500} mb={2}>
        {label}
      </Text>
      {node}
    </div>
  )
  return (
    <Card withBorder radius="md" padding="sm" data-testid="assignment-row" data-row-id={row.id} data-errors={c.errors}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={700}>
            {t('assignments.rowLabel', { n })}
          </Text>
          {c.actions}
        </Group>
        {field(t('assignments.colTitle'), c.title)}
        {c.lead}
        {c.support}
        {field(t('assignments.colAccountable'), c.person)}
        <SimpleGrid cols={2} spacing="xs">
          {field(t('assignments.colDue'), c.due)}
          {field(t('assignments.colRhythm'), c.rhythm)}
        </SimpleGrid>
        {field(t('assignments.colNote'), c.note)}
        {c.settledRow?.changes.length ? <RowChanges settled={c.settledRow} /> : null}
      </Stack>
    </Card>
  )
}, sameRow)
