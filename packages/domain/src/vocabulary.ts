/**
 * Closed vocabularies that the database enums, the API contract and the web app share. The tuples
 * here are the one source: `packages/db` builds its `pgEnum`s from them, zod schemas enumerate them.
 */

/** Kinds of unit in the dated tree (DESIGN.md: `city, district, commune, village, sector, body`). */
export const unitKinds = ['city', 'district', 'commune', 'village', 'sector', 'body'] as const

/** A meeting is planned, then in session, then concluded (its "Thông báo kết luận" drafted). */
export const meetingStatuses = ['planned', 'in_session', 'concluded'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

/** What a report answers: one task, or a unit's daily, weekly or monthly report. */
export const reportKinds = ['task', 'daily', 'weekly', 'monthly'] as const
export type ReportKind = (typeof reportKinds)[number]

/** How often a recurring duty reports. */
export const reportCycles = ['daily', 'weekly', 'monthly'] as const
export type ReportCycle = (typeof reportCycles)[number]

/** How often a recurring task recurs ("hằng ngày", "hằng tuần", "hằng tháng", "thường xuyên"). */
export const recurrenceFreqs = ['daily', 'weekly', 'monthly', 'ongoing'] as const
export type RecurrenceFreq = (typeof recurrenceFreqs)[number]
