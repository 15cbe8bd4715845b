// One comment as the discussions show it (a practice's questions and answers, an assignment row's
// notes): the author and time on one line, the text below with its line breaks kept.
import { Text } from '@mantine/core'
import { formatDateTime } from '../lib/dates'

export function CommentText(props: { author: string; at: string; text: string; authorSize: 'xs' | 'sm' }) {
  return (
    <>
      <Text size={props.authorSize} fw={600}>
        {props.author}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          {formatDateTime(props.at)}
        </Text>
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {props.text}
      </Text>
    </>
  )
}
