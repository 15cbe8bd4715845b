// Sends the outbox when it can: at start, when the connection returns, when the live socket
// reconnects, when something is queued, and on a backoff while the hub does not answer.

import { notifications as toasts } from '@mantine/notifications'
import { onlineManager, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { connectLive } from '../live/socket'
import { flushOutbox, keepOnlyUser, onQueued, pendingCount } from './outbox'

const FIRST_RETRY_MS = 2000
const MAX_RETRY_MS = 60_000

/** Renders nothing: drives the sending of this user's outbox. */
export function OutboxSync({ userId }: { userId: string }) {
  const qc = useQueryClient()
  const { t } = useTranslation()

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let delay = FIRST_RETRY_MS
    const run = async () => {
      clearTimeout(timer)
      if (stopped || !onlineManager.isOnline()) return
      const before = pendingCount(userId)
      const done = await flushOutbox(qc, userId)
      if (stopped) return
      if (!done) {
        // No answer (or a server error): try again later, further apart each time.
        timer = setTimeout(() => void run(), delay)
        delay = Math.min(delay * 2, MAX_RETRY_MS)
        return
      }
      delay = FIRST_RETRY_MS
      if (before > 0 && pendingCount(userId) === 0) toasts.show({ color: 'green', message: t('offline.outbox.sent') })
    }
    void keepOnlyUser(userId).then(run)
    const offOnline = onlineManager.subscribe((online) => {
      if (online) {
        delay = FIRST_RETRY_MS
        void run()
      }
    })
    const offQueued = onQueued(() => void run())
    const socket = connectLive()
    const onConnect = () => void run()
    socket.on('connect', onConnect)
    return () => {
      stopped = true
      clearTimeout(timer)
      offOnline()
      offQueued()
      socket.off('connect', onConnect)
    }
  }, [qc, userId, t])

  return null
}
