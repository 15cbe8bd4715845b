// What a failed call to the hub says to the user, in the UI's language only, and whether trying again may
// help; used by ErrorState (components/PageState.tsx) and the forms.

import type { TFunction } from 'i18next'
import { ApiError } from './api'

/**
 * The server writes "Vietnamese / English"; a reader gets the half in the UI's language. The split
 * is where the English half begins: the last " / " after which no Vietnamese letter follows (a
 * message such as "Nhiệm vụ / Task không tồn tại / not found" has a slash inside each half too).
 * Errors the catalogue knows by their code never get here.
 */
export function localiseServerMessage(message: string, lang: string): string {
  const parts = message.split(' / ')
  if (parts.length < 2) return message
  const vietnamese = /[^ -~]/
  let at = parts.length - 1
  while (at > 1 && !vietnamese.test(parts.slice(at - 1).join(' / '))) at--
  return lang === 'en' ? parts.slice(at).join(' / ') : parts.slice(0, at).join(' / ')
}

/** Error codes the catalogue says in the user's language, whatever the server's text. */
const byCode = {
  not_found: 'errors.notFound',
  unauthenticated: 'errors.unauthenticated',
  cross_origin: 'errors.crossOrigin',
  too_many_attempts: 'errors.tooMany',
  payload_too_large: 'errors.tooLarge',
  malformed_json: 'errors.malformed',
  not_ready: 'errors.notReady',
  internal: 'errors.internal',
} as const satisfies Record<string, string>

/** Whether trying the same thing again may work: a network failure, a busy or failing server; not a 404 or a refusal. */
export function isRetryable(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true
  return e.status === 0 || e.status >= 500 || e.status === 429
}

/**
 * What went wrong with a write, said for the person who tried it: no right (403), changed by
 * someone else or not allowed in this state (409), the field at fault (400), no network.
 */
export function errorText(t: TFunction, e: unknown, lang: string): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : t('common.error')
  if (e.status === 0) return t('common.networkError')
  if (e.status === 403) return t('errors.forbidden')
  if (e.code === 'version_conflict') return t('errors.versionConflict')
  if (e.code === 'derived_from_children')
    return t('errors.derivedFromChildren', {
      progress: (e.details as { derived?: { progress?: number } } | undefined)?.derived?.progress ?? 0,
    })
  if (e.code === 'invalid_transition') return t('errors.invalidTransition')
  if (e.code === 'directive_frozen') return t('errors.directiveFrozen')
  if (e.code === 'unrecognised_document') return t('errors.unrecognisedDocument')
  if (e.code in byCode) return t(byCode[e.code as keyof typeof byCode])
  if (e.code === 'validation_failed' && !(e.details as { fields?: unknown[] } | undefined)?.fields?.length)
    return t('errors.validation')
  return localiseServerMessage(e.message, lang)
}
