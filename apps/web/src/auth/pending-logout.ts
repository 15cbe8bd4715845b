// A logout made without a connection: the session cookie (HttpOnly) can only be ended by the hub, so
// the phone forgets the person at once and the hub is told as soon as it answers again.

import { api } from '../lib/api'

const KEY = 'hub.logoutPending'

export function setLogoutPending(pending: boolean) {
  try {
    if (pending) localStorage.setItem(KEY, '1')
    else localStorage.removeItem(KEY)
  } catch {
    // private mode: nothing is kept anyway
  }
}

function logoutPending(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

/** Ends the session left open by an offline logout; true when there was one (nobody is logged in then). */
export async function settlePendingLogout(): Promise<boolean> {
  if (!logoutPending()) return false
  await api('/auth/logout', { method: 'POST' })
  setLogoutPending(false)
  return true
}
