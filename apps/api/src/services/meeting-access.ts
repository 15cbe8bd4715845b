// How a user stands to a meeting (chair, attendee or neither) and which unit holds it, shared by the
// meeting services, the assignment table, task links and the live rooms.

import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, type MeetingRow, schema } from '@hub/db'
import { type MeetingStanding, meetingStanding } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import type { UnitDirectory } from './unit-directory'

/** The unit a meeting is held by (the city when none is recorded). */
export const meetingHost = (m: MeetingRow, units: UnitDirectory) => m.hostUnitId ?? units.root()?.id ?? ''

/** How a user stands to a meeting (the domain's `meetingStanding`), its attendance read from the database. */
export async function meetingAccess(
  db: DbOrTx,
  units: UnitDirectory,
  user: CurrentUser,
  m: MeetingRow,
): Promise<MeetingStanding> {
  const host = meetingHost(m, units)
  if (meetingStanding(user, units.tree, host, false)) return 'chair'
  const [a] = await db
    .select({ userId: schema.meetingAttendees.userId })
    .from(schema.meetingAttendees)
    .where(and(eq(schema.meetingAttendees.meetingId, m.id), eq(schema.meetingAttendees.userId, user.userId)))
    .limit(1)
  return meetingStanding(user, units.tree, host, !!a)
}
