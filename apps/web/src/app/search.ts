// Reading the address's query string for the routes that keep state there (the board's filters, the
// login's redirect): anything unknown or malformed is dropped, and the login only sends back to this site.

import { type TaskStatus, type Timeliness, taskStatuses, timelinessValues } from '../lib/types'

/** The task board's filters and view, kept in the address so a filtered board can be shared. */
export interface BoardSearch {
  unitId?: string
  /** Include the unit's sub-units (default yes). */
  sub?: boolean
  status?: TaskStatus
  timeliness?: Timeliness
  directiveId?: string
  dueFrom?: string
  dueTo?: string
  q?: string
  view?: 'status' | 'unit' | 'list'
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)
const day = (v: unknown) => {
  const s = str(v)
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined
}

export function validateBoardSearch(s: Record<string, unknown>): BoardSearch {
  const status = str(s.status)
  const timeliness = str(s.timeliness)
  const view = str(s.view)
  return {
    unitId: str(s.unitId),
    sub: s.sub === false || s.sub === 'false' ? false : undefined,
    status: taskStatuses.includes(status as TaskStatus) ? (status as TaskStatus) : undefined,
    timeliness: timelinessValues.includes(timeliness as Timeliness) ? (timeliness as Timeliness) : undefined,
    directiveId: str(s.directiveId),
    dueFrom: day(s.dueFrom),
    dueTo: day(s.dueTo),
    q: str(s.q),
    view: view === 'unit' || view === 'list' ? view : undefined,
  }
}

export interface LoginSearch {
  redirect?: string
}

export function validateLoginSearch(s: Record<string, unknown>): LoginSearch {
  const r = str(s.redirect)
  // Only paths on this site: never send a user elsewhere after login.
  return { redirect: r?.startsWith('/') && !r.startsWith('//') ? r : undefined }
}
