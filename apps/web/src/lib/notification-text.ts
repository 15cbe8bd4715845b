// A notification's one-line title in the UI's language, for the bell, the notifications page and the live
// toasts (LiveEvents).

import type { TFunction } from 'i18next'
import { formatDate } from './dates'
import type { Notification } from './types'

/** Kinds the catalogue can say; their wording lives under notifications.kinds. */
const kinds = [
  'task.assigned',
  'task.overdue',
  'task.due_soon',
  'task.escalated',
  'report.due',
  'task.progress',
  'directive.received',
  'report.missing',
  'duty.gap',
  'model.question',
  'model.answer',
  'inspection.published',
] as const
const known = new Set<string>(kinds)

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** A notification's parameters: the API answers them as any JSON (an object, or null), read here as a record. */
export function notificationData(n: Pick<Notification, 'data'>): Record<string, unknown> {
  return typeof n.data === 'object' && n.data !== null && !Array.isArray(n.data)
    ? (n.data as Record<string, unknown>)
    : {}
}

/**
 * A notification's line in the UI's language. The server stores a Vietnamese title (with unit
 * names it alone knows), shown as is in Vietnamese; other languages render it from the kind and
 * data through the catalogue. An unknown kind keeps the server's title. Names of tasks, directives
 * and practices are the users' own words and stay as written.
 */
export function notificationTitle(
  t: TFunction,
  n: Pick<Notification, 'kind' | 'title' | 'count' | 'data'>,
  lang: string,
): string {
  if ((lang === 'vi' && n.title) || !known.has(n.kind)) return n.title
  const d = notificationData(n)
  const number = text(d.number)
  const values = {
    count: n.count,
    title: text(d.title),
    number: number ? ` ${number}` : '',
    due: formatDate(text(d.dueAt) || text(d.dueOn) || null),
    from: formatDate(text(d.from) || null),
    to: formatDate(text(d.to) || null),
  }
  const say = t as unknown as (key: string, options: object) => string
  const outcome = text(d.outcome)
  Object.assign(values, {
    date: formatDate(text(d.date) || null),
    outcome: outcome ? ` (${say(`accountability.outcomes.${outcome}`, { defaultValue: outcome })})` : '',
  })
  return say(`notifications.kinds.${n.kind.replace('.', '_')}.${n.count > 1 ? 'group' : 'single'}`, values)
}
