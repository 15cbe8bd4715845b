// A titled card section of a page (a meeting's conclusions, a reorganisation file, a handover, a
// unit's inherited records, the administrator's unlock): the card is named by its heading for screen
// readers, a dimmed hint may follow the heading, and its content stacks below.
import { Card, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function Section(props: {
  id: string
  title: ReactNode
  fz: 'md' | 'lg'
  /** A line under the heading saying what the section is for. */
  hint?: ReactNode
  children: ReactNode
  'data-testid'?: string
}) {
  const title = (
    <Title order={2} fz={props.fz} id={props.id}>
      {props.title}
    </Title>
  )
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={props.id} data-testid={props['data-testid']}>
      <Stack gap="sm">
        {props.hint ? (
          <div>
            {title}
            <Text size="sm" c="dimmed">
              {props.hint}
            </Text>
          </div>
        ) : (
          title
        )}
        {props.children}
      </Stack>
    </Card>
  )
}
