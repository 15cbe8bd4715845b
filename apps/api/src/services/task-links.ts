// Checks shared by every write that makes or changes a task (tasks, assignments, inspections, models,
// periodic reports): the unit must be in force, and every record the task names must be one the actor may use.

import { type CurrentUser, loadCurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import {
  addDays,
  directivePolicy,
  Forbidden,
  formatVnDate,
  Invalid,
  inForce,
  type MessageKey,
  taskPolicy,
  vnDay,
} from '@hub/domain'
import { eq } from 'drizzle-orm'
import { meetingAccess } from './meeting-access'
import type { UnitDirectory } from './unit-directory'

/** The records a task write names besides the task itself. */
export interface TaskLinks {
  leadUnitId: string
  supportUnitIds: readonly string[]
  parentTaskId?: string | null
  directiveId?: string | null
  meetingId?: string | null
  accountableUserId?: string | null
}

const unknown = (field: string, what: MessageKey) =>
  new Invalid(field, 'unknownRecord', { what, field }, undefined, 'unknown')
const notYours = (field: string) => new Forbidden(field)

/**
 * Work is made only for a unit in force on the day it is made: a task, report or inspection for a
 * unit abolished by a reorganisation (or not yet in force) is refused with the field named. Records
 * made before keep their unit.
 */
export function requireInForce(units: UnitDirectory, unitId: string, field: string, day = vnDay()): void {
  const unit = units.get(unitId)
  if (!unit || inForce(unit, day)) return
  if (unit.validTo && unit.validTo < day) {
    const since = formatVnDate(addDays(unit.validTo, 1))
    throw new Invalid(field, 'unitCeased', { unit: unit.name, since, field }, undefined, 'unit not in force')
  }
  const from = formatVnDate(unit.validFrom)
  throw new Invalid(field, 'unitNotYetInForce', { unit: unit.name, from, field }, undefined, 'unit not in force')
}

/**
 * Every id a task write names must be one the actor may use, not only the task: a parent he may
 * change (a child's progress rolls up into it), a directive he may read, a meeting he attends or
 * chairs, and an accountable person in the line of command of the task's units.
 */
export async function authorizeTaskLinks(
  db: DbOrTx,
  units: UnitDirectory,
  actor: CurrentUser,
  links: TaskLinks,
): Promise<void> {
  const tree = units.tree
  if (links.parentTaskId) {
    const [parent] = await db.select().from(schema.tasks).where(eq(schema.tasks.id, links.parentTaskId)).limit(1)
    if (!parent) throw unknown('parentTaskId', 'parentTask')
    const supports = await db
      .select({ unitId: schema.taskSupportUnits.unitId })
      .from(schema.taskSupportUnits)
      .where(eq(schema.taskSupportUnits.taskId, parent.id))
    if (!taskPolicy.update(actor, tree, { ...parent, supportUnitIds: supports.map((s) => s.unitId) }))
      throw notYours('parentTaskId')
  }
  if (links.directiveId) {
    const [d] = await db.select().from(schema.directives).where(eq(schema.directives.id, links.directiveId)).limit(1)
    if (!d) throw unknown('directiveId', 'directive')
    if (!directivePolicy.read(actor, tree, d)) throw notYours('directiveId')
  }
  if (links.meetingId) {
    const [m] = await db.select().from(schema.meetings).where(eq(schema.meetings.id, links.meetingId)).limit(1)
    if (!m) throw unknown('meetingId', 'meeting')
    if (!(await meetingAccess(db, units, actor, m))) throw notYours('meetingId')
  }
  if (links.accountableUserId && links.accountableUserId !== actor.userId) {
    const person = await loadCurrentUser(db, links.accountableUserId)
    if (!person) throw unknown('accountableUserId', 'accountablePerson')
    const taskUnits = [links.leadUnitId, ...links.supportUnitIds]
    const theirs = [...person.grants.map((g) => g.unitId), ...(person.unitId ? [person.unitId] : [])]
    const inLine = theirs.some((p) => taskUnits.some((u) => tree.isWithin(u, p) || tree.isWithin(p, u)))
    if (!inLine) throw notYours('accountableUserId')
  }
}
