// The query cache kept in IndexedDB, so that the screens a field official opened ("Việc của tôi", the
// tasks he looked at, his unit's board and page) still read when the phone has no connection.

import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import type { Query, QueryClient } from '@tanstack/react-query'
import { type PersistQueryClientOptions, persistQueryClientSave } from '@tanstack/react-query-persist-client'
import { createStore, del, get, set } from 'idb-keyval'

const store = createStore('hub-query-cache', 'queries')

/** The persister: one IndexedDB entry holding the dehydrated cache, written at most once a second. */
const persister = createAsyncStoragePersister({
  storage: {
    getItem: (key) => get<string>(key, store),
    setItem: (key, value: string) => set(key, value, store),
    removeItem: (key) => del(key, store),
  },
  key: 'hub.queries',
  throttleTime: 1000,
})

/**
 * What is kept: the identity (so an offline reload is not stuck waiting for /api/auth/me), the
 * directory, tasks (lists, paged lists, pages), their reports and cascades, units with their hotlines
 * and duty, the unit's measure and reports, notifications, and the catch-up cursor.
 * Not kept: search results, presence, metrics, document versions (large, and useless offline).
 */
const kept = new Set([
  'me',
  'units',
  'unit',
  'people',
  'tasks',
  'task-pages',
  'task',
  'cascade',
  'reports',
  'directives',
  'notifications',
  'history',
  'public-duty',
  'accountability',
  // Where the reconnect catch-up goes on from (offline/catch-up.ts), saved with the data it describes.
  'changes-cursor',
])

function shouldKeep(query: Query): boolean {
  // "Nobody is logged in" is never kept: the next load asks the hub.
  if (query.queryKey[0] === 'me' && !query.state.data) return false
  return query.state.status === 'success' && kept.has(String(query.queryKey[0]))
}

/** A week: a phone that was off longer reads fresh data or nothing. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister,
  maxAge: MAX_AGE_MS,
  // Raised when the shape of a cached answer changes, so an old cache is dropped rather than misread.
  buster: 'hub-1',
  dehydrateOptions: { shouldDehydrateQuery: shouldKeep },
}

/** Forgets the kept cache (logout on a shared phone: nothing is left for the next person). */
export async function clearPersistedQueries(): Promise<void> {
  await persister.removeClient()
}

/**
 * Writes the cache at once when the page is hidden or left (a phone switching apps, a tab closed): the
 * regular writes wait up to a second, and what was read in that second would not be there offline.
 */
export function saveWhenHidden(queryClient: QueryClient): () => void {
  const save = () => void persistQueryClientSave({ queryClient, ...persistOptions }).catch(() => {})
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') save()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', save)
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', save)
  }
}
