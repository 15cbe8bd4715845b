// The accountability measure's forms and badge, shared by its pages: a unit's rating badge, the periodic
// report of one's own unit (through the offline outbox, with photos) and an inspection's record.

import { Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { onlineManager, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import {
  type ChecklistResult,
  checklistResults,
  type Outcome,
  outcomes,
  type RatingCode,
  ratingColour,
  useInspectionChecklist,
  useInspectionTeams,
  useRecordInspection,
} from '../lib/accountability'
import { api, qs } from '../lib/api'
import { vnDay } from '../lib/dates'
import { useFailureToast } from '../lib/failure-toast'
import { useDirectives, useUnits } from '../lib/queries'
import { enqueueUnitReport, flushOutbox, outboxItem } from '../offline/outbox'
import { PhotoPicker } from '../offline/PhotoPicker'
import type { PhotoDraft } from '../offline/photos'
import { FormModal, TextAreaField } from './fields'
import { UnitSelect } from './UnitSelect'
import { VnDateInput } from './VnDateInput'

/** A unit's rating in its colour; grey when there is not enough to judge. */
export function RatingBadge({ code }: { code: RatingCode | null }) {
  const { t } = useTranslation()
  return (
    <Badge color={ratingColour[code ?? 'none']} variant="filled" radius="sm" style={{ textTransform: 'none' }}>
      {t(`accountability.ratings.${code ?? 'none'}`)}
    </Badge>
  )
}

/**
 * The periodic report of one's own unit: only the units the user reports for are offered. It goes
 * through the outbox with its photos, so that a report written without a connection (or cut off while
 * sending) is kept on the phone and sent exactly once when the connection returns.
 */
export function ReportFormModal({
  opened,
  onClose,
  unitIds,
}: {
  opened: boolean
  onClose: () => void
  unitIds: string[]
}) {
  const { t } = useTranslation()
  const failed = useFailureToast()
  const { units } = useUnits()
  const [unitId, setUnitId] = useState<string | null>(unitIds[0] ?? null)
  const [body, setBody] = useState('')
  const [difficulties, setDifficulties] = useState('')
  const [photos, setPhotos] = useState<PhotoDraft[]>([])
  const [sending, setSending] = useState(false)
  const qc = useQueryClient()
  const user = useUser()
  // Prefilled from the unit's task updates of the day: nobody types twice.
  const draft = useQuery({
    queryKey: ['accountability', 'draft', unitId],
    queryFn: () => api<{ body: string; difficulties: string }>(`/reports/draft${qs({ unitId })}`),
    enabled: opened && !!unitId,
  })
  const filled = useRef<string | null>(null)
  useEffect(() => {
    if (!draft.data || !unitId || filled.current === unitId) return
    filled.current = unitId
    setBody((b) => b || draft.data.body)
    setDifficulties((d) => d || draft.data.difficulties)
  }, [draft.data, unitId])
  const options = unitIds.map((id) => ({ value: id, label: units.find((u) => u.id === id)?.name ?? id }))
  const send = async () => {
    if (!unitId || !body.trim()) return
    setSending(true)
    try {
      const unitName = units.find((u) => u.id === unitId)?.name ?? ''
      const item = await enqueueUnitReport({
        userId: user.id,
        unitReport: { unitId, unitName, body: body.trim(), difficulties: difficulties.trim() },
        photos,
      })
      setBody('')
      setDifficulties('')
      setPhotos([])
      onClose()
      if (onlineManager.isOnline()) await flushOutbox(qc, user.id)
      const left = outboxItem(item.id)
      if (!left) notifications.show({ color: 'teal', message: t('offline.report.sent') })
      else if (left.state === 'failed')
        notifications.show({
          color: 'red',
          message: t('offline.outbox.failed', { message: left.error?.message ?? '' }),
        })
      else notifications.show({ color: 'blue', message: t('offline.report.queued') })
    } catch (e) {
      failed(e)
    } finally {
      setSending(false)
    }
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('accountability.form.reportTitle')}>
      <Select
        label={t('accountability.form.reportUnit')}
        data={options}
        value={unitId}
        onChange={setUnitId}
        allowDeselect={false}
      />
      <TextAreaField
        label={t('accountability.form.body')}
        placeholder={t('accountability.form.bodyPlaceholder')}
        minRows={4}
        required
        value={body}
        onText={setBody}
      />
      <TextAreaField label={t('accountability.form.difficulties')} value={difficulties} onText={setDifficulties} />
      <PhotoPicker photos={photos} onChange={setPhotos} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={() => void send()}
          loading={sending}
          disabled={!unitId || !body.trim()}
          data-testid="send-unit-report"
        >
          {t('accountability.submitReport')}
        </Button>
      </Group>
    </FormModal>
  )
}

/** The inspection form, offered only to inspectors and the committee; the server refuses self-inspection. */
export function InspectionFormModal({
  opened,
  onClose,
  unitId: initialUnit,
  ownUnitId,
}: {
  opened: boolean
  onClose: () => void
  unitId?: string
  /** The inspector's own unit (and those above it) is not offered. */
  ownUnitId: string | null
}) {
  const { t } = useTranslation()
  const failed = useFailureToast()
  const [unitId, setUnitId] = useState<string | null>(initialUnit ?? null)
  const [kind, setKind] = useState<'planned' | 'unannounced'>('unannounced')
  const [date, setDate] = useState<string | null>(vnDay())
  const [findings, setFindings] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [teamId, setTeamId] = useState<string | null>(null)
  const [followUps, setFollowUps] = useState('')
  const teams = useInspectionTeams(opened)
  const [directiveId, setDirectiveId] = useState<string | null>(null)
  const [results, setResults] = useState<Record<number, { result: ChecklistResult; note: string }>>({})
  const directives = useDirectives()
  const checklist = useInspectionChecklist(opened ? directiveId : null)
  const record = useRecordInspection()
  const ready = !!unitId && !!date && !!findings.trim() && !!outcome
  const send = async () => {
    if (!ready) return
    try {
      await record.mutateAsync({
        unitId: unitId!,
        kind,
        date: date!,
        findings,
        outcome: outcome!,
        ...(teamId ? { teamId } : {}),
        ...(directiveId
          ? {
              directiveId,
              checklist: Object.entries(results).map(([ordinal, r]) => ({
                ordinal: Number(ordinal),
                result: r.result,
                note: r.note,
              })),
            }
          : {}),
        followUps: followUps
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((title) => ({ title })),
      })
      notifications.show({ color: 'teal', message: t('accountability.form.recorded') })
      setFindings('')
      setFollowUps('')
      setOutcome(null)
      setResults({})
      onClose()
    } catch (e) {
      failed(e)
    }
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('accountability.form.inspectionTitle')}>
      <UnitSelect
        label={t('accountability.form.inspectedUnit')}
        value={unitId}
        onChange={setUnitId}
        required
        unitFilter={(u) => u.id !== ownUnitId && u.kind !== 'city'}
      />
      <div>
        <SegmentedControl
          aria-label={t('accountability.form.kind')}
          value={kind}
          onChange={(v) => setKind(v as 'planned' | 'unannounced')}
          data={(['planned', 'unannounced'] as const).map((k) => ({
            value: k,
            label: t(`accountability.inspectionKinds.${k}`),
          }))}
        />
      </div>
      <VnDateInput label={t('accountability.form.date')} value={date} onChange={setDate} required />
      <Select
        label={t('accountability.form.team')}
        data={(teams.data ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.decisionNumber})` }))}
        value={teamId}
        onChange={setTeamId}
        clearable
      />
      <Select
        label={t('accountability.form.directive')}
        description={t('accountability.form.directiveHint')}
        data={(directives.data ?? [])
          .filter((d) => d.number)
          .map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
        value={directiveId}
        onChange={(v) => {
          setDirectiveId(v)
          setResults({})
        }}
        searchable
        clearable
      />
      {directiveId && (checklist.data ?? []).length > 0 && (
        <Stack gap="xs" aria-label={t('accountability.form.checklist')} role="group">
          <Text fw={600} size="sm">
            {t('accountability.form.checklist')}
          </Text>
          {(checklist.data ?? []).map((item) => (
            <Stack key={item.ordinal} gap={4}>
              <Text size="sm">
                <b>{t('accountability.form.clause', { ordinal: item.ordinal })}</b> {item.text}
              </Text>
              <Group gap="xs" wrap="wrap">
                <SegmentedControl
                  size="xs"
                  aria-label={t('accountability.form.clause', { ordinal: item.ordinal })}
                  value={results[item.ordinal]?.result ?? ''}
                  onChange={(v) =>
                    setResults((r) => ({
                      ...r,
                      [item.ordinal]: { result: v as ChecklistResult, note: r[item.ordinal]?.note ?? '' },
                    }))
                  }
                  data={checklistResults.map((x) => ({ value: x, label: t(`accountability.form.results.${x}`) }))}
                />
                {results[item.ordinal] && (
                  <TextInput
                    size="xs"
                    aria-label={`${t('accountability.form.checklistNote')} — ${t('accountability.form.clause', { ordinal: item.ordinal })}`}
                    placeholder={t('accountability.form.checklistNote')}
                    value={results[item.ordinal]!.note}
                    onChange={(e) => {
                      const note = e.currentTarget.value
                      setResults((r) => ({ ...r, [item.ordinal]: { ...r[item.ordinal]!, note } }))
                    }}
                  />
                )}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      <TextAreaField
        label={t('accountability.form.findings')}
        minRows={3}
        required
        value={findings}
        onText={setFindings}
      />
      <TextAreaField
        label={t('accountability.form.followUps')}
        description={t('accountability.form.followUpsHint')}
        value={followUps}
        onText={setFollowUps}
      />
      <Select
        label={t('accountability.form.outcome')}
        data={outcomes.map((o) => ({ value: o, label: t(`accountability.outcomes.${o}`) }))}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome | null)}
        required
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void send()} loading={record.isPending} disabled={!ready}>
          {t('accountability.recordInspection')}
        </Button>
      </Group>
    </FormModal>
  )
}
