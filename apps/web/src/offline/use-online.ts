// Whether the browser has a connection, as TanStack Query's online manager sees it (queries pause
// while it is false, and the outbox waits).

import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

/** A reload without a connection starts offline: the browser sends no 'offline' event for it. */
export function startOnlineTracking() {
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine)
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => onlineManager.subscribe(cb),
    () => onlineManager.isOnline(),
  )
}
