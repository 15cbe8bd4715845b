// The office's screen for units through time: record a future reorganisation from a file (checked
// before anything is written), and hand the open tasks of abolished units to their successors.
import { Alert, Button, FileInput, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../components/PageState'
import { PageTitle } from '../components/page-parts'
import { Section } from '../components/Section'
import { api } from '../lib/api'
import { formatDate } from '../lib/dates'

interface Check {
  ok: boolean
  problems: string[]
  summary: { effectiveOn: string; newUnits: number; closing: number; links: number } | null
}
interface HandoverItem {
  taskId: string
  title: string
  dueAt: string | null
  unitId: string
  unitName: string
  candidates: { unitId: string; name: string; share: 'whole' | 'part' }[]
  proposedUnitId: string | null
}

function ReorganisationFile() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [file, setFile] = useState<unknown>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const list = useQuery({
    queryKey: ['units', 'reorganisations'],
    queryFn: async () =>
      (await api<{ reorganisations: { id: string; basis: string; effectiveOn: string }[] }>('/units/reorganisations'))
        .reorganisations,
  })
  const check = useMutation({
    mutationFn: (f: unknown) => api<Check>('/units/reorganisations/check', { method: 'POST', body: { file: f } }),
  })
  const record = useMutation({
    mutationFn: (f: unknown) =>
      api<{ reorganisation: { effectiveOn: string } }>('/units/reorganisations', { method: 'POST', body: { file: f } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['units'] }),
  })
  const onFile = async (f: File | null) => {
    check.reset()
    record.reset()
    setReadError(null)
    setFile(null)
    if (!f) return
    try {
      const parsed: unknown = JSON.parse(await f.text())
      setFile(parsed)
      check.mutate(parsed)
    } catch (e) {
      setReadError((e as Error).message)
    }
  }
  const result = check.data
  return (
    <Section id="reorg-title" title={t('unitsTime.reorganiseTitle')} fz="lg">
      <Text size="sm">{t('unitsTime.reorganiseIntro')}</Text>
      <FileInput
        label={t('unitsTime.file')}
        accept="application/json,.json"
        onChange={(f) => void onFile(f)}
        maw={420}
      />
      {readError && <Alert color="red">{readError}</Alert>}
      {check.error && <ErrorState error={check.error} compact />}
      {result?.ok && result.summary && (
        <Alert color="green" data-testid="reorg-ok">
          {t('unitsTime.checkOk', { ...result.summary, day: formatDate(result.summary.effectiveOn) })}
        </Alert>
      )}
      {result && !result.ok && (
        <Alert
          color="red"
          title={t('unitsTime.problems', { count: result.problems.length })}
          data-testid="reorg-problems"
        >
          <List size="sm">
            {result.problems.slice(0, 50).map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        <Button variant="light" disabled={!file} onClick={() => check.mutate(file)} loading={check.isPending}>
          {t('unitsTime.check')}
        </Button>
        <Button
          disabled={!result?.ok || record.isSuccess}
          onClick={() => record.mutate(file)}
          loading={record.isPending}
        >
          {t('unitsTime.record')}
        </Button>
      </Group>
      {record.error && <ErrorState error={record.error} compact />}
      {record.data && (
        <Alert color="green">
          {t('unitsTime.recorded', { day: formatDate(record.data.reorganisation.effectiveOn) })}
        </Alert>
      )}
      <Title order={3} fz="md">
        {t('unitsTime.history')}
      </Title>
      <List size="sm">
        {(list.data ?? []).map((r) => (
          <List.Item key={r.id}>
            {formatDate(r.effectiveOn)} · {r.basis.slice(0, 120)}
          </List.Item>
        ))}
      </List>
    </Section>
  )
}

function Handover() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const proposal = useQuery({
    queryKey: ['units', 'handover'],
    queryFn: async () => (await api<{ items: HandoverItem[] }>('/units/handover')).items,
  })
  const [unitId, setUnitId] = useState<string | null>(null)
  const [picks, setPicks] = useState<Record<string, string | null>>({})
  const items = proposal.data ?? []
  const abolished = useMemo(() => [...new Map(items.map((i) => [i.unitId, i.unitName])).entries()], [items])
  const shown = items.filter((i) => i.unitId === unitId)
  const pickOf = (i: HandoverItem) => (i.taskId in picks ? picks[i.taskId] : i.proposedUnitId)
  const chosen = shown.filter((i) => pickOf(i))
  const submit = useMutation({
    mutationFn: () =>
      api<{ tasks: unknown[] }>('/units/handover', {
        method: 'POST',
        body: { items: chosen.map((i) => ({ taskId: i.taskId, toUnitId: pickOf(i) })) },
      }),
    onSuccess: () => {
      setPicks({})
      void qc.invalidateQueries({ queryKey: ['units', 'handover'] })
      void qc.invalidateQueries({ queryKey: ['tasks'] })
    },
  })
  return (
    <Section id="handover-title" title={t('unitsTime.handover')} fz="lg">
      <Text size="sm">{t('unitsTime.handoverIntro')}</Text>
      {proposal.isLoading && <Loading />}
      {proposal.error && <ErrorState error={proposal.error} compact />}
      {proposal.data && items.length === 0 && <Text size="sm">{t('unitsTime.handoverNone')}</Text>}
      {abolished.length > 0 && (
        <Select
          label={t('unitsTime.handoverUnit')}
          data={abolished.map(([value, label]) => ({ value, label }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          maw={420}
        />
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="handover-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('unitsTime.task')}</Table.Th>
                <Table.Th>{t('unitsTime.handoverTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((i) => (
                <Table.Tr key={i.taskId}>
                  <Table.Td>
                    <Text size="sm">{i.title}</Text>
                    {i.dueAt && (
                      <Text size="xs" c="dimmed">
                        {formatDate(i.dueAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t('unitsTime.handoverTo')}: ${i.title}`}
                      placeholder={t('unitsTime.handoverPick')}
                      data={i.candidates.map((c) => ({
                        value: c.unitId,
                        label: `${c.name} (${t(`unitsTime.${c.share}`)})`,
                      }))}
                      value={pickOf(i)}
                      onChange={(v) => setPicks((p) => ({ ...p, [i.taskId]: v }))}
                      clearable
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {submit.error && <ErrorState error={submit.error} compact />}
      {submit.data && <Alert color="green">{t('unitsTime.handoverDone', { count: submit.data.tasks.length })}</Alert>}
      {shown.length > 0 && (
        <Button
          disabled={chosen.length === 0}
          onClick={() => submit.mutate()}
          loading={submit.isPending}
          w="fit-content"
        >
          {t('unitsTime.handoverSubmit', { count: chosen.length })}
        </Button>
      )}
    </Section>
  )
}

/** /units/reorganisation: for the committee, the office and administrators (the API refuses others). */
export function ReorganisationPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <PageTitle>{t('unitsTime.reorganise')}</PageTitle>
      <Handover />
      <ReorganisationFile />
    </Stack>
  )
}
