// A model practice's page (/models/:id): its recognition steps and next step, the write-up in the
// collaborative editor, adoption, coverage and comparison, questions and answers, and its materials.

import { documentPolicy } from '@hub/domain'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconArrowLeft, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { actorOf, useUnitTree } from '../auth/document-access'
import { RequestAdoptionButton } from '../components/ModelActions'
import { ModelAdoptions, ModelComparison, ModelCoverageChart } from '../components/ModelCoverage'
import { ModelDiscussion } from '../components/ModelDiscussion'
import { ErrorState, Loading } from '../components/PageState'
import { TitledCard } from '../components/page-parts'
import { VnDateInput } from '../components/VnDateInput'
import { ApiError } from '../lib/api'
import { formatDate, vnDay } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { type ModelDetail, modelKeys, modelStatuses, useAdopt, useModel, useTransitionModel } from '../lib/models'
import { useUnits } from '../lib/queries'
import { modelStatusColour, useCategoryLabel } from './ModelsPage'

/** The heading of each of the page's cards. */
const cardHeading = { order: 2, size: 'h4', mb: 'xs' } as const

const CollabEditor = lazy(() => import('../editor/CollabEditor'))
const route = getRouteApi('/_authed/models/$modelId')

/** "Áp dụng mô hình này": a unit head (or a directing role above) records an adoption; the unit's tasks follow. */
function AdoptButton({ model }: { model: ModelDetail }) {
  const { t, i18n } = useTranslation()
  const { byId } = useUnits()
  const [opened, { open, close }] = useDisclosure(false)
  const phone = !!useMediaQuery('(max-width: 48em)')
  const adopt = useAdopt(model.id)
  const navigate = useNavigate()
  const [unitId, setUnitId] = useState<string | null>(model.can.adoptFor[0] ?? null)
  const [startedAt, setStartedAt] = useState<string | null>(vnDay())
  const [note, setNote] = useState('')
  const done = adopt.data
  // After adopting, the unit is no longer offered, but the dialog stays to lead to the board.
  if (!model.can.adoptFor.length && !done) return null
  return (
    <>
      {model.can.adoptFor.length ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid="adopt-open">
          {t('models.adopt')}
        </Button>
      ) : null}
      <Modal opened={opened} onClose={close} title={t('models.adoptTitle', { title: model.title })} fullScreen={phone}>
        {done ? (
          <Stack>
            <Alert color="green" data-testid="adopt-done">
              {t('models.adopted', { count: done.tasks.length })}
            </Alert>
            <Button
              onClick={() => {
                close()
                void navigate({ to: '/board', search: { unitId: done.adoption.unitId, view: 'list' } })
              }}
              data-testid="adopt-board"
            >
              {t('models.openBoard')}
            </Button>
          </Stack>
        ) : (
          <Stack>
            <Select
              label={t('models.adoptUnit')}
              value={unitId}
              onChange={setUnitId}
              data={model.can.adoptFor.map((id) => ({ value: id, label: byId.get(id)?.name ?? id }))}
              allowDeselect={false}
              data-testid="adopt-unit"
            />
            <VnDateInput
              label={t('models.adoptStart')}
              value={startedAt}
              onChange={(v) => setStartedAt(v ? String(v) : null)}
              data-testid="adopt-start"
            />
            <Textarea
              label={t('models.adoptNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="adopt-note"
            />
            {adopt.error ? <Alert color="red">{errorText(t, adopt.error, i18n.language)}</Alert> : null}
            <Button
              onClick={() => unitId && startedAt && adopt.mutate({ unitId, startedAt, note })}
              disabled={!unitId || !startedAt}
              loading={adopt.isPending}
              data-testid="adopt-submit"
            >
              {t('models.adoptSubmit')}
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  )
}

/** The committee's or office's next step for a practice, with a note. */
function NextStep({ model }: { model: ModelDetail }) {
  const { t, i18n } = useTranslation()
  const move = useTransitionModel(model.id)
  const [note, setNote] = useState('')
  const next = model.can.next
  if (!model.can.decide || !next) return null
  return (
    <Stack gap={4} mt="sm">
      <Textarea
        size="xs"
        label={t('models.stepNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
      />
      <Button size="xs" variant="light" onClick={() => move.mutate({ to: next, note })} loading={move.isPending}>
        {t('models.nextStep', { status: t(`models.status.${next}`) })}
      </Button>
      {move.error ? (
        <Text size="xs" c="red">
          {errorText(t, move.error, i18n.language)}
        </Text>
      ) : null}
    </Stack>
  )
}

function StatusSteps({ model }: { model: ModelDetail }) {
  const { t } = useTranslation()
  const reached = modelStatuses.indexOf(model.status)
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('models.statusSteps')}
      </Title>
      <Stepper active={reached + 1} orientation="vertical" size="sm">
        {modelStatuses.map((s) => {
          const step = [...model.statusSteps].reverse().find((x) => x.status === s)
          return (
            <Stepper.Step
              key={s}
              label={t(`models.status.${s}`)}
              description={
                step
                  ? `${t('models.decided', { name: step.decidedByName ?? '—', date: formatDate(step.decidedAt) })}${step.note ? ` · ${step.note}` : ''}`
                  : undefined
              }
            />
          )
        })}
      </Stepper>
      <NextStep model={model} />
    </Card>
  )
}

/** Uploads a material (multipart) for those who may add them; the server judges size and type. */
function AttachButton({ model }: { model: ModelDetail }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData()
      form.append('file', file)
      const res = await fetch(`/api/models/${model.id}/attachments`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
      })
      const data = await res.json().catch(() => null)
      if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? '')
      return data
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: modelKeys.one(model.id) }),
  })
  if (!model.can.attach) return null
  return (
    <Stack gap={4} mt="xs">
      <FileButton onChange={(f) => f && upload.mutate(f)} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt">
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="light"
            leftSection={<IconUpload size={14} aria-hidden />}
            loading={upload.isPending}
          >
            {t('models.attach')}
          </Button>
        )}
      </FileButton>
      {upload.error ? (
        <Text size="xs" c="red" role="alert">
          {errorText(t, upload.error, i18n.language)}
        </Text>
      ) : null}
    </Stack>
  )
}

