// Importing a directive (/directives/import): the pasted text of a PDF or Word document goes to the hub,
// which makes a draft from it; what it recognised (kind, issuer, number, date, signer, recipients, clauses)
// is laid out for checking, with any document already under that number, before the draft is opened.

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { IconAlertTriangle, IconArrowRight, IconBuilding, IconFileImport } from '@tabler/icons-react'
import { Link, useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BackLink, PageTitle, ProblemAlert } from '../components/page-parts'
import { formatDate } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { useImportDirective } from '../lib/mutations'
import type { ImportedDirective, Recipient } from '../lib/types'

function Field({ label, value, testId }: { label: string; value: string | null | undefined; testId: string }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId} c={value ? undefined : 'orange.8'}>
        {value || t('importDoc.notFound')}
      </Text>
    </div>
  )
}

/** What the importer recognised in the paste, laid out for checking before the draft is opened. */
function Recognised({ result, onOpen }: { result: ImportedDirective; onOpen: () => void }) {
  const { t } = useTranslation()
  const { directive: d, clauses } = result
  const signer = [d.signer?.onBehalfOf, d.signer?.title, d.signer?.name].filter(Boolean).join(' · ')
  return (
    <Stack gap="md" data-testid="import-result">
      {!!result.existing?.length && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('importDoc.duplicateTitle', { number: d.number ?? '' })}
          role="alert"
          data-testid="import-duplicate"
        >
          <Stack gap={4}>
            <Text size="sm">{t('importDoc.duplicateHint')}</Text>
            {result.existing.map((x) => (
              <Anchor key={x.id} component={Link} to={`/directives/${x.id}`} size="sm" fw={600}>
                {t('importDoc.duplicateOpen', {
                  number: x.number ?? '',
                  title: x.title,
                  date: formatDate(x.issuedAt),
                  status: t(`directiveStatus.${x.status}`),
                })}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      )}
      <Alert variant="light" color="green" title={t('importDoc.recognised')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('importDoc.recognisedHint')}</Text>
          <Button size="sm" rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onOpen}>
            {t('importDoc.openDraft')}
          </Button>
        </Group>
      </Alert>
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('directives.kind')} value={t(`directiveKind.${d.kind}`)} testId="import-kind" />
          <Field
            label={t('importDoc.layout')}
            value={d.layout === 'state' ? t('directives.layoutState') : t('directives.layoutParty')}
            testId="import-layout"
          />
          <Field label={t('directive.issuer')} value={d.issuer} testId="import-issuer" />
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('directives.number')}
            </Text>
            {d.number ? (
              <>
                <Text size="sm" fw={700} data-testid="import-number">
                  {d.number}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('directive.numberKept')}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed" data-testid="import-number">
                {t('directives.numberPending')}
              </Text>
            )}
          </div>
          <Field label={t('directives.issuedAt')} value={formatDate(d.issuedAt)} testId="import-date" />
          <Field label={t('directive.place')} value={d.place} testId="import-place" />
          <Field label={t('importDoc.issuedBy')} value={d.issuedBy} testId="import-issued-by" />
          <Field label={t('importDoc.signer')} value={signer} testId="import-signer" />
        </SimpleGrid>
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('importDoc.subject')}
          </Text>
          <Text fw={700} data-testid="import-subject">
            {t(`directiveKind.${d.kind}`)} {d.title}
          </Text>
        </Stack>
        {!!d.citations?.length && (
          <Group gap={6} mt="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('directive.citations')}:
            </Text>
            {d.citations.map((c) => (
              <Badge key={c} variant="light" color="gray" tt="none">
                {c}
              </Badge>
            ))}
          </Group>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md">
          <Title order={2} fz="md" mb="xs">
            {t('importDoc.clauses', { count: clauses.length })}
          </Title>
          {d.preamble && (
            <Text size="sm" c="dimmed" fs="italic" mb="xs" lineClamp={3}>
              {d.preamble}
            </Text>
          )}
          <Stack gap="xs" data-testid="import-clauses">
            {clauses.map((c) => (
              <Group key={c.ordinal} align="flex-start" wrap="nowrap" gap="xs">
                <Text fw={800} c="red.9" size="sm">
                  {c.ordinal}.
                </Text>
                <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder radius="md">
          <Title order={2} fz="md" mb="xs">
            {t('importDoc.recipients', { count: d.recipients.length })}
          </Title>
          <Table data-testid="import-recipients" verticalSpacing={6}>
            <Table.Tbody>
              {printedRecipients(d.recipients).map(({ row: r, units }, i) => (
                <Table.Tr key={r.id ?? i}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {r.unitId && (
                        <IconBuilding
                          size={14}
                          aria-label={t('importDoc.linkedUnit')}
                          color="var(--mantine-color-blue-7)"
                        />
                      )}
                      <Text size="sm">{r.groupLabel ?? r.name}</Text>
                      {units > 1 && (
                        <Text size="xs" c="dimmed">
                          {t('importDoc.groupUnits', { count: units })}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" tt="none" color={r.capacity === 'execute' ? 'blue' : 'gray'}>
                      {t(`capacity.${r.capacity as 'report'}`, { defaultValue: r.capacity })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  )
}

/** Recipients as the document prints them: a group's rows (one per unit) as one line with its unit count. */
function printedRecipients(rows: Recipient[]): { row: Recipient; units: number }[] {
  const out: { row: Recipient; units: number }[] = []
  for (const row of rows) {
    const last = out.at(-1)
    if (row.groupLabel && last?.row.groupLabel === row.groupLabel) last.units++
    else out.push({ row, units: 1 })
  }
  return out
}

/** "Nhập văn bản": paste a document from PDF or Word, see what was recognised, open the new draft. */
export function DirectiveImportPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const importer = useImportDirective()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [result, setResult] = useState<ImportedDirective | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setProblem(null)
    if (text.trim().length < 20) {
      setProblem(t('importDoc.tooShort'))
      return
    }
    try {
      setResult(await importer.mutateAsync(text))
    } catch (err) {
      setProblem(errorText(t, err, i18n.language))
    }
  }
  const open = () =>
    result && void navigate({ to: '/directives/$directiveId', params: { directiveId: result.directive.id } })

  return (
    <Stack gap="md">
      <BackLink to="/directives" label={t('directives.title')} />
      <PageTitle>{t('importDoc.title')}</PageTitle>
      {result ? (
        <>
          <Recognised result={result} onOpen={open} />
          <Group gap="sm" justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setResult(null)
                setText('')
              }}
            >
              {t('importDoc.another')}
            </Button>
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={open}>
              {t('importDoc.openDraft')}
            </Button>
          </Group>
        </>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('importDoc.intro')}
            </Text>
            <Textarea
              label={t('importDoc.text')}
              placeholder={t('importDoc.textPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={14}
              maxRows={30}
              required
            />
            {problem && <ProblemAlert data-testid="import-error">{problem}</ProblemAlert>}
            <Group justify="flex-end">
              <Button type="submit" loading={importer.isPending} leftSection={<IconFileImport size={16} aria-hidden />}>
                {t('importDoc.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  )
}
