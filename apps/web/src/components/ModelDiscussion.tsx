// The questions and answers under a model practice on its page: each question with its answers and a
// reply box, and a box for a new question.

import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../lib/error-text'
import { type ModelComment, useModelComments, usePostComment } from '../lib/models'
import { CommentText } from './CommentText'
import { ErrorState, Loading } from './PageState'

function Reply({ modelId, parentId }: { modelId: string; parentId?: string }) {
  const { t, i18n } = useTranslation()
  const post = usePostComment(modelId)
  const [body, setBody] = useState('')
  const send = () => post.mutate({ body: body.trim(), parentId }, { onSuccess: () => setBody('') })
  return (
    <Stack gap={4}>
      <Textarea
        autosize
        minRows={parentId ? 1 : 2}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        placeholder={parentId ? t('models.answerPlaceholder') : t('models.askPlaceholder')}
        aria-label={parentId ? t('models.answer') : t('models.ask')}
        error={post.error ? errorText(t, post.error, i18n.language) : undefined}
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant={parentId ? 'light' : 'filled'}
          onClick={send}
          disabled={!body.trim()}
          loading={post.isPending}
        >
          {parentId ? t('models.answer') : t('models.send')}
        </Button>
      </Group>
    </Stack>
  )
}

function Comment({ c }: { c: ModelComment }) {
  return (
    <div>
      <CommentText author={c.authorName ?? '—'} at={c.createdAt} text={c.body} authorSize="sm" />
    </div>
  )
}

/** Questions on a practice with their answers; any unit asks, the origin unit hears of it. */
export function ModelDiscussion({ modelId }: { modelId: string }) {
  const { t } = useTranslation()
  const comments = useModelComments(modelId)
  if (comments.isLoading) return <Loading />
  if (comments.error) return <ErrorState error={comments.error} compact onRetry={() => void comments.refetch()} />
  const all = comments.data ?? []
  const questions = all.filter((c) => !c.parentId)
  return (
    <Stack gap="sm">
      {questions.length ? null : <Text c="dimmed">{t('models.noQuestions')}</Text>}
      {questions.map((q) => (
        <Paper key={q.id} withBorder p="sm" radius="md" data-testid="model-question">
          <Comment c={q} />
          <Stack gap="xs" pl="md" mt="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {all
              .filter((a) => a.parentId === q.id)
              .map((a) => (
                <Comment key={a.id} c={a} />
              ))}
            <Reply modelId={modelId} parentId={q.id} />
          </Stack>
        </Paper>
      ))}
      <Reply modelId={modelId} />
    </Stack>
  )
}
