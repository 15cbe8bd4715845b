// The web's i18next instance. The catalogues are data (vi.json, en.json, same keys; typed below):
// Vietnamese, the default and the fallback, is bundled with the app; English is its own chunk, fetched
// when it is the remembered choice at start or when the user switches to it (the service worker
// precaches it, so switching works offline too).
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setDateLocale } from '../lib/dates'
import vi from './vi.json'

export const languages = ['vi', 'en'] as const
export type Language = (typeof languages)[number]

/** The catalogue's shape, as the Vietnamese file gives it. */
export type Catalogue = typeof vi
/** A compile-time check, both ways, that en.json has exactly the keys of vi.json (no runtime import). */
type Covers<T extends Catalogue> = T
type CoveredBy<T extends typeof import('./en.json')> = T
export type CataloguesMatch = [Covers<typeof import('./en.json')>, CoveredBy<Catalogue>]

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
  }
}

/** Loads a language's catalogue into i18next once (Vietnamese is always there). */
async function loadCatalogue(lang: Language) {
  if (i18n.hasResourceBundle(lang, 'translation')) return
  const { default: catalogue } = await import('./en.json')
  i18n.addResourceBundle(lang, 'translation', catalogue)
}

const STORAGE_KEY = 'hub.lang'

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

const initial = storedLanguage()
setDateLocale('vi')

/** Resolves when the remembered language's texts are in: main.tsx renders after it (at once for Vietnamese). */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi } },
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => (initial === 'vi' ? undefined : changeLanguage(initial)))
  // The English chunk unreachable (offline before the worker cached it): the app starts in Vietnamese.
  .catch(() => undefined)

/** Changes the UI language (fetching its texts the first time), the page's lang attribute and the date locale, and remembers the choice. */
export async function changeLanguage(lang: Language) {
  await loadCatalogue(lang)
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice lasts for this page only
  }
  setDateLocale(lang)
  document.documentElement.lang = lang
  await i18n.changeLanguage(lang)
}

export { i18n }
