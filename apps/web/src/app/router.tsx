// The web app's routes: the login and public duty pages, and behind the login guard every other screen,
// each page loaded lazily; the guard reads who is logged in from the hub, or offline from the kept cache.

import { onlineManager, type QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import { NotFound } from '../components/PageState'
import { meQuery } from '../lib/queries'
import { AppLayout } from './AppLayout'
import { validateBoardSearch, validateLoginSearch } from './search'

export interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
})

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: validateLoginSearch,
  component: lazyRouteComponent(() => import('../pages/LoginPage'), 'LoginPage'),
})

/** Hotlines and who is on duty now: public, no login. */
const publicDutyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/duty',
  component: lazyRouteComponent(() => import('../pages/PublicDutyPage'), 'PublicDutyPage'),
})

/** Whether this page load has asked the hub who is logged in (the kept cache may hold an older answer). */
let identityAsked = false

/**
 * Who is logged in. The first time a page loads with a connection the hub is asked (the identity kept
 * in the browser may be out of date); without one, or when the hub does not answer, the identity kept
 * from the last visit stands in, so an offline reload is not left blank waiting for /api/auth/me.
 */
async function identity(qc: QueryClient) {
  const kept = () => qc.getQueryData(meQuery.queryKey) ?? null
  if (!onlineManager.isOnline()) return kept()
  if (identityAsked) return await qc.ensureQueryData(meQuery)
  try {
    const user = await qc.fetchQuery({ ...meQuery, staleTime: 0, retry: false })
    identityAsked = true
    return user
  } catch {
    return kept()
  }
}

/** Every screen but login: needs a session, else goes to /login and comes back after. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authed',
  beforeLoad: async ({ context, location }) => {
    const user = await identity(context.queryClient)
    if (!user) throw redirect({ to: '/login', search: { redirect: location.href } })
    return { user }
  },
  component: AppLayout,
})

const myWorkRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../pages/MyWorkPage'), 'MyWorkPage'),
})

const boardRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/board',
  validateSearch: validateBoardSearch,
  component: lazyRouteComponent(() => import('../pages/BoardPage'), 'BoardPage'),
})

const taskRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/tasks/$taskId',
  component: lazyRouteComponent(() => import('../pages/TaskPage'), 'TaskPage'),
})

const directivesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/directives',
  component: lazyRouteComponent(() => import('../pages/DirectivesPage'), 'DirectivesPage'),
})

const directiveImportRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/directives/import',
  component: lazyRouteComponent(() => import('../pages/DirectiveImportPage'), 'DirectiveImportPage'),
})

const directiveRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/directives/$directiveId',
  component: lazyRouteComponent(() => import('../pages/DirectivePage'), 'DirectivePage'),
})

const meetingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/meetings',
  component: lazyRouteComponent(() => import('../pages/MeetingsPage'), 'MeetingsPage'),
})

const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/meetings/$meetingId',
  component: lazyRouteComponent(() => import('../pages/MeetingPage'), 'MeetingPage'),
})

const unitsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/units',
  component: lazyRouteComponent(() => import('../pages/UnitsPage'), 'UnitsPage'),
})

const unitRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/units/$unitId',
  component: lazyRouteComponent(() => import('../pages/UnitPage'), 'UnitPage'),
})

const accountabilityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/accountability',
  component: lazyRouteComponent(() => import('../pages/AccountabilityPage'), 'AccountabilityPage'),
})

const compareRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/accountability/compare',
  component: lazyRouteComponent(() => import('../pages/ComparePage'), 'ComparePage'),
})

const cityReportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/accountability/city-reports',
  component: lazyRouteComponent(() => import('../pages/CityReportsPage'), 'CityReportsPage'),
})

const cityReportRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/accountability/city-reports/$reportId',
  component: lazyRouteComponent(() => import('../pages/CityReportPage'), 'CityReportPage'),
})

const unitMeasureRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/accountability/$unitId',
  component: lazyRouteComponent(() => import('../pages/UnitMeasurePage'), 'UnitMeasurePage'),
})

const modelsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/models',
  component: lazyRouteComponent(() => import('../pages/ModelsPage'), 'ModelsPage'),
})

const modelRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/models/$modelId',
  component: lazyRouteComponent(() => import('../pages/ModelPage'), 'ModelPage'),
})

const reorganisationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/units/reorganisation',
  component: lazyRouteComponent(() => import('../pages/ReorganisationPage'), 'ReorganisationPage'),
})

const adminRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('../pages/AdminPage'), 'AdminPage'),
})

const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('../pages/NotificationsPage'), 'NotificationsPage'),
})

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicDutyRoute,
  authedRoute.addChildren([
    myWorkRoute,
    boardRoute,
    taskRoute,
    directivesRoute,
    directiveImportRoute,
    directiveRoute,
    meetingsRoute,
    meetingRoute,
    modelsRoute,
    modelRoute,
    unitsRoute,
    reorganisationRoute,
    unitRoute,
    accountabilityRoute,
    compareRoute,
    cityReportsRoute,
    cityReportRoute,
    unitMeasureRoute,
    notificationsRoute,
    adminRoute,
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
