/**
 * The live assignment table (bảng phân công) of a directive or a meeting: rows co-edited by everyone
 * who has it open (a Yjs document on the collab server, kept in the browser while offline), with who
 * is on which cell, row comments, problems on the row itself, "Đề xuất từ văn bản", removal and
 * restore, and "Chốt phân công" that turns the settled rows into tasks. Stacked cards on phones.
 */
import { type AssignmentProblem, addProposals, addRow, assignmentProblems, isSettleable, setRemoved } from '@hub/domain'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { notifications as toasts } from '@mantine/notifications'
import { IconChecklist, IconDownload, IconPlus, IconRestore, IconSparkles } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CollabSession,
  useAwarenessUser,
  useCollabSession,
  useCollabStatus,
  usePeerField,
  usePeers,
} from '../editor/use-collab-session'
import { userColor } from '../editor/user-color'
import { isUnavailable } from '../lib/api'
import { useFailureToast } from '../lib/failure-toast'
import { useAcceptAssignmentChanges, useAssignmentProposals, useSettleAssignments } from '../lib/mutations'
import { type AssignmentOwner, assignmentBase, assignmentKeys, useAssignmentTable, useUnits } from '../lib/queries'
import type { DirectiveStatus } from '../lib/types'
import { connectLive } from '../live/socket'
import { AssignmentRowCard, AssignmentTableRow, stickyColumn } from './assignments/AssignmentRowView'
import { AssignmentContext, type AssignmentContextValue, type CellRef, rowSignature } from './assignments/context'
import { neighboursOf } from './assignments/order'
import { useAssignmentRows } from './assignments/use-assignment-rows'
import { Loading } from './PageState'

export interface AssignmentTableProps {
  owner: AssignmentOwner
  user: { id: string; name: string }
  /** What the page knows of the rights, used only while the server does not answer. */
  fallbackCanEdit: boolean
  /** A directive's status: settling a draft holds the tasks until the issue. */
  directiveStatus?: DirectiveStatus
  /** A meeting's agenda items (those with an id can be picked per row). */
  agenda?: { id?: string; ordinal: number; title: string }[]
}

const docNameOf = (o: AssignmentOwner) => `${o.kind === 'directive' ? 'assignments' : 'meeting-assignments'}:${o.id}`

/** Connected or not, and who else has the table open. */
function TableStatus({ session }: { session: CollabSession }) {
  const { t } = useTranslation()
  const { status } = useCollabStatus(session)
  const peers = usePeers(session)
  return (
    <Group gap="xs" wrap="wrap" data-testid="assignment-peers">
      {peers.map((p) => (
        <Badge
          key={p.clientId}
          variant="dot"
          color="gray"
          styles={{ root: { textTransform: 'none' }, section: { background: p.color } }}
          data-peer-name={p.name}
        >
          {p.self ? `${p.name} (${t('editor.you')})` : p.name}
        </Badge>
      ))}
      <Badge
        variant="light"
        color={status === 'connected' ? 'green' : status === 'connecting' ? 'yellow' : 'gray'}
        data-testid="collab-status"
        data-status={status}
        role="status"
        style={{ textTransform: 'none' }}
      >
        {t(`editor.${status}`)}
      </Badge>
    </Group>
  )
}

