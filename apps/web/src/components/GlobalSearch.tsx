// The header's search over models, directives and their clauses, tasks, reports, meetings and units
// (AppLayout): a dialog opened by button or Ctrl+K, results grouped by type with the matched words marked.

import { Badge, Box, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue, useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { type KeyboardEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../lib/dates'
import { type SearchResult, type SearchType, searchTypes, useSearch } from '../lib/models'

/** Where a search result leads. */
export function searchTarget(r: SearchResult): string {
  switch (r.type) {
    case 'model':
      return `/models/${r.id}`
    case 'directive':
      return `/directives/${r.id}`
    case 'clause':
      return `/directives/${r.directiveId ?? ''}`
    case 'task':
      return `/tasks/${r.id}`
    case 'report':
      return r.taskId ? `/tasks/${r.taskId}` : `/units/${r.unitId ?? ''}`
    case 'meeting':
      return `/meetings/${r.id}`
    case 'unit':
      return `/units/${r.id}`
  }
}

/** Text with the given [start, end) ranges marked. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: (string | { mark: string })[] = []
  let at = 0
  for (const [a, b] of ranges) {
    if (a < at || b > text.length) continue
    if (a > at) parts.push(text.slice(at, a))
    parts.push({ mark: text.slice(a, b) })
    at = b
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <span key={i}>{p}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-2)', padding: 0 }}>
            {p.mark}
          </mark>
        ),
      )}
    </>
  )
}

/**
 * The search in the header: Ctrl+K (⌘K) or the button opens it; results come grouped by type, best
 * first; Enter opens the first. Full screen on a phone.
 */
export function GlobalSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [opened, { open, close }] = useDisclosure(false)
  const [text, setText] = useState('')
  const [q] = useDebouncedValue(text, 250)
  const phone = !!useMediaQuery('(max-width: 48em)')
  const search = useSearch(q)
  useHotkeys([
    ['mod+K', () => open()],
    ['/', () => open()],
  ])
  const results = search.data ?? []
  const groups = searchTypes
    .map((type) => ({ type, items: results.filter((r) => r.type === type) }))
    .filter((g) => g.items.length)
  // Groups appear in the order of their best result.
  groups.sort((a, b) => results.indexOf(a.items[0]!) - results.indexOf(b.items[0]!))
  const ordered = groups.flatMap((g) => g.items)

  const go = (r: SearchResult) => {
    close()
    void navigate({ to: searchTarget(r) })
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && ordered[0]) {
      e.preventDefault()
      go(ordered[0])
    }
  }

  return (
    <>
      <UnstyledButton
        onClick={open}
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+K"
        data-testid="global-search-open"
        px={8}
        py={4}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Group gap={6} wrap="nowrap">
          <IconSearch size={18} aria-hidden />
          <Text size="sm" c="dimmed" visibleFrom="md">
            {t('search.open')}
          </Text>
          <Kbd size="xs" visibleFrom="md">
            {t('search.shortcut')}
          </Kbd>
        </Group>
      </UnstyledButton>
      <Modal
        opened={opened}
        onClose={close}
        fullScreen={phone}
        size="xl"
        title={t('search.label')}
        yOffset="6vh"
        trapFocus
      >
        <TextInput
          data-autofocus
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKey}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          leftSection={<IconSearch size={18} aria-hidden />}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          data-testid="global-search-input"
          size="md"
        />
        <Box mt="md" aria-live="polite">
          {q.trim().length < 2 ? (
            <Text size="sm" c="dimmed">
              {t('search.hint')}
            </Text>
          ) : search.isSuccess && !results.length ? (
            <Text size="sm" c="dimmed">
              {t('search.none', { q })}
            </Text>
          ) : (
            <Stack gap="md">
              {groups.map((g) => (
                <Box key={g.type} component="section" aria-label={t(`search.types.${g.type as SearchType}`)}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                    {t(`search.types.${g.type as SearchType}`)}
                  </Text>
                  <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {g.items.map((r) => (
                      <li key={`${r.type}:${r.id}`}>
                        <UnstyledButton
                          onClick={() => go(r)}
                          w="100%"
                          p="xs"
                          data-testid="search-result"
                          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                          className="search-result"
                        >
                          <Group justify="space-between" wrap="nowrap" gap="xs">
                            <Text fw={600} size="sm" lineClamp={2}>
                              <Highlighted text={r.title} ranges={r.titleHighlights} />
                            </Text>
                            {r.date ? (
                              <Badge variant="light" color="gray" size="sm" style={{ flex: 'none' }}>
                                {formatDate(r.date)}
                              </Badge>
                            ) : null}
                          </Group>
                          {r.snippet && r.snippet !== r.title ? (
                            <Text size="xs" c="dimmed" lineClamp={2}>
                              <Highlighted text={r.snippet} ranges={r.highlights} />
                            </Text>
                          ) : null}
                        </UnstyledButton>
                      </li>
                    ))}
                  </Stack>
                </Box>
              ))}
            </Stack>
          )}
        </Box>
      </Modal>
    </>
  )
}
