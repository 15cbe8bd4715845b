/**
 * The catalogue of texts the server shows users (errors today), in Vietnamese first and English
 * second. The texts are data, one file a language (messages/vi.json, messages/en.json: the same keys,
 * checked both ways at compile time). Use cases name an entry and its parameters; the API renders it
 * (`vi / en`, the form the contract's `message` has always had). Record names (`what`) are entries
 * too. In a text, `{{name}}` stands for a parameter and `{{name, record}}` for the name of the record
 * entry the parameter names, in the same language.
 */
import en from './messages/en.json'
import vi from './messages/vi.json'

export type MessageParams = Record<string, string | number>
export type MessageKey = keyof typeof vi
export type Language = 'vi' | 'en'

/** A compile-time check, both ways, that en.json has exactly the keys of vi.json. */
type Covers<T extends Record<MessageKey, string>> = T
type CoveredBy<T extends Record<keyof typeof en, string>> = T
export type CataloguesMatch = [Covers<typeof en>, CoveredBy<typeof vi>]

const catalogues: Record<Language, Record<string, string>> = { vi, en }

/** A record's name (an entry of its own, without parameters) inside another entry's text. */
function nameOf(what: string | number | undefined, lang: Language): string {
  const text = catalogues[lang][String(what)]
  return text !== undefined && !text.includes('{{') ? text : String(what ?? '')
}

/** One entry in one language. */
export function message(key: MessageKey, lang: Language, params: MessageParams = {}): string {
  return catalogues[lang][key]!.replace(/\{\{(\w+)(, record)?\}\}/g, (_, name: string, record?: string) =>
    record ? nameOf(params[name], lang) : String(params[name]),
  )
}

/** Both languages as the API has always written them: "Vietnamese / English". */
export function bilingual(key: MessageKey, params: MessageParams = {}): string {
  return `${message(key, 'vi', params)} / ${message(key, 'en', params)}`
}
