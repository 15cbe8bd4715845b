import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setDateLocale } from '../lib/dates'
import { en } from './en'
import { vi } from './vi'

export const languages = ['vi', 'en'] as const
export type Language = (typeof languages)[number]

const STORAGE_KEY = 'hub.lang'

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof vi }
  }
}

const initial = storedLanguage()
setDateLocale(initial)
document.documentElement.lang = initial

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
})

/** Changes the UI language, the page's lang attribute and the date locale, and remembers the choice. */
export async function changeLanguage(lang: Language) {
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
