// Meetings of a committee or a unit: the meeting with its chair and conclusions, its agenda and its
// attendees.

import { meetingStatuses } from '@hub/domain'
import { integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns'
import { committees } from './committees'
import { users } from './people'
import { units } from './units'

export const meetingStatus = pgEnum('meeting_status', meetingStatuses)

export const meetings = pgTable('meetings', {
  id: id(),
  title: text('title').notNull(),
  committeeId: uuid('committee_id').references(() => committees.id),
  hostUnitId: uuid('host_unit_id').references(() => units.id),
  startsAt: ts('starts_at').notNull(),
  location: text('location').notNull().default(''),
  status: meetingStatus('status').notNull().default('planned'),
  chairUserId: uuid('chair_user_id').references(() => users.id),
  conclusions: text('conclusions').notNull().default(''),
  /** The conclusion notice drafted from this meeting, once the office starts it. */
  conclusionDirectiveId: uuid('conclusion_directive_id'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
})

export const meetingAgendaItems = pgTable('meeting_agenda_items', {
  id: id(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  ordinal: integer('ordinal').notNull(),
  title: text('title').notNull(),
  presenter: text('presenter').notNull().default(''),
})

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull().default('member'),
    attended: ts('attended_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
)
