// A user's access to a collaborative document (write, read, none, missing), from the records it belongs to.
import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import type { UnitTree } from '@hub/domain'
import { cityReportPolicy, documentPolicy } from '@hub/domain'
import { and, eq } from 'drizzle-orm'
import { parseDocName } from './doc-name'

/** What a user may do with a document; 'missing' when the record it belongs to does not exist. */
export type Access = 'write' | 'read' | 'none' | 'missing'

async function directiveScope(db: DbOrTx, id: string) {
  const d = schema.directives
  const [row] = await db
    .select({ issuerUnitId: d.issuerUnitId, status: d.status, createdBy: d.createdBy })
    .from(d)
    .where(eq(d.id, id))
    .limit(1)
  return row
}

/**
 * Decides a user's access to a collaborative document by looking up the record it belongs to and
 * asking the domain's document policy. Pass the unit tree the API keeps (UnitDirectory.tree).
 */
export async function documentAccess(db: DbOrTx, tree: UnitTree, user: CurrentUser, docName: string): Promise<Access> {
  const parsed = parseDocName(docName)
  if (!parsed) return 'missing'
  const { kind, id } = parsed
  switch (kind) {
    case 'directive':
    case 'plan':
    case 'assignments': {
      const d = await directiveScope(db, id)
      if (!d) return 'missing'
      // The assignment table is worked on by the plan's people: also after the issue, until the directive ends.
      return kind === 'directive'
        ? documentPolicy.directiveText(user, tree, d)
        : documentPolicy.implementationPlan(user, tree, d)
    }
    case 'meeting':
    case 'meeting-assignments': {
      const m = schema.meetings
      const [row] = await db
        .select({ hostUnitId: m.hostUnitId, chairUserId: m.chairUserId })
        .from(m)
        .where(eq(m.id, id))
        .limit(1)
      if (!row) return 'missing'
      const a = schema.meetingAttendees
      const [attendee] = await db
        .select({ userId: a.userId })
        .from(a)
        .where(and(eq(a.meetingId, id), eq(a.userId, user.userId)))
        .limit(1)
      return documentPolicy.meetingMinutes(user, tree, { ...row, actorAttends: !!attendee })
    }
    case 'model': {
      const p = schema.modelPractices
      const [row] = await db.select({ originUnitId: p.originUnitId }).from(p).where(eq(p.id, id)).limit(1)
      if (!row) return 'missing'
      return documentPolicy.modelWriteUp(user, tree, row)
    }
    case 'city-report': {
      const r = schema.cityReports
      const [row] = await db.select({ issuerUnitId: r.issuerUnitId }).from(r).where(eq(r.id, id)).limit(1)
      if (!row) return 'missing'
      return cityReportPolicy.access(user, tree, row.issuerUnitId)
    }
  }
}
