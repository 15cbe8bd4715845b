// The directives list (/directives): the directives in the user's reach with their number, kind and state,
// a new draft started from here, and the way to import one from a pasted document.

import { Anchor, Button, Group, Modal, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconFileImport, IconPlus } from '@tabler/icons-react'
import { Link, useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DirectiveStatusBadge } from '../components/Badges'
import { ErrorState, Loading } from '../components/PageState'
import { LinkCard, PageHeader } from '../components/page-parts'
import { ApiError } from '../lib/api'
import { formatDate } from '../lib/dates'
import { useCreateDirective } from '../lib/mutations'
import { useDirectives } from '../lib/queries'
import {
  type Directive,
  type DirectiveKind,
  type DirectiveStatus,
  directiveKinds,
  directiveStatuses,
} from '../lib/types'

/** What stands in for a number not given yet: drafts get theirs on issue. */
function useNumberPending() {
  const { t } = useTranslation()
  return (d: Directive) =>
    d.status === 'draft' || d.status === 'in_review' ? t('directives.numberPending') : t('directives.noNumber')
}

function CreateDirective({ onDone }: { onDone: (d: Directive) => void }) {
  const { t } = useTranslation()
  const create = useCreateDirective()
  const [kind, setKind] = useState<DirectiveKind>('CT')
  const [layout, setLayout] = useState<'party' | 'state'>('party')
  const [title, setTitle] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      onDone(await create.mutateAsync({ kind, title: title.trim(), layout }))
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err))
    }
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('directives.kind')}
          value={kind}
          onChange={(v) => v && setKind(v as DirectiveKind)}
          data={directiveKinds.map((k) => ({ value: k, label: t(`directiveKind.${k}`) }))}
          allowDeselect={false}
        />
        <TextInput
          label={t('directives.createTitleField')}
          placeholder={t('directives.createTitlePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <Radio.Group label={t('directives.layout')} value={layout} onChange={(v) => setLayout(v as 'party' | 'state')}>
          <Stack gap={6} mt={4}>
            <Radio value="party" label={t('directives.layoutParty')} />
            <Radio value="state" label={t('directives.layoutState')} />
          </Stack>
        </Radio.Group>
        {problem && (
          <Text c="red.9" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
          {t('directives.create')}
        </Button>
      </Stack>
    </form>
  )
}

/** The directives in reach: number, kind, subject, state; drafts can be started here. */
export function DirectivesPage() {
  const { t } = useTranslation()
  const { data, error, isLoading, refetch } = useDirectives()
  const [status, setStatus] = useState<DirectiveStatus | null>(null)
  const [kind, setKind] = useState<DirectiveKind | null>(null)
  const [opened, { open, close }] = useDisclosure(false)
  const isPhone = useMediaQuery('(max-width: 48em)')
  const navigate = useNavigate()
  const numberPending = useNumberPending()
  const list = (data ?? []).filter((d) => (!status || d.status === status) && (!kind || d.kind === kind))

  return (
    <Stack gap="md">
      <PageHeader title={t('directives.title')}>
        <Group gap="xs">
          <Button
            variant="default"
            component={Link}
            to="/directives/import"
            leftSection={<IconFileImport size={16} aria-hidden />}
          >
            {t('directives.import')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('directives.create')}
          </Button>
        </Group>
      </PageHeader>
      <Group gap="sm" grow={!!isPhone}>
        <Select
          label={t('directives.filterStatus')}
          placeholder={t('common.all')}
          clearable
          value={status}
          onChange={(v) => setStatus(v as DirectiveStatus | null)}
          data={directiveStatuses.map((s) => ({ value: s, label: t(`directiveStatus.${s}`) }))}
        />
        <Select
          label={t('directives.filterKind')}
          placeholder={t('common.all')}
          clearable
          value={kind}
          onChange={(v) => setKind(v as DirectiveKind | null)}
          data={directiveKinds.map((k) => ({ value: k, label: t(`directiveKind.${k}`) }))}
        />
      </Group>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {isLoading && <Loading />}
      {data && list.length === 0 && <Text c="dimmed">{t('directives.empty')}</Text>}
      {isPhone ? (
        <Stack gap="sm">
          {list.map((d) => (
            <LinkCard key={d.id} to={`/directives/${d.id}`} padding="sm">
              <Group justify="space-between" gap="xs" mb={4}>
                <Text fw={d.number ? 700 : 400} size="sm" c={d.number ? undefined : 'dimmed'}>
                  {d.number ?? numberPending(d)}
                </Text>
                <DirectiveStatusBadge status={d.status} size="sm" />
              </Group>
              <Text size="sm">
                {t(`directiveKind.${d.kind}`)} {d.title}
              </Text>
              {d.issuedAt && (
                <Text size="xs" c="dimmed">
                  {formatDate(d.issuedAt)}
                </Text>
              )}
            </LinkCard>
          ))}
        </Stack>
      ) : (
        list.length > 0 && (
          <Table striped highlightOnHover data-testid="directive-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directives.number')}</Table.Th>
                <Table.Th>{t('directives.kind')}</Table.Th>
                <Table.Th>{t('directives.docTitle')}</Table.Th>
                <Table.Th>{t('directives.issuedAt')}</Table.Th>
                <Table.Th>{t('directives.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {d.number ? (
                      <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {d.number}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed" maw={140}>
                        {numberPending(d)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`directiveKind.${d.kind}`)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/directives/${d.id}`} size="sm">
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(d.issuedAt)}</Table.Td>
                  <Table.Td>
                    <DirectiveStatusBadge status={d.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={opened}
        onClose={close}
        title={t('directives.createTitle')}
        fullScreen={!!isPhone}
      >
        <CreateDirective
          onDone={(d) => {
            close()
            void navigate({ to: '/directives/$directiveId', params: { directiveId: d.id } })
          }}
        />
      </Modal>
    </Stack>
  )
}
