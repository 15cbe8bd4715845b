// The versions tab of a shared document on the directive page, over the API's /documents/<name>/versions,
// diff and restore.

import type { documentVersionSchema } from '@hub/domain'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconDeviceFloppy, IconGitCompare, IconRestore } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorState, Loading } from '../components/PageState'
import { api, isUnavailable } from '../lib/api'
import { formatDateTime } from '../lib/dates'

/** A named version as the API lists it. */
type VersionSummary = z.infer<typeof documentVersionSchema>

interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
  /** On a paragraph that replaces the one deleted just before it: which words changed. */
  words?: { op: 'equal' | 'insert' | 'delete'; text: string }[]
}

/** Each part with where it starts in the compared text: a stable key for the list. */
function withOffsets(parts: DiffPart[]) {
  let offset = 0
  return parts.map((p) => {
    const out = { ...p, offset: `${offset}:${p.op}` }
    offset += p.text.length + 1
    return out
  })
}

const path = (docName: string) => `/documents/${encodeURIComponent(docName)}`
const versionsKey = (docName: string) => ['document-versions', docName] as const

const diffStyle: Record<DiffPart['op'], React.CSSProperties> = {
  equal: { color: 'var(--mantine-color-gray-7)' },
  insert: { background: 'var(--mantine-color-green-0)', color: 'var(--mantine-color-green-9)', textDecoration: 'none' },
  delete: {
    background: 'var(--mantine-color-red-0)',
    color: 'var(--mantine-color-red-9)',
    textDecoration: 'line-through',
  },
}

/**
 * Named versions of a shared document ("bản trình Thường trực ngày ..."): save one, read one,
 * compare two, restore one as a new edit (the state before is kept as a version too).
 */
export function VersionHistory({ docName, canWrite }: { docName: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [label, setLabel] = useState('')
  const [viewing, setViewing] = useState<VersionSummary | null>(null)
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const list = useQuery({
    queryKey: versionsKey(docName),
    queryFn: async () => (await api<{ versions: VersionSummary[] }>(`${path(docName)}/versions`)).versions,
    retry: false,
  })
  const view = useQuery({
    queryKey: ['document-version', docName, viewing?.id],
    queryFn: async () =>
      (await api<{ version: { plainText: string } }>(`${path(docName)}/versions/${viewing!.id}`)).version,
    enabled: !!viewing,
  })
  const diff = useQuery({
    queryKey: ['document-diff', docName, from, to],
    queryFn: async () => (await api<{ parts: DiffPart[] }>(`${path(docName)}/diff?from=${from}&to=${to}`)).parts,
    enabled: !!from && !!to && from !== to,
  })
  const save = useMutation({
    mutationFn: (l: string) => api(`${path(docName)}/versions`, { method: 'POST', body: { label: l } }),
    onSuccess: () => {
      setLabel('')
      toasts.show({ color: 'green', message: t('versions.saved') })
      void qc.invalidateQueries({ queryKey: versionsKey(docName) })
    },
  })
  const restore = useMutation({
    mutationFn: (id: string) => api(`${path(docName)}/versions/${id}/restore`, { method: 'POST' }),
    onSuccess: () => {
      setViewing(null)
      toasts.show({ color: 'green', message: t('versions.restored') })
      void qc.invalidateQueries({ queryKey: versionsKey(docName) })
    },
  })

  if (list.error && isUnavailable(list.error)) {
    return (
      <Text c="dimmed" size="sm">
        {t('directive.versions.unavailable')}
      </Text>
    )
  }
  const versions = list.data ?? []
  const options = versions.map((v) => ({ value: v.id, label: `${v.label} (${formatDateTime(v.createdAt)})` }))

  return (
    <Stack gap="md" data-testid="document-versions">
      {canWrite && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault()
            if (label.trim()) save.mutate(label.trim())
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('versions.label')}
              placeholder={t('versions.labelPlaceholder')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={save.isPending}
              disabled={!label.trim()}
            >
              {t('versions.save')}
            </Button>
          </Group>
          {save.error && <ErrorState error={save.error} compact />}
        </form>
      )}
      {list.isLoading && <Loading />}
      {list.error && <ErrorState error={list.error} compact />}
      {list.data && versions.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('directive.versions.empty')}
        </Text>
      )}
      <Stack gap={6}>
        {versions.map((v) => (
          <Card key={v.id} withBorder padding="xs" radius="md">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} lineClamp={2}>
                  {v.label}
                </Text>
                <Text size="xs" c="dimmed" data-testid="version-author">
                  {v.createdByName ? `${v.createdByName} · ` : ''}
                  {formatDateTime(v.createdAt)}
                </Text>
              </div>
              <Button size="compact-sm" variant="light" onClick={() => setViewing(v)}>
                {t('versions.view')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      {versions.length >= 2 && (
        <Card withBorder radius="md" padding="sm">
          <Title order={3} fz="sm" mb="xs">
            <Group gap={6} component="span">
              <IconGitCompare size={16} aria-hidden />
              {t('versions.compare')}
            </Group>
          </Title>
          <Group grow gap="xs" align="flex-end">
            <Select label={t('versions.from')} data={options} value={from} onChange={setFrom} />
            <Select label={t('versions.to')} data={options} value={to} onChange={setTo} />
          </Group>
          {diff.isLoading && <Loading />}
          {diff.data && (
            <ScrollArea.Autosize mah={360} mt="sm">
              <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 14, margin: 0 }}>
                {withOffsets(diff.data).map((p, i, all) => {
                  // A changed paragraph reads as one paragraph with its changed words marked.
                  if (p.op === 'delete' && all[i + 1]?.op === 'insert' && all[i + 1]?.words) return null
                  if (p.words)
                    return (
                      <Text key={p.offset} component="span" data-testid="diff-words" style={{ display: 'block' }}>
                        {p.words.map((w, j) => (
                          <Text
                            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one diff never reorder
                            key={j}
                            component={w.op === 'insert' ? 'ins' : w.op === 'delete' ? 'del' : 'span'}
                            style={diffStyle[w.op]}
                          >
                            {w.text}
                          </Text>
                        ))}
                      </Text>
                    )
                  return (
                    <Text
                      key={p.offset}
                      component={p.op === 'insert' ? 'ins' : p.op === 'delete' ? 'del' : 'span'}
                      style={{ ...diffStyle[p.op], display: 'block' }}
                    >
                      {p.text}
                    </Text>
                  )
                })}
              </pre>
            </ScrollArea.Autosize>
          )}
        </Card>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={!!viewing}
        onClose={() => setViewing(null)}
        title={viewing?.label}
        size="lg"
      >
        {view.isLoading && <Loading />}
        {view.error && <ErrorState error={view.error} compact />}
        {view.data && (
          <Stack gap="sm">
            <Badge variant="light" color="gray">
              {viewing && formatDateTime(viewing.createdAt)}
            </Badge>
            <ScrollArea.Autosize mah={420}>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', fontFamily: "'Times New Roman', 'DejaVu Serif', serif" }}
              >
                {view.data.plainText}
              </Text>
            </ScrollArea.Autosize>
            {canWrite && viewing && (
              <Alert color="orange" variant="light">
                <Stack gap="xs">
                  <Text size="sm">{t('versions.restoreHint')}</Text>
                  <Button
                    color="orange"
                    leftSection={<IconRestore size={16} aria-hidden />}
                    loading={restore.isPending}
                    onClick={() => restore.mutate(viewing.id)}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('versions.restore')}
                  </Button>
                  {restore.error && <ErrorState error={restore.error} compact />}
                </Stack>
              </Alert>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}

export default VersionHistory