/** One practice: what it is, its recognition steps, the live write-up, who adopted it, coverage, Q&A, materials. */
export function ModelPage() {
  const { t } = useTranslation()
  const { modelId } = route.useParams()
  const user = useUser()
  const tree = useUnitTree()
  const categoryLabel = useCategoryLabel()
  const q = useModel(modelId)
  if (q.isLoading) return <Loading />
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  const m = q.data
  const writeAccess = tree ? documentPolicy.modelWriteUp(actorOf(user), tree, { originUnitId: m.originUnitId }) : 'read'
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/models" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('models.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{m.title}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={modelStatusColour[m.status]}>{t(`models.status.${m.status}`)}</Badge>
            {m.category ? (
              <Badge variant="outline" color="gray">
                {categoryLabel(m.category)}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('models.origin', { unit: m.originUnitName })}
              {m.startedOn ? ` · ${t('models.startedOn', { date: formatDate(m.startedOn) })}` : ''}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <RequestAdoptionButton model={m} />
          <AdoptButton model={m} />
        </Group>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Title order={2} size="h4">
                {t('models.summary')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {m.summary}
              </Text>
              {m.results ? (
                <>
                  <Title order={2} size="h4" mt="sm">
                    {t('models.results')}
                  </Title>
                  <Text size="sm">{m.results}</Text>
                  {Object.keys(m.figures).length ? (
                    <List size="sm" mt={4}>
                      {Object.entries(m.figures).map(([k, v]) => (
                        <List.Item key={k}>
                          {k}: <b>{String(v)}</b>
                        </List.Item>
                      ))}
                    </List>
                  ) : null}
                </>
              ) : null}
              {m.steps.length ? (
                <>
                  <Title order={2} size="h4" mt="sm">
                    {t('models.steps')}
                  </Title>
                  <List type="ordered" size="sm">
                    {m.steps.map((s) => (
                      <List.Item key={s}>{s}</List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Card>
            <TitledCard title={t('models.writeUp')} heading={cardHeading}>
              <Suspense fallback={<Loading />}>
                <CollabEditor
                  docName={m.docName}
                  user={{ id: user.id, name: user.fullName }}
                  label={t('models.writeUpLabel')}
                  placeholder={t('models.writeUpPlaceholder')}
                  editable={writeAccess === 'write'}
                  minHeight={220}
                />
              </Suspense>
            </TitledCard>
            <TitledCard title={t('models.discussion')} heading={cardHeading}>
              <ModelDiscussion modelId={m.id} />
            </TitledCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <StatusSteps model={m} />
            <TitledCard title={t('models.coverage')} heading={cardHeading}>
              <ModelCoverageChart coverage={m.coverage} />
              <ModelComparison comparison={m.comparison} />
            </TitledCard>
            <TitledCard title={t('models.adoptions')} heading={cardHeading}>
              <ModelAdoptions modelId={m.id} adoptions={m.adoptions} figureKeys={Object.keys(m.figures)} />
            </TitledCard>
            <TitledCard title={t('models.attachments')} heading={cardHeading}>
              {m.attachments.length ? (
                <Stack gap={4}>
                  {m.attachments.map((a) => (
                    <Anchor key={a.id} href={`/api/models/${m.id}/attachments/${a.id}`} size="sm" download>
                      <Group gap={4} wrap="nowrap">
                        <IconDownload size={14} aria-hidden />
                        {a.filename} ({Math.ceil(a.size / 1024)} KB)
                      </Group>
                    </Anchor>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('models.noAttachments')}
                </Text>
              )}
              <AttachButton model={m} />
            </TitledCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
