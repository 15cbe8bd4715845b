import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import { directs } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import type { UnitDirectory } from './unit-directory'

type MeetingRow = typeof schema.meetings.$inferSelect

/** The unit a meeting is held by (the city when none is recorded). */
export const meetingHost = (m: MeetingRow, units: UnitDirectory) => m.hostUnitId ?? units.root()?.id ?? ''

/**
 * How a user stands to a meeting: `chair` (directs its host unit: reads and changes it), `attendee`
 * (reads it), or null. The one rule for the API, the live rooms and the links a task names.
 */
export async function meetingAccess(
  db: DbOrTx,
  units: UnitDirectory,
  user: CurrentUser,
  m: MeetingRow,
): Promise<'chair' | 'attendee' | null> {
  if (directs(user, units.tree, meetingHost(m, units))) return 'chair'
  const [a] = await db
    .select({ userId: schema.meetingAttendees.userId })
    .from(schema.meetingAttendees)
    .where(and(eq(schema.meetingAttendees.meetingId, m.id), eq(schema.meetingAttendees.userId, user.userId)))
    .limit(1)
  return a ? 'attendee' : null
}
