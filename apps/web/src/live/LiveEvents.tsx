// The bridge from the live link (socket.ts) to the query cache, mounted once by the authenticated layout;
// what was missed while the link was down is caught up through offline/catch-up.ts.

import type { LiveEvents as LiveEventMap } from '@hub/domain'
import { notifications as toasts } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import i18next from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { notificationTitle } from '../lib/notification-text'
import { keys, type NotificationList } from '../lib/queries'
import { applyTask } from '../lib/task-cache'
import type { Notification, PresenceUser, Report, Task } from '../lib/types'
import { catchUp } from '../offline/catch-up'
import { connectLive, disconnectLive, type LiveSocket, useLiveRoom } from './socket'

/** Listens to each named live event with its handler; returns what stops listening to all of them. */
function listen(
  s: LiveSocket,
  handlers: { [E in keyof LiveEventMap]?: (payload: LiveEventMap[E]) => void },
): () => void {
  const entries = Object.entries(handlers) as [keyof LiveEventMap, (payload: never) => void][]
  for (const [event, handler] of entries) s.on(event, handler as never)
  return () => {
    for (const [event, handler] of entries) s.off(event, handler as never)
  }
}

/**
 * Opens the live link for the logged-in user and turns its events into cache updates:
 * tasks into every list and page that shows them, directives reloaded when they move on,
 * notifications into the bell, presence into the "who is here" lists. Renders nothing.
 */
export function LiveEvents({ userId, unitId }: { userId: string; unitId: string | null }) {
  const qc = useQueryClient()
  const { t } = useTranslation()
  useLiveRoom(`user:${userId}`)
  useLiveRoom(unitId ? `unit:${unitId}` : null)

  useEffect(() => {
    const s = connectLive()
    const onTask = (p: { task?: Task }) => {
      if (p?.task?.id) applyTask(qc, p.task)
    }
    const onReport = (p: { report?: Report; task?: Task }) => {
      if (p?.task?.id) applyTask(qc, p.task)
      const taskId = p?.report?.taskId ?? p?.task?.id
      if (taskId) void qc.invalidateQueries({ queryKey: keys.reports(taskId) })
    }
    const onNotification = (p: { notification?: Notification }) => {
      const n = p?.notification
      if (!n?.id) return
      qc.setQueryData<NotificationList>(keys.notifications, (d) => {
        if (!d) return d
        const existing = d.notifications.find((x) => x.id === n.id)
        const rest = d.notifications.filter((x) => x.id !== n.id)
        const wasUnread = existing ? !existing.readAt : false
        return { notifications: [n, ...rest], unread: d.unread + (n.readAt ? 0 : 1) - (wasUnread ? 1 : 0) }
      })
      if (!n.readAt)
        toasts.show({
          title: notificationTitle(t, n, i18next.language) || t('notifications.newEvent'),
          message: i18next.language === 'vi' ? n.body : undefined,
          autoClose: 6000,
        })
    }
    // A directive moved on (submitted, issued…) or its particulars changed: reload what shows it.
    const onDirective = (p: { directive?: { id?: string } }) => {
      const id = p?.directive?.id
      if (!id) return
      void qc.invalidateQueries({ queryKey: keys.directive(id) })
      void qc.invalidateQueries({ queryKey: keys.versions(id) })
      void qc.invalidateQueries({ queryKey: keys.directives })
    }
    // A unit report or an inspection: the measure, the "who has not reported" list and the inspections refetch.
    const onAccountability = () => void qc.invalidateQueries({ queryKey: ['accountability'] })
    const onPresence = (p: { room?: string; users?: PresenceUser[] }) => {
      if (p?.room) qc.setQueryData(keys.presence(p.room), p.users ?? [])
    }
    // Events sent while the link was down are lost: after a reconnect the kept screens catch up from what
    // changed since (offline/catch-up.ts, one call); without a cursor yet, or when that fails, the lists
    // that may have changed reload in place. The first connection only takes a cursor, or catches up a
    // cache kept from an earlier visit.
    let connectedOnce = false
    const reload = () => {
      for (const key of [keys.allTasks, keys.allTaskPages, ['task'], ['cascade'], ['reports']])
        void qc.invalidateQueries({ queryKey: key })
    }
    const onConnect = () => {
      const again = connectedOnce
      connectedOnce = true
      if (again) void qc.invalidateQueries({ queryKey: keys.notifications })
      void catchUp(qc, userId).then(
        (ok) => !ok && again && reload(),
        () => again && reload(),
      )
    }
    if (s.connected) onConnect()
    s.on('connect', onConnect)
    const stop = listen(s, {
      'task:created': onTask,
      'task:updated': onTask,
      'report:submitted': onReport,
      notification: onNotification,
      presence: onPresence,
      'directive:updated': onDirective,
      'unit-report:submitted': onAccountability,
      'inspection:recorded': onAccountability,
      'inspection:published': onAccountability,
    })
    return () => {
      stop()
      s.off('connect', onConnect)
    }
  }, [qc, t, userId])

  useEffect(() => () => disconnectLive(), [])
  return null
}
