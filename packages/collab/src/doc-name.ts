/** The kinds of collaborative documents; each names the record whose rich text it holds. */
export const documentKinds = [
  'directive',
  'plan',
  'model',
  'meeting',
  'assignments',
  'meeting-assignments',
  'city-report',
] as const
export type DocumentKind = (typeof documentKinds)[number]

/** `directive:<uuid>` and friends; anything else is refused before it reaches the database. */
export const DOC_NAME_PATTERN =
  /^(directive|plan|model|meeting|assignments|meeting-assignments|city-report):[0-9a-f-]{36}$/

export interface DocName {
  kind: DocumentKind
  /**
   * The record's id: a directive's for `directive:`, `plan:` and `assignments:` (its assignment table),
   * a meeting's for `meeting:` and `meeting-assignments:`, a model practice's, the city report's for
   * `city-report:`.
   */
  id: string
}

/** Parses a document name, or null when it is not one of ours. */
export function parseDocName(name: string): DocName | null {
  if (!DOC_NAME_PATTERN.test(name)) return null
  const colon = name.indexOf(':')
  return { kind: name.slice(0, colon) as DocumentKind, id: name.slice(colon + 1) }
}
