import type { TFunction } from 'i18next'
import { ApiError } from './api'

/** The server writes "Vietnamese / English"; a reader gets the half in the UI's language. */
export function localiseServerMessage(message: string, lang: string): string {
  const parts = message.split(' / ')
  if (parts.length < 2) return message
  return lang === 'en' ? parts.slice(1).join(' / ') : parts[0]!
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
  if (e.code === 'invalid_transition') return t('errors.invalidTransition')
  if (e.code === 'directive_frozen') return t('errors.directiveFrozen')
  if (e.code === 'unrecognised_document') return t('errors.unrecognisedDocument')
  return localiseServerMessage(e.message, lang)
}
