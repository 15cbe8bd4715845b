// The actions on model practices (mô hình): proposing one (models list), asking units to adopt one, and
// an adopter recording how it worked there (a practice's page and its adoptions table).

import { modelPolicy } from '@hub/domain'
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconBulb, IconSend } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { actorOf, useUnitTree } from '../auth/document-access'
import { errorText } from '../lib/error-text'
import {
  type ModelAdoption,
  type ModelDetail,
  useProposeModel,
  useRecordOutcome,
  useRequestAdoption,
} from '../lib/models'
import { UnitPicker, UnitSelect } from './UnitSelect'
import { VnDateInput } from './VnDateInput'

/** The committee asks units to adopt: each gets a task (a cascade under one city task). */
export function RequestAdoptionButton({ model }: { model: ModelDetail }) {
  const { t, i18n } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const phone = !!useMediaQuery('(max-width: 48em)')
  const request = useRequestAdoption(model.id)
  const [unitIds, setUnitIds] = useState<string[]>([])
  const [dueAt, setDueAt] = useState<string | null>(null)
  const [dueValid, setDueValid] = useState(true)
  const [note, setNote] = useState('')
  if (!model.can.decide) return null
  return (
    <>
      <Button variant="light" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
        {t('models.request')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('models.requestTitle', { title: model.title })}
        fullScreen={phone}
      >
        {request.data ? (
          <Alert color="green">{t('models.requested', { count: request.data.adoptions.length })}</Alert>
        ) : (
          <Stack>
            <UnitPicker label={t('models.requestUnits')} value={unitIds} onChange={setUnitIds} data-autofocus />
            <VnDateInput
              label={t('models.requestDue')}
              value={dueAt}
              onChange={(v) => setDueAt(v ? String(v) : null)}
              onValidityChange={setDueValid}
            />
            <Textarea
              label={t('models.requestNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {request.error ? <Alert color="red">{errorText(t, request.error, i18n.language)}</Alert> : null}
            <Button
              disabled={!unitIds.length || !dueValid}
              loading={request.isPending}
              onClick={() => request.mutate({ unitIds, dueAt: dueAt ?? undefined, note })}
            >
              {t('models.requestSubmit')}
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  )
}

/** An adopter's head records how the practice worked there. */
export function OutcomeEditor({
  modelId,
  adoption,
  figureKeys,
}: {
  modelId: string
  adoption: ModelAdoption
  /** The practice's own figures, asked for so they compare with the origin. */
  figureKeys: string[]
}) {
  const { t, i18n } = useTranslation()
  const user = useUser()
  const tree = useUnitTree()
  const record = useRecordOutcome(modelId)
  const [editing, setEditing] = useState(false)
  const [outcome, setOutcome] = useState(adoption.outcome)
  const [figures, setFigures] = useState<Record<string, number | string>>(adoption.figures ?? {})
  if (!tree || adoption.status === 'requested' || !modelPolicy.adopt(actorOf(user), tree, adoption.unitId)) return null
  if (!editing)
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
        {t('models.recordOutcome')}
      </Button>
    )
  return (
    <Stack gap={4}>
      <Textarea
        size="xs"
        label={t('models.outcomeLabel', { unit: adoption.unitName })}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
        autosize
        error={record.error ? errorText(t, record.error, i18n.language) : undefined}
      />
      {figureKeys.map((k) => (
        <NumberInput
          key={k}
          size="xs"
          label={k}
          value={figures[k] ?? ''}
          onChange={(v) => setFigures((f) => ({ ...f, [k]: v }))}
          decimalSeparator=","
          thousandSeparator="."
        />
      ))}
      <Group gap="xs">
        <Button
          size="compact-xs"
          loading={record.isPending}
          disabled={!outcome.trim()}
          onClick={() =>
            record.mutate(
              {
                adoptionId: adoption.id,
                outcome: outcome.trim(),
                figures: Object.fromEntries(
                  Object.entries(figures).filter((e): e is [string, number] => typeof e[1] === 'number'),
                ),
              },
              { onSuccess: () => setEditing(false) },
            )
          }
        >
          {t('models.saveOutcome')}
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  )
}

const categories = ['an_sinh', 'kiem_soat', 'chi_huy', 'phong_ngua', 'cong_dong'] as const

/** A unit's head or staff (or a directing role) proposes a practice of a unit in their reach. */
export function ProposeModelButton() {
  const { t, i18n } = useTranslation()
  const user = useUser()
  const tree = useUnitTree()
  const navigate = useNavigate()
  const [opened, { open, close }] = useDisclosure(false)
  const phone = !!useMediaQuery('(max-width: 48em)')
  const propose = useProposeModel()
  const [title, setTitle] = useState('')
  const [originUnitId, setOrigin] = useState<string | null>(user.unitId)
  const [category, setCategory] = useState<string | null>(null)
  const [summary, setSummary] = useState('')
  const [results, setResults] = useState('')
  const [steps, setSteps] = useState('')
  if (!tree) return null
  const actor = actorOf(user)
  if (!user.roles.some((r) => modelPolicy.propose(actor, tree, r.unitId))) return null
  const submit = () =>
    originUnitId &&
    propose.mutate(
      {
        title: title.trim(),
        originUnitId,
        category: category ?? '',
        summary: summary.trim(),
        results: results.trim(),
        steps: steps
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      },
      {
        onSuccess: ({ model }) => {
          close()
          void navigate({ to: `/models/${model.id}` })
        },
      },
    )
  return (
    <>
      <Button leftSection={<IconBulb size={16} aria-hidden />} onClick={open}>
        {t('models.propose')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('models.proposeTitle')} fullScreen={phone} size="lg">
        <Stack>
          <TextInput
            label={t('models.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <UnitSelect
            label={t('models.fieldOrigin')}
            value={originUnitId}
            onChange={setOrigin}
            unitFilter={(u) => !u.validTo && modelPolicy.propose(actor, tree, u.id)}
            required
          />
          <Select
            label={t('models.filters.category')}
            value={category}
            onChange={setCategory}
            clearable
            data={categories.map((c) => ({ value: c, label: t(`models.category.${c}`) }))}
          />
          <Textarea
            label={t('models.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Textarea
            label={t('models.results')}
            value={results}
            onChange={(e) => setResults(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('models.fieldSteps')}
            value={steps}
            onChange={(e) => setSteps(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          {propose.error ? <Alert color="red">{errorText(t, propose.error, i18n.language)}</Alert> : null}
          <Button onClick={submit} disabled={title.trim().length < 3 || !originUnitId} loading={propose.isPending}>
            {t('models.proposeSubmit')}
          </Button>
        </Stack>
      </Modal>
    </>
  )
}
