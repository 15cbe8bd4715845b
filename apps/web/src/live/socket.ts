// The tab's one socket.io link to the hub: connecting, its state for the UI, and the rooms components join
// while mounted. LiveEvents turns its events into cache updates; queries poll while it is down.

import type { LiveEvents } from '@hub/domain'
import { useEffect, useSyncExternalStore } from 'react'
import { io, type Socket } from 'socket.io-client'

/** The socket as the server speaks it: the contract's live events (typed in @hub/domain) and the room requests. */
export type LiveSocket = Socket<
  { [E in keyof LiveEvents]: (payload: LiveEvents[E]) => void },
  { subscribe: (room: string) => void; unsubscribe: (room: string) => void }
>

export type LiveState = 'connecting' | 'connected' | 'offline'

let socket: LiveSocket | null = null
let state: LiveState = 'offline'
const listeners = new Set<() => void>()
/** Rooms wanted by mounted components, counted, so a room is left only when nobody needs it. */
const rooms = new Map<string, number>()

function setState(next: LiveState) {
  if (state === next) return
  state = next
  for (const l of listeners) l()
}

/** The one socket of this tab (same origin, default path; the session cookie authenticates it). */
export function connectLive(): LiveSocket {
  if (socket) return socket
  setState('connecting')
  const s: LiveSocket = io({ withCredentials: true, reconnectionDelayMax: 15_000 })
  s.on('connect', () => {
    setState('connected')
    // After a reconnect the server has forgotten our rooms: join them again.
    for (const room of rooms.keys()) s.emit('subscribe', room)
  })
  s.on('disconnect', () => setState(s.active ? 'connecting' : 'offline'))
  s.on('connect_error', () => setState('offline'))
  s.io.on('reconnect_attempt', () => {
    if (state !== 'offline') setState('connecting')
  })
  socket = s
  window.addEventListener('online', reconnectNow)
  return s
}

/** Back on the network: try at once instead of waiting out the backoff (which grows to 15 s). */
function reconnectNow() {
  if (socket && !socket.connected) socket.disconnect().connect()
}

/** Closes the live link (on logout); rooms are kept so a new login joins them again. */
export function disconnectLive() {
  window.removeEventListener('online', reconnectNow)
  socket?.disconnect()
  socket?.removeAllListeners()
  socket = null
  setState('offline')
}

export function getLiveSocket(): LiveSocket | null {
  return socket
}

function subscribe(room: string) {
  const n = rooms.get(room) ?? 0
  rooms.set(room, n + 1)
  if (n === 0 && socket?.connected) socket.emit('subscribe', room)
}

function unsubscribe(room: string) {
  const n = rooms.get(room) ?? 0
  if (n <= 1) {
    rooms.delete(room)
    if (socket?.connected) socket.emit('unsubscribe', room)
  } else rooms.set(room, n - 1)
}

/** Joins a live room ('unit:<id>', 'directive:<id>', 'meeting:<id>', 'user:<id>') while mounted. */
export function useLiveRoom(room: string | null | undefined) {
  useEffect(() => {
    if (!room) return
    subscribe(room)
    return () => unsubscribe(room)
  }, [room])
}

function subscribeState(cb: () => void) {
  listeners.add(cb)
  return () => listeners.delete(cb)
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribeState, () => state)
}

/** Whether live events are flowing; lists poll instead while they are not. */
export function useLiveConnected(): boolean {
  return useLiveState() === 'connected'
}
