/** A row's comment thread: a count badge that opens the thread, and a box to add to it (kept in the row's Yjs array). */

import type { AssignmentRow } from '@hub/domain'
import { addComment } from '@hub/domain'
import { ActionIcon, Button, Indicator, Popover, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconMessage } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommentText } from '../CommentText'
import { useAssignmentContext } from './context'

export function RowComments({ row }: { row: AssignmentRow }) {
  const { t } = useTranslation()
  const { ydoc, canEdit, user } = useAssignmentContext()
  const [text, setText] = useState('')
  const count = row.comments.length
  const send = () => {
    const body = text.trim()
    if (!body) return
    addComment(ydoc, row.id, { userId: user.id, name: user.name, text: body.slice(0, 2000) })
    setText('')
  }
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={count} size={16} disabled={count === 0} offset={4} color="blue">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('assignments.comments', { count })}
            data-testid="row-comments"
            data-count={count}
          >
            <IconMessage size={16} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="row-comment-thread">
          <Title order={3} fz="sm">
            {t('assignments.commentsTitle')}
          </Title>
          {count === 0 && (
            <Text size="xs" c="dimmed">
              {t('assignments.noComments')}
            </Text>
          )}
          <Stack gap={6} mah={240} style={{ overflowY: 'auto' }}>
            {row.comments.map((c) => (
              <div key={c.id}>
                <CommentText author={c.name} at={c.at} text={c.text} authorSize="xs" />
              </div>
            ))}
          </Stack>
          {canEdit && (
            <>
              <Textarea
                aria-label={t('assignments.commentPlaceholder')}
                placeholder={t('assignments.commentPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={2}
                maxRows={5}
              />
              <Button size="xs" onClick={send} disabled={!text.trim()}>
                {t('assignments.commentSend')}
              </Button>
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
