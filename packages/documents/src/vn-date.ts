/**
 * Dates as Vietnamese documents print them. Decree 30/2020/NĐ-CP (appendix I, part II.6) writes the day and month
 * in Arabic numerals and pads with a leading zero only days below 10 and the months January and February, so that
 * "01" or "02" cannot be altered into "11" or "12": "ngày 05 tháng 01 năm 2022", "ngày 30 tháng 7 năm 2021".
 * Party documents (36-HD/VPTW) follow the same habit.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Blanks real offices leave in a draft, filled in by hand when the document is numbered and signed. */
export const draftDateBlanks = 'ngày    tháng    năm 20..'

/** Reads a calendar date "YYYY-MM-DD"; throws on anything else, including impossible days such as 2021-02-29. */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const match = isoDatePattern.exec(isoDate)
  if (!match) throw new RangeError(`Expected a calendar date YYYY-MM-DD, got "${isoDate}"`)
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such date: "${isoDate}"`)
  }
  return { year, month, day }
}

/** "2021-07-30" → "ngày 30 tháng 7 năm 2021"; "2022-01-05" → "ngày 05 tháng 01 năm 2022". */
export function formatVietnameseLongDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate)
  const dd = day < 10 ? `0${day}` : String(day)
  const mm = month < 3 ? `0${month}` : String(month)
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/** The place-and-date line: "Hà Nội, ngày 30 tháng 7 năm 2021", or the blanks of a draft when there is no date yet. */
export function formatPlaceAndDate(place: string, isoDate: string | null): string {
  const date = isoDate ? formatVietnameseLongDate(isoDate) : draftDateBlanks
  return `${place.trim()}, ${date}`
}
