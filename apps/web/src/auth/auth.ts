import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api } from '../lib/api'
import { keys, meQuery } from '../lib/queries'
import type { User } from '../lib/types'
import { disconnectLive } from '../live/socket'

/** The logged-in user (the authenticated layout guarantees one) and the session actions. */
export function useAuth() {
  const qc = useQueryClient()
  const { data } = useQuery(meQuery)

  const login = useCallback(
    async (email: string, password: string) => {
      const { user } = await api<{ user: User }>('/auth/login', { method: 'POST', body: { email, password } })
      qc.clear()
      qc.setQueryData(keys.me, user)
      return user
    },
    [qc],
  )

  const logout = useCallback(
    async (everywhere = false) => {
      try {
        await api(everywhere ? '/auth/logout-all' : '/auth/logout', { method: 'POST' })
      } finally {
        disconnectLive()
        qc.clear()
        qc.setQueryData(keys.me, null)
      }
    },
    [qc],
  )

  return { user: data ?? null, login, logout }
}

/** The current user inside the authenticated layout. */
export function useUser(): User {
  const { user } = useAuth()
  if (!user) throw new Error('useUser outside the authenticated layout')
  return user
}

/** Whether a role that directs work (committee, office, admin) is held. */
export function isDirecting(user: User): boolean {
  return user.roles.some((r) => r.role === 'admin' || r.role === 'committee_member' || r.role === 'office_drafter')
}
