// What the hub's search answers, as the API sends it and the web app reads it: the kinds of record it
// finds, and one hit, the type of the response contract (contracts/records.ts, searchResultSchema).
import type { z } from 'zod'
import type { searchResultSchema } from './contracts/records'

export const searchTypes = ['model', 'directive', 'clause', 'task', 'report', 'meeting', 'unit'] as const
export type SearchType = (typeof searchTypes)[number]

/** One hit: what it is, its title, a snippet with the matched words as ranges, and where it belongs. */
export type SearchResult = z.infer<typeof searchResultSchema>
