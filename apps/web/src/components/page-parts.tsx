// Small pieces pages draw the same way: the link back to a list above a page's title, and the red
// alert saying why an action failed.
import { Alert, type AlertProps, Anchor, Group } from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'

/** "← Văn bản": back to the list a page was opened from. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {label}
      </Group>
    </Anchor>
  )
}

/** Why an action failed, announced to screen readers; other Alert props (a test id, a close button) pass through. */
export function ProblemAlert({ children, ...props }: AlertProps & { children: ReactNode; 'data-testid'?: string }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" {...props}>
      {children}
    </Alert>
  )
}
