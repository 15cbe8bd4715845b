// The query cache kept in IndexedDB, so that the screens a field official opened ("Việc của tôi", the
// tasks he looked at, his unit's board and page) still read when the phone has no connection.

import { type DehydrateOptions, dehydrate, onlineManager, type Query, type QueryClient } from '@tanstack/react-query'
import type { PersistedClient, Persister, PersistQueryClientOptions } from '@tanstack/react-query-persist-client'
import { createStore, del, get, set } from 'idb-keyval'

const store = createStore('hub-query-cache', 'queries')
const KEY = 'hub.queries'

/** Regular writes (after each change of the cache) come at most this often. */
const THROTTLE_MS = 1000

/**
 * The persister: one IndexedDB entry holding the dehydrated cache. A change of the cache is written
 * when the last write is THROTTLE_MS old (only the newest change then); `soon` writes the waiting one
 * right after the current task instead, and `writeNow` writes a cache at once (dropping the older one
 * waiting). Each write opens its IndexedDB transaction as soon as it is asked, and IndexedDB runs them
 * in that order, so an older cache never lands after a newer one.
 */
function idbPersister() {
  let waiting: PersistedClient | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastWrite = 0
  const drop = () => {
    clearTimeout(timer)
    timer = undefined
    waiting = null
  }
  const writeNow = (client: PersistedClient): Promise<void> => {
    drop()
    lastWrite = Date.now()
    return set(KEY, JSON.stringify(client), store)
  }
  // A timer (not at once): the persisting listener of the same cache event may not have run yet.
  let urgent = false
  const soon = () => {
    if (urgent) return
    urgent = true
    setTimeout(() => {
      urgent = false
      if (waiting) void writeNow(waiting).catch(() => {})
    }, 0)
  }
  const persister: Persister = {
    persistClient: (client) => {
      waiting = client
      if (timer) return
      timer = setTimeout(
        () => {
          const next = waiting
          if (next) void writeNow(next).catch(() => {})
        },
        Math.max(0, lastWrite + THROTTLE_MS - Date.now()),
      )
    },
    restoreClient: async () => {
      const value = await get<string>(KEY, store)
      return value ? (JSON.parse(value) as PersistedClient) : undefined
    },
    removeClient: () => {
      drop()
      return del(KEY, store)
    },
  }
  return { persister, writeNow, soon }
}

const kept = idbPersister()

/**
 * What is kept: the identity (so an offline reload is not stuck waiting for /api/auth/me), the
 * directory, tasks (lists, paged lists, pages), their reports and cascades, units with their hotlines
 * and duty, the unit's measure and reports, notifications, and the catch-up cursor.
 * Not kept: search results, presence, metrics, document versions (large, and useless offline).
 */
const keptKinds = new Set([
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
  return query.state.status === 'success' && keptKinds.has(String(query.queryKey[0]))
}

/** A week: a phone that was off longer reads fresh data or nothing. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** Raised when the shape of a cached answer changes, so an old cache is dropped rather than misread. */
const BUSTER = 'hub-1'
const dehydrateOptions: DehydrateOptions = { shouldDehydrateQuery: shouldKeep }

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister: kept.persister,
  maxAge: MAX_AGE_MS,
  buster: BUSTER,
  dehydrateOptions,
  // What comes back stays in memory as long as it may stay kept (not the default five minutes unwatched).
  hydrateOptions: { defaultOptions: { queries: { gcTime: MAX_AGE_MS } } },
}

/**
 * The kinds of answer that are kept stay in memory as long as they may stay kept: with TanStack's default
 * (five minutes after their screen is left) a task opened an hour ago would be dropped from memory, and
 * so from the kept cache at its next write, before the phone goes offline.
 */
export function keepKeptKindsInMemory(queryClient: QueryClient): void {
  for (const kind of keptKinds) queryClient.setQueryDefaults([kind], { gcTime: MAX_AGE_MS })
}

/** Forgets the kept cache (logout on a shared phone: nothing is left for the next person). */
export async function clearPersistedQueries(): Promise<void> {
  await kept.persister.removeClient()
}

/** Writes the cache as it is now, at once (not throttled); resolves when IndexedDB has it. */
export function savePersistedQueries(queryClient: QueryClient): Promise<void> {
  return kept.writeNow({ buster: BUSTER, timestamp: Date.now(), clientState: dehydrate(queryClient, dehydrateOptions) })
}

/**
 * What the app guarantees beyond the throttled writes (mounted once the kept cache is restored):
 * - an answer read from the hub (a page of "Việc của tôi", a task…) is in IndexedDB right after it is
 *   shown, not up to a second later: a reload or a closed tab in that second lost it, because a
 *   write asked for while the page is being left may be aborted with it;
 * - when the connection drops, and when the page is hidden or left, the cache is written at once
 *   (the last chance; a reload may still abort it, which the first rule makes harmless).
 */
export function saveWhenHidden(queryClient: QueryClient): () => void {
  const save = () => void savePersistedQueries(queryClient).catch(() => {})
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') save()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', save)
  const offOnline = onlineManager.subscribe((online) => {
    if (!online) save()
  })
  const offAnswers = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && shouldKeep(event.query)) kept.soon()
  })
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', save)
    offOnline()
    offAnswers()
  }
}
