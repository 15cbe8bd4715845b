// The row types of the tables, as a select reads them: named once here, not again in each service.
import type * as schema from './schema/index'

export type TaskRow = typeof schema.tasks.$inferSelect
export type DirectiveRow = typeof schema.directives.$inferSelect
export type DirectiveRecipientRow = typeof schema.directiveRecipients.$inferSelect
export type MeetingRow = typeof schema.meetings.$inferSelect
export type ReportRow = typeof schema.reports.$inferSelect
export type DifficultyDecisionRow = typeof schema.difficultyDecisions.$inferSelect
export type ModelPracticeRow = typeof schema.modelPractices.$inferSelect
export type ModelAdoptionRow = typeof schema.modelAdoptions.$inferSelect
