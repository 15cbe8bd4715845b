// The session on the web: logging in and out (a shared phone keeps no cached answer or unsent update of the
// person who left), the signed-in user the screens read, and whether that user directs work.

import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext } from 'react'
import { ApiError, api } from '../lib/api'
import { keys, meQuery } from '../lib/queries'
import type { User } from '../lib/types'
import { disconnectLive } from '../live/socket'
import { clearOutbox } from '../offline/outbox'
import { clearPersistedQueries } from '../offline/persist'
import { setLogoutPending, settlePendingLogout } from './pending-logout'

/**
 * Drops every cached answer of the previous session except the one named. (Not queryClient.clear():
 * mounted observers would keep watching the removed queries and miss the new user.)
 */
function forgetAllBut(qc: QueryClient, keep: string) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keep })
}

/** The logged-in user (the authenticated layout guarantees one) and the session actions. */
export function useAuth() {
  const qc = useQueryClient()
  const { data } = useQuery(meQuery)

  const login = useCallback(
    async (email: string, password: string) => {
      await settlePendingLogout().catch(() => {})
      const { user } = await api<{ user: User }>('/auth/login', { method: 'POST', body: { email, password } })
      forgetAllBut(qc, keys.me[0])
      qc.setQueryData(keys.me, user)
      return user
    },
    [qc],
  )

  const logout = useCallback(
    async (everywhere = false) => {
      try {
        await api(everywhere ? '/auth/logout-all' : '/auth/logout', { method: 'POST' })
      } catch (e) {
        // No connection: this phone forgets the person now; the hub ends the session at the next login.
        if (e instanceof ApiError && e.status === 0) setLogoutPending(true)
        else throw e
      } finally {
        disconnectLive()
        qc.setQueryData(keys.me, null)
        forgetAllBut(qc, keys.me[0])
        // A shared phone: no task, report or unsent update of this person is left for the next one.
        await Promise.all([clearPersistedQueries(), clearOutbox()]).catch(() => {})
      }
    },
    [qc],
  )

  return { user: data ?? null, login, logout }
}

/**
 * The signed-in user as the authenticated layout provides it. The layout keeps the last user while
 * it leaves for the login page, so screens never render with a missing user in between.
 */
export const UserContext = createContext<User | null>(null)

/** The current user inside the authenticated layout. */
export function useUser(): User {
  const user = useContext(UserContext)
  if (!user) throw new Error('useUser outside the authenticated layout')
  return user
}

/** Whether a role that directs work (committee, office, admin) is held. */
export function isDirecting(user: User): boolean {
  return user.roles.some((r) => r.role === 'admin' || r.role === 'committee_member' || r.role === 'office_drafter')
}
