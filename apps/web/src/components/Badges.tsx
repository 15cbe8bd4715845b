// The coloured badges of the four state lists (a task's status and timeliness, a directive's status, a
// meeting's status) in the UI's language, and the colours that cards, progress bars and charts reuse.

import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DirectiveStatus, MeetingStatus, TaskStatus, Timeliness } from '../lib/types'

const statusColour: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  paused: 'yellow',
}
const timelinessColour: Record<Timeliness, string> = { on_time: 'green', late: 'orange', open: 'blue', overdue: 'red' }
/** The badges' hues in shades that stand out at least 3:1 against white, for chart bars and slices. */
const timelinessChartColour: Record<Timeliness, string> = {
  on_time: 'green.8',
  late: 'orange.8',
  open: 'blue.7',
  overdue: 'red.9',
}
const directiveColour: Record<DirectiveStatus, string> = {
  draft: 'gray',
  in_review: 'violet',
  issued: 'teal',
  in_force: 'blue',
  closed: 'dark',
  replaced: 'dark',
}
const meetingColour: Record<MeetingStatus, string> = { planned: 'gray', in_session: 'green', concluded: 'blue' }

export function StatusBadge({ status, ...rest }: { status: TaskStatus } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={statusColour[status]} {...rest}>
      {t(`status.${status}`)}
    </Badge>
  )
}

export function TimelinessBadge({ timeliness, ...rest }: { timeliness: Timeliness } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge variant={timeliness === 'overdue' ? 'filled' : 'light'} color={timelinessColour[timeliness]} {...rest}>
      {t(`timeliness.${timeliness}`)}
    </Badge>
  )
}

export function DirectiveStatusBadge({ status, ...rest }: { status: DirectiveStatus } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={directiveColour[status] ?? 'gray'} {...rest}>
      {t(`directiveStatus.${status}`)}
    </Badge>
  )
}

export function MeetingStatusBadge({ status, ...rest }: { status: MeetingStatus } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={meetingColour[status] ?? 'gray'} {...rest}>
      {t(`meetingStatus.${status}`)}
    </Badge>
  )
}

export { statusColour, timelinessChartColour, timelinessColour }
