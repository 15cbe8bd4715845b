// Small pieces pages draw the same way: a page's title (alone or with its action), the link back to
// a list above it, a card that links to a record, a bordered card under its heading, and the red
// alert saying why an action failed.
import {
  Alert,
  type AlertProps,
  Anchor,
  Button,
  Card,
  type CardProps,
  Group,
  type GroupProps,
  Title,
  type TitleProps,
} from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'

/** A page's one top-level heading, smaller on a phone. */
export function PageTitle({ children, ...props }: { children: ReactNode; 'data-testid'?: string }) {
  return (
    <Title order={1} fz={{ base: 22, sm: 28 }} {...props}>
      {children}
    </Title>
  )
}

/** The one action beside a page's title: a light button with its icon, a link when it goes to a page. */
export interface PageAction {
  label: string
  icon: ReactNode
  to?: string
  onClick?: () => void
}

/** A page's title with its action or actions at the other end of the line. */
export function PageHeader({
  title,
  action,
  children,
  ...props
}: Omit<GroupProps, 'children' | 'title'> & {
  title: ReactNode
  action?: PageAction
  children?: ReactNode
  'data-testid'?: string
}) {
  const { 'data-testid': testId, ...group } = props
  const link = action?.to ? { component: Link, to: action.to } : { onClick: action?.onClick }
  return (
    <Group justify="space-between" {...group}>
      <PageTitle data-testid={testId}>{title}</PageTitle>
      {action && (
        <Button variant="light" leftSection={action.icon} {...link}>
          {action.label}
        </Button>
      )}
      {children}
    </Group>
  )
}

/** A card the whole of which links to a record's page (a task, a directive, a meeting, a practice). */
export function LinkCard({
  to,
  children,
  ...props
}: Omit<CardProps, 'component'> & {
  to: string
  children: ReactNode
  'data-testid'?: string
  'data-task-id'?: string
  'aria-label'?: string
}) {
  return (
    <Card withBorder component={Link} to={to} className="task-card-link" {...props}>
      {children}
    </Card>
  )
}

/** A bordered card under its heading (`heading` sets the heading's level and size). */
export function TitledCard({
  title,
  heading,
  children,
}: {
  title: ReactNode
  heading: Pick<TitleProps, 'order' | 'fz' | 'size' | 'mb'>
  children: ReactNode
}) {
  return (
    <Card withBorder radius="md">
      <Title {...heading}>{title}</Title>
      {children}
    </Card>
  )
}

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
