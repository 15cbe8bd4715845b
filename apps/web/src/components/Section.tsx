// A titled card section of a page (a meeting's conclusions, a reorganisation file, a handover): the
// card is named by its heading for screen readers, and its content stacks below the heading.
import { Card, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function Section(props: { id: string; title: string; fz: 'md' | 'lg'; children: ReactNode }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={2} fz={props.fz} id={props.id}>
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Card>
  )
}
