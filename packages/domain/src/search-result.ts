// What the hub's search answers, as the API sends it and the web app reads it: the kinds of record it
// finds and one hit with its highlighted ranges.

export const searchTypes = ['model', 'directive', 'clause', 'task', 'report', 'meeting', 'unit'] as const
export type SearchType = (typeof searchTypes)[number]

/** One hit: what it is, its title, a snippet with the matched words as ranges, and where it belongs. */
export interface SearchResult {
  type: SearchType
  id: string
  title: string
  snippet: string
  /** [start, end) ranges of `snippet` that matched the query. */
  highlights: [number, number][]
  /** [start, end) ranges of `title` that matched the query. */
  titleHighlights: [number, number][]
  /** The record's date (updated, issued, held, submitted), ISO. */
  date: string | null
  score: number
  /** The directive a clause belongs to; the task a report is on; the unit a task or report is of. */
  directiveId?: string
  taskId?: string | null
  unitId?: string | null
  status?: string
}
