// The web's texts (vi.json and en.json) loaded into a fresh i18next instance (no DOM, no storage) for
// the unit tests of functions that take a translator.
import i18next from 'i18next'
import { beforeAll } from 'vitest'
import en from './en.json'
import vi from './vi.json'

/** An i18next instance holding the vi and en catalogues, initialised before the file's tests run. */
export function i18nForTests() {
  const i18n = i18next.createInstance()
  beforeAll(async () => {
    await i18n.init({
      resources: { vi: { translation: vi }, en: { translation: en } },
      lng: 'vi',
      fallbackLng: 'vi',
      interpolation: { escapeValue: false },
    })
  })
  return i18n
}
