// The audit trail people read (GET /api/history): what changed in a task, directive, report, inspection
// or the measure's settings, field by field, guarded by the policy that guards the record itself.

import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  accountabilityInspectionPolicy,
  directivePolicy,
  Forbidden,
  measurePolicy,
  NotFound,
  reportPolicy,
  taskPolicy,
  vnDay,
} from '@hub/domain'
import { and, asc, eq } from 'drizzle-orm'
import { Service } from './change'
import { teamIdsOf, withholdConclusion } from './inspections'
import { withUsers } from './user-names'

/** The record kinds whose history people can read, each guarded by the policy that guards the record. */
export const historyTypes = ['task', 'directive', 'report', 'inspection', 'measure_settings'] as const
export type HistoryType = (typeof historyTypes)[number]

/** Fields that change on every write and say nothing to a reader. */
const noise = new Set(['version', 'updatedAt', 'timeliness', 'today'])

/** The fields whose value differs between two snapshots of a record (shallow, as JSON). */
export function changedFields(before: unknown, after: unknown) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !noise.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }))
}

/**
 * Audit trail for people: who changed a record, what, when, before and after, for those who may
 * read the record itself.
 */
export class HistoryService extends Service {
  /**
   * Whether the actor may read the record, and whether what its history holds must be withheld from
   * him: an inspection's conclusion before it is published to the inspected unit.
   */
  private async mayRead(actor: CurrentUser, type: HistoryType, id: string): Promise<boolean | 'withheld'> {
    const tree = this.units.tree
    // Records other than the settings are named by uuid; anything else names no record.
    if (type !== 'measure_settings' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw new NotFound('record')
    if (type === 'task') {
      const [row] = await this.db.select().from(schema.tasks).where(eq(schema.tasks.id, id)).limit(1)
      if (!row) throw new NotFound('task')
      const supports = await this.db
        .select({ unitId: schema.taskSupportUnits.unitId })
        .from(schema.taskSupportUnits)
        .where(eq(schema.taskSupportUnits.taskId, id))
      return taskPolicy.read(actor, tree, { ...row, supportUnitIds: supports.map((s) => s.unitId) })
    }
    if (type === 'directive') {
      const [row] = await this.db.select().from(schema.directives).where(eq(schema.directives.id, id)).limit(1)
      if (!row) throw new NotFound('directive')
      return directivePolicy.read(actor, tree, row)
    }
    if (type === 'report') {
      const [row] = await this.db.select().from(schema.reports).where(eq(schema.reports.id, id)).limit(1)
      if (!row) throw new NotFound('report')
      return reportPolicy.read(actor, tree, row.unitId)
    }
    if (type === 'inspection') {
      const [row] = await this.db.select().from(schema.inspections).where(eq(schema.inspections.id, id)).limit(1)
      if (!row) throw new NotFound('inspection')
      if (
        !accountabilityInspectionPolicy.read(
          actor,
          tree,
          { unitId: row.unitId, unannounced: row.unannounced, date: row.scheduledOn },
          vnDay(),
        )
      )
        return false
      const teams = await teamIdsOf(this.db, actor.userId)
      return accountabilityInspectionPolicy.readConclusion(actor, tree, row, teams) || 'withheld'
    }
    const root = this.units.root()
    return !!root && measurePolicy.read(actor, tree, root.id)
  }

  async list(actor: CurrentUser, type: HistoryType, id: string) {
    const may = await this.mayRead(actor, type, id)
    if (!may) throw new Forbidden()
    const shown = (snapshot: unknown) =>
      may === 'withheld' && snapshot && typeof snapshot === 'object'
        ? withholdConclusion(snapshot as Record<string, unknown>)
        : snapshot
    const a = schema.auditLog
    const rows = await withUsers(
      this.db,
      await this.db
        .select()
        .from(a)
        .where(and(eq(a.entityType, type), eq(a.entityId, id)))
        .orderBy(asc(a.id)),
      (x) => x.actorUserId,
    )
    return {
      entries: rows.map(({ row: entry, name }) => {
        const before = shown(entry.before)
        const after = shown(entry.after)
        return {
          id: entry.id,
          action: entry.action,
          actorUserId: entry.actorUserId,
          // No actor: the hub itself (the scheduler marking a task overdue).
          actorName: name ?? null,
          at: entry.createdAt.toISOString(),
          changes: changedFields(before, after),
          before,
          after,
        }
      }),
    }
  }
}
