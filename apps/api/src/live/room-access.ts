// The live socket's room rules: which rooms a user may join (the rules of reading what the room
// carries), which a client may name itself, and which show presence. Used by socket-server.ts.

import type { CurrentUser } from '@hub/auth'
import { type Db, schema } from '@hub/db'
import { directivePolicy } from '@hub/domain'
import { eq } from 'drizzle-orm'
import { meetingAccess } from '../services/meeting-access'
import type { UnitDirectory } from '../services/unit-directory'

const roomPattern = /^(unit|directive|meeting|user):([0-9a-f-]{36})$/

/** Whether a user may join a live room: the same rules as reading what the room carries. */
export async function mayJoin(db: Db, units: UnitDirectory, user: CurrentUser, room: string): Promise<boolean> {
  const m = roomPattern.exec(room)
  if (!m) return false
  const [, kind, id] = m as unknown as [string, string, string]
  switch (kind) {
    case 'user':
      return id === user.userId
    case 'unit':
      return !!units.get(id) && user.grants.some((g) => units.tree.isWithin(id, g.unitId))
    case 'directive': {
      const [d] = await db.select().from(schema.directives).where(eq(schema.directives.id, id)).limit(1)
      return !!d && directivePolicy.read(user, units.tree, d)
    }
    case 'meeting': {
      const [meeting] = await db.select().from(schema.meetings).where(eq(schema.meetings.id, id)).limit(1)
      return !!meeting && (await meetingAccess(db, units, user, meeting)) !== null
    }
  }
  return false
}

/** Rooms where presence (who is viewing) is shown: the shared rooms, not their members' rooms. */
export const hasPresence = (room: string) => /^(directive|meeting):[0-9a-f-]{36}$/.test(room)

/** Rooms a client may join or leave by name; every other room (user, session, members' rooms) is the server's. */
export const isClientRoom = (room: string) => roomPattern.test(room) && !room.startsWith('user:')
