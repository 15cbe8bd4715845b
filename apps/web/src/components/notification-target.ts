// The address a notification opens, for the bell and the notifications page: a plain function apart from
// the components, so the unit test (lib/notification-text.test.ts) checks it without rendering.

import { notificationData } from '../lib/notification-text'
import type { Notification } from '../lib/types'

/** Where a notification leads: the task, directive or meeting it is about. */
export function notificationTarget(n: Notification): string | null {
  const d = notificationData(n)
  const id = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null)
  if (id('taskId')) return `/tasks/${id('taskId')}`
  if (id('meetingId')) return `/meetings/${id('meetingId')}`
  if (id('directiveId')) return `/directives/${id('directiveId')}`
  if (id('modelId')) return `/models/${id('modelId')}`
  // A published inspection conclusion: the unit's measure page, where inspections are read.
  if (id('inspectionId') && id('unitId')) return `/accountability/${id('unitId')}`
  if (id('unitId')) return `/units/${id('unitId')}`
  return null
}
