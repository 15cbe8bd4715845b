// Tables of inspections (kiểm tra, giám sát): the teams and their members, the inspections of units with
// their checklist against a directive, outcome and conclusion, and the findings.

import { boolean, date, index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns'
import { directives } from './directives'
import { users } from './people'
import { units } from './units'

/** An inspection team, set up by a decision such as "1103-QĐ/TU". */
export const inspectionTeams = pgTable('inspection_teams', {
  id: id(),
  name: text('name').notNull(),
  decisionNumber: text('decision_number').notNull().default(''),
  leaderUserId: uuid('leader_user_id').references(() => users.id),
  createdAt: createdAt(),
})

export const inspectionTeamMembers = pgTable(
  'inspection_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => inspectionTeams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
)

export const inspectionOutcome = pgEnum('inspection_outcome', [
  'praise',
  'reward',
  'reminder',
  'criticism',
  'discipline',
  'none',
])

export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    teamId: uuid('team_id').references(() => inspectionTeams.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Unannounced ("đột xuất") inspections are not shown to the inspected unit before they happen. */
    unannounced: boolean('unannounced').notNull().default(false),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planned'),
    conclusion: text('conclusion').notNull().default(''),
    outcome: inspectionOutcome('outcome'),
    /** Conclusions published "để làm gương". */
    published: boolean('published').notNull().default(false),
    /** When the conclusion was published to the inspected unit. */
    publishedAt: ts('published_at'),
    /** The directive whose clauses the checklist follows. */
    directiveId: uuid('directive_id').references(() => directives.id),
    /** One result per clause of the directive checked. */
    checklist: jsonb('checklist')
      .$type<{ ordinal: number; text: string; result: 'met' | 'partly' | 'not_met'; note: string }[]>()
      .notNull()
      .default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('inspections_unit').on(t.unitId)],
)

export const inspectionFindings = pgTable('inspection_findings', {
  id: id(),
  inspectionId: uuid('inspection_id')
    .notNull()
    .references(() => inspections.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  severity: text('severity').notNull().default('note'),
})
