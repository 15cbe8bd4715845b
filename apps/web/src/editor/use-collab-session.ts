// The browser's side of a shared document: its Yjs session (IndexedDB and y-websocket), the connection and
// server storage state, and who else has it open (awareness); used by CollabEditor and the assignment table.

import { useEffect, useState, useSyncExternalStore } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type CollabStatus = 'connecting' | 'connected' | 'offline'

export interface CollabSession {
  ydoc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  /** Where the server keeps this document's edits (told by the server's storage-state message). */
  storage: StorageWatch
}

/**
 * The collab server's own message type (packages/collab protocol.ts, MESSAGE_STORAGE_STATE): the
 * rest of the frame is a StorageState as UTF-8 JSON. Sent when it changes and on joining while failing.
 */
export const MESSAGE_STORAGE_STATE = 100

/** `saved` in the database, or `pending`: held in the server's memory since `since` (epoch ms) while the database fails. */
export type StorageState = { state: 'saved' } | { state: 'pending'; since: number; held: number }

export interface StorageWatch {
  get(): StorageState
  subscribe(fn: () => void): () => void
}

const SAVED: StorageState = { state: 'saved' }

/** Listens for the server's storage-state messages on a provider (registered before its socket opens). */
function watchStorage(provider: WebsocketProvider): StorageWatch {
  let current = SAVED
  const listeners = new Set<() => void>()
  const set = (next: StorageState) => {
    current = next
    for (const fn of listeners) fn()
  }
  provider.messageHandlers[MESSAGE_STORAGE_STATE] = (_encoder, decoder) => {
    try {
      const s = JSON.parse(new TextDecoder().decode(decoder.arr.subarray(decoder.pos))) as StorageState
      set(s.state === 'pending' ? s : SAVED)
    } catch {
      // a malformed message says nothing
    }
  }
  // Once the socket is gone nothing more is heard: a server still failing tells a reconnecting client again.
  provider.on('status', ({ status }) => {
    if (status !== 'connected' && current !== SAVED) set(SAVED)
  })
  return {
    get: () => current,
    subscribe(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
  }
}

/** The document's storage state on the server, as last told. */
export function useStorageState(session: CollabSession): StorageState {
  return useSyncExternalStore(session.storage.subscribe, session.storage.get)
}

/** The collab endpoint on this origin: ws(s)://host/collab, the document name appended by the provider. */
export function collabUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/collab`
}

/**
 * One shared document for as long as the component lives: a Y.Doc kept in IndexedDB (so edits made
 * offline survive a reload and merge on reconnect) and synchronised over the y-websocket protocol.
 * The initial content comes from the server; nothing is ever inserted after sync.
 */
export function useCollabSession(docName: string, userId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    const ydoc = new Y.Doc()
    // Per user: a shared computer must not mix one person's unsent edits into another's session.
    const persistence = new IndexeddbPersistence(`hub:${userId}:${docName}`, ydoc)
    const provider = new WebsocketProvider(collabUrl(), docName, ydoc, { maxBackoffTime: 10_000 })
    const storage = watchStorage(provider)
    // The browser knows before the socket does (a dead socket is noticed only after ~30 s of silence):
    // go offline at once, keep editing locally, reconnect when the network is back.
    const onOffline = () => provider.disconnect()
    const onOnline = () => provider.connect()
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    setSession({ ydoc, provider, persistence, storage })
    return () => {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      setSession(null)
      provider.awareness.setLocalState(null)
      provider.destroy()
      void persistence.destroy()
      ydoc.destroy()
    }
  }, [docName, userId])
  return session
}

/**
 * The link's state as users care about it: connected (and synced), connecting, or offline; and
 * whether edits made here have not reached the server yet (kept locally until they do).
 */
export function useCollabStatus(session: CollabSession): { status: CollabStatus; pending: boolean; synced: boolean } {
  const { provider, ydoc, persistence } = session
  const [status, setStatus] = useState<CollabStatus>(provider.wsconnected ? 'connected' : 'connecting')
  const [synced, setSynced] = useState(provider.synced)
  const [pending, setPending] = useState(false)
  useEffect(() => {
    let failures = 0
    const onStatus = ({ status: s }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (s === 'connected') failures = 0
      if (s === 'disconnected') failures++
      setStatus(s === 'connected' ? 'connected' : s === 'connecting' && failures === 0 ? 'connecting' : 'offline')
    }
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced)
      if (isSynced) setPending(false)
    }
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== persistence && !(provider.wsconnected && provider.synced)) setPending(true)
    }
    // A refused or failed connection never reports 'disconnected' (it was never connected): count it here.
    const onFailure = () => {
      if (provider.wsconnected) return
      failures++
      setStatus('offline')
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onFailure)
    provider.on('connection-error', onFailure)
    ydoc.on('update', onUpdate)
    return () => {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onFailure)
      provider.off('connection-error', onFailure)
      ydoc.off('update', onUpdate)
    }
  }, [provider, ydoc, persistence])
  return { status, pending, synced }
}

export interface PeerInfo {
  clientId: number
  name: string
  color: string
  self: boolean
}

/** Who has the document open, from the awareness states the carets publish. */
export function usePeers(session: CollabSession): PeerInfo[] {
  const { awareness } = session.provider
  const read = () => {
    const out: PeerInfo[] = []
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: { name?: string; color?: string } }).user
      if (!user?.name) continue
      out.push({ clientId, name: user.name, color: user.color ?? '#555', self: clientId === awareness.clientID })
    }
    return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'vi'))
  }
  const [peers, setPeers] = useState<PeerInfo[]>(read)
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends on awareness only
  useEffect(() => {
    const onChange = () => setPeers(read())
    awareness.on('change', onChange)
    onChange()
    return () => awareness.off('change', onChange)
  }, [awareness])
  return peers
}

/**
 * Publishes who this client is (name and colour, as the editor's carets do) for a document without a
 * text editor, such as the assignment table; cleared when the component goes.
 */
export function useAwarenessUser(session: CollabSession | null, user: { name: string; color: string }): void {
  const awareness = session?.provider.awareness
  useEffect(() => {
    if (!awareness) return
    awareness.setLocalStateField('user', { name: user.name, color: user.color })
  }, [awareness, user.name, user.color])
}

export interface PeerField<T> extends PeerInfo {
  value: T
}

/** The other people's value of one awareness field (e.g. the cell each is on), for those who publish it. */
export function usePeerField<T>(session: CollabSession, field: string): PeerField<T>[] {
  const { awareness } = session.provider
  const read = () => {
    const out: PeerField<T>[] = []
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const s = state as { user?: { name?: string; color?: string } } & Record<string, unknown>
      if (!s.user?.name || s[field] == null) continue
      out.push({ clientId, name: s.user.name, color: s.user.color ?? '#555', self: false, value: s[field] as T })
    }
    return out
  }
  const [peers, setPeers] = useState<PeerField<T>[]>(read)
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends on awareness and field only
  useEffect(() => {
    const onChange = () => setPeers(read())
    awareness.on('change', onChange)
    onChange()
    return () => awareness.off('change', onChange)
  }, [awareness, field])
  return peers
}
