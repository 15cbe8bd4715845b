import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UpdatePrompt } from '../components/UpdatePrompt'
import { ApiError } from '../lib/api'
import { keys } from '../lib/queries'
import { createAppRouter } from './router'
import { cssVariablesResolver, theme } from './theme'

function makeClient(onUnauthenticated: () => void) {
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) onUnauthenticated()
  }
  return new QueryClient({
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
}

/** Providers: theme, dates in the UI language, server state, routes. */
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
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}
