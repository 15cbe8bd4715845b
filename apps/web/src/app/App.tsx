// The web app's root, mounted by main.tsx: one query client (a 401 from any query or write sends the user
// to /login), Mantine's theme and dates in the UI language, the update prompt, and the routes rendered only
// once the cache kept in IndexedDB is restored.

import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { MutationCache, QueryCache, QueryClient, useIsRestoring, useQueryClient } from '@tanstack/react-query'
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client'
import { RouterProvider } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UpdatePrompt } from '../components/UpdatePrompt'
import { ApiError } from '../lib/api'
import { keys } from '../lib/queries'
import { keepKeptKindsInMemory, persistOptions, saveWhenHidden } from '../offline/persist'
import { startOnlineTracking } from '../offline/use-online'
import { createAppRouter } from './router'
import { cssVariablesResolver, theme } from './theme'

function makeClient(onUnauthenticated: () => void) {
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) onUnauthenticated()
  }
  const client = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  })
  keepKeptKindsInMemory(client)
  return client
}

/** The routes, once the cache kept in the browser is back: the login guard reads the identity from it. */
function RoutesWhenRestored({ router }: { router: ReturnType<typeof createAppRouter> }) {
  const restoring = useIsRestoring()
  const queryClient = useQueryClient()
  // Saving before the kept cache is back would overwrite it with an empty one.
  useEffect(() => (restoring ? undefined : saveWhenHidden(queryClient)), [restoring, queryClient])
  return restoring ? null : <RouterProvider router={router} />
}

startOnlineTracking()

/** Providers: theme, dates in the UI language, server state (kept in IndexedDB for offline reading), routes. */
export function App() {
  const { i18n } = useTranslation()
  const [{ queryClient, router }] = useState(() => {
    let router: ReturnType<typeof createAppRouter> | null = null
    const queryClient = makeClient(() => {
      // The session ended (expired or logged out elsewhere): back to the login page.
      queryClient.setQueryData(keys.me, null)
      const here = router?.state.location.href
      if (router && router.state.location.pathname !== '/login')
        void router.navigate({ to: '/login', search: { redirect: here } })
    })
    router = createAppRouter(queryClient)
    return { queryClient, router }
  })
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" limit={4} />
        <UpdatePrompt />
        <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
          <RoutesWhenRestored router={router} />
        </PersistQueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}