function TableBody({ session, ...props }: AssignmentTableProps & { session: CollabSession }) {
  const { t } = useTranslation()
  const failed = useFailureToast()
  const { owner, user, directiveStatus } = props
  const qc = useQueryClient()
  const info = useAssignmentTable(owner)
  const apiMissing = !!info.error && isUnavailable(info.error)
  // The page's own idea of the rights stands in only while the server has no such route.
  const canEdit = info.data?.canEdit ?? (apiMissing ? props.fallbackCanEdit : false)
  const canSettle = info.data?.canSettle ?? false
  const rows = useAssignmentRows(session.ydoc)
  const { byId } = useUnits()
  const unitOf = useCallback((id: string) => byId.get(id), [byId])
  const phone = useMediaQuery('(max-width: 62em)')
  const [showRemoved, setShowRemoved] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [ceased, setCeased] = useState<string[]>([])
  const [accepting, setAccepting] = useState<string | null>(null)
  const [serverProblems, setServerProblems] = useState(
    new Map<string, { sig: string; problems: AssignmentProblem[] }>(),
  )
  const propose = useAssignmentProposals(owner.id)
  const settle = useSettleAssignments(owner)
  const acceptChanges = useAcceptAssignmentChanges(owner)

  useAwarenessUser(session, { name: user.name, color: userColor(user.id) })
  const peers = usePeerField<CellRef>(session, 'cell')
  const awareness = session.provider.awareness
  const focusCell = useCallback((cell: CellRef | null) => awareness.setLocalStateField('cell', cell), [awareness])

  // Someone settled (here or elsewhere): the settled rows and their tasks are read again.
  useEffect(() => {
    const s = connectLive() as unknown as {
      on(e: string, fn: (p: { docName?: string }) => void): void
      off(e: string, fn: (p: { docName?: string }) => void): void
    }
    const o: AssignmentOwner = { kind: owner.kind, id: owner.id }
    const onSettled = (p: { docName?: string }) => {
      if (!p?.docName || p.docName === docNameOf(o)) void qc.invalidateQueries({ queryKey: assignmentKeys.table(o) })
    }
    s.on('assignments:settled', onSettled)
    return () => s.off('assignments:settled', onSettled)
  }, [owner.kind, owner.id, qc])

  const settled = useMemo(() => new Map((info.data?.rows ?? []).map((r) => [r.rowId, r])), [info.data])
  const live = rows.filter((r) => !r.removed)
  const removed = rows.filter((r) => r.removed)
  const open = live.filter((r) => !settled.has(r.id))
  const ready = open.filter((r) => isSettleable(assignmentProblems(r, unitOf)))
  const skipped = open.length - ready.length
  const agenda = useMemo(
    () =>
      props.agenda?.some((a) => a.id)
        ? props.agenda.flatMap((a) => (a.id ? [{ id: a.id, ordinal: a.ordinal, title: a.title }] : []))
        : null,
    [props.agenda],
  )

  const { mutate: acceptMutate } = acceptChanges
  const accept = useCallback(
    (rowId: string) => {
      setAccepting(rowId)
      acceptMutate(rowId, {
        onSuccess: () => toasts.show({ color: 'green', message: t('assignments.accepted') }),
        onError: failed,
        onSettled: () => setAccepting(null),
      })
    },
    [acceptMutate, t, failed],
  )
  const me = useMemo(() => ({ id: user.id, name: user.name }), [user.id, user.name])
  const parts: AssignmentContextValue = {
    ydoc: session.ydoc,
    canEdit,
    canSettle,
    user: me,
    peers,
    focusCell,
    settled,
    unitOf,
    agenda,
    accepting,
    serverProblems,
    accept,
  }
  // One value while none of its parts changes: a keystroke in one row re-renders that row only.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parts are the dependencies, in a fixed order
  const ctx = useMemo(() => parts, Object.values(parts))

  const runPropose = async () => {
    try {
      const r = await propose.mutateAsync()
      const n = addProposals(session.ydoc, r.proposals)
      setCeased(r.ceasedUnits.map((u) => u.name))
      toasts.show({
        color: n ? 'green' : 'gray',
        message: n ? t('assignments.proposedSome', { count: n }) : t('assignments.proposedNone'),
      })
    } catch (e) {
      failed(e)
    }
  }

  const runSettle = async () => {
    try {
      const r = await settle.mutateAsync(ready.map((x) => x.id))
      setConfirming(false)
      const sent = new Map(ready.map((x) => [x.id, rowSignature(x)]))
      setServerProblems(
        new Map(r.skipped.map((x) => [x.rowId, { sig: sent.get(x.rowId) ?? '', problems: x.problems }])),
      )
      const said = [
        r.created.length || !r.held.length ? t('assignments.settleCreated', { count: r.created.length }) : '',
        r.held.length ? t('assignments.settleHeldResult', { count: r.held.length }) : '',
        r.skipped.length ? t('assignments.settleSkippedResult', { count: r.skipped.length }) : '',
      ]
      toasts.show({ color: 'green', message: said.filter(Boolean).join('; ') })
    } catch (e) {
      failed(e)
    }
  }

  const held = owner.kind === 'directive' && (directiveStatus === 'draft' || directiveStatus === 'in_review')
  const base = `/api${assignmentBase(owner)}/export?format=`

  return (
    <AssignmentContext.Provider value={ctx}>
      <Card
        withBorder
        radius="md"
        component="section"
        aria-labelledby="assignments-title"
        style={{ overflow: 'visible' }}
      >
        <Stack gap="sm" data-testid="assignment-table" data-doc={docNameOf(owner)}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={2} fz="lg" id="assignments-title">
              {t('assignments.title')}
            </Title>
            <TableStatus session={session} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('assignments.intro')}
          </Text>
          {apiMissing && (
            <Alert color="gray" variant="light">
              {t('assignments.apiMissing')}
            </Alert>
          )}
          {!canEdit && !info.isLoading && (
            <Badge variant="light" color="gray">
              {t('assignments.readOnly')}
            </Badge>
          )}
          <Group gap="xs" wrap="wrap">
            {canEdit && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => addRow(session.ydoc, {})}
              >
                {t('assignments.addRow')}
              </Button>
            )}
            {canEdit && owner.kind === 'directive' && (
              <Button
                variant="light"
                leftSection={<IconSparkles size={16} aria-hidden />}
                loading={propose.isPending}
                onClick={() => void runPropose()}
              >
                {t('assignments.propose')}
              </Button>
            )}
            {!apiMissing && (
              <Menu position="bottom-start" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" leftSection={<IconDownload size={16} aria-hidden />}>
                    {t('assignments.export')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={`${base}docx`} download>
                    {t('assignments.exportDocx')}
                  </Menu.Item>
                  <Menu.Item component="a" href={`${base}pdf`} download>
                    {t('assignments.exportPdf')}
                  </Menu.Item>
                  <Menu.Item component="a" href={`${base}xlsx`} download>
                    {t('assignments.exportXlsx')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          {ceased.length > 0 && (
            <Alert color="orange" variant="light" withCloseButton onClose={() => setCeased([])}>
              {t('assignments.ceasedUnits', { names: ceased.join(', ') })}
            </Alert>
          )}
          {live.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('assignments.empty')}
            </Text>
          ) : phone ? (
            <Stack gap="sm">
              {live.map((r, i) => (
                <AssignmentRowCard key={r.id} row={r} n={i + 1} neighbours={neighboursOf(live, i)} />
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={1520}>
              <Table verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={300} style={stickyColumn}>
                      {t('assignments.colTitle')}
                    </Table.Th>
                    <Table.Th w={210}>{t('assignments.colLead')}</Table.Th>
                    <Table.Th w={190}>{t('assignments.colSupport')}</Table.Th>
                    <Table.Th w={190}>{t('assignments.colAccountable')}</Table.Th>
                    <Table.Th w={160}>{t('assignments.colDue')}</Table.Th>
                    <Table.Th w={170}>{t('assignments.colRhythm')}</Table.Th>
                    <Table.Th w={180}>{t('assignments.colNote')}</Table.Th>
                    <Table.Th w={120} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {live.map((r, i) => (
                    <AssignmentTableRow key={r.id} row={r} n={i + 1} neighbours={neighboursOf(live, i)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {removed.length > 0 && (
            <div>
              <Anchor component="button" type="button" size="sm" onClick={() => setShowRemoved((s) => !s)}>
                {t('assignments.removed', { count: removed.length })}
              </Anchor>
              <Collapse in={showRemoved}>
                <Stack gap={4} mt="xs" data-testid="removed-rows">
                  {removed.map((r) => (
                    <Group key={r.id} gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" c="dimmed" td="line-through" lineClamp={1}>
                        {r.title || t('assignments.untitled')}
                      </Text>
                      {canEdit && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconRestore size={14} aria-hidden />}
                          onClick={() => setRemoved(session.ydoc, r.id, false)}
                        >
                          {t('assignments.restore')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              </Collapse>
            </div>
          )}
          {canSettle && open.length > 0 && (
            <div className="sticky-actions">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text size="sm" fw={600} data-testid="settle-summary">
                  {t('assignments.settleCount', { count: ready.length })}
                  {skipped > 0 ? ` ${t('assignments.settleSkipped', { count: skipped })}` : ''}
                </Text>
                <Button
                  color="red.8"
                  leftSection={<IconChecklist size={16} aria-hidden />}
                  onClick={() => setConfirming(true)}
                  data-testid="settle"
                >
                  {t('assignments.settle')}
                </Button>
              </Group>
            </div>
          )}
        </Stack>
      </Card>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('assignments.settleTitle')} centered>
        <Stack gap="sm" data-testid="settle-dialog">
          <Text size="sm">
            {ready.length ? t('assignments.settleCount', { count: ready.length }) : t('assignments.settleNothing')}
          </Text>
          {skipped > 0 && (
            <Text size="sm" c="orange.9">
              {t('assignments.settleSkipped', { count: skipped })}
            </Text>
          )}
          {held && (
            <Alert color="yellow" variant="light">
              {t('assignments.settleHeld')}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              disabled={ready.length === 0}
              loading={settle.isPending}
              onClick={() => void runSettle()}
              data-testid="settle-confirm"
            >
              {t('assignments.settleConfirm', { count: ready.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </AssignmentContext.Provider>
  )
}

/** The table of a directive (`assignments:<id>`) or a meeting (`meeting-assignments:<id>`). */
export function AssignmentTable(props: AssignmentTableProps) {
  const { t } = useTranslation()
  const session = useCollabSession(docNameOf(props.owner), props.user.id)
  if (!session) return <Loading label={t('assignments.loading')} />
  return <TableBody key={docNameOf(props.owner)} session={session} {...props} />
}

export default AssignmentTable
