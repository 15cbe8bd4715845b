/**
 * The assignment table of a directive or a meeting, between its live document and the hub's tasks:
 * proposing rows from the text, settling rows into tasks (held on a draft directive until its issue,
 * then sent with it), and accepting a later edit of a settled row as a change to its task. The rows
 * are read from the collab store's snapshot (everything any editor saw is in it); what was settled
 * is kept in `assignment_settlements`, one per row, which makes settling twice create nothing.
 */
import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, type DirectiveRow, type MeetingRow, schema, type Tx } from '@hub/db'
import type { AnnexInput } from '@hub/documents'
import {
  type AssignmentProblem,
  type AssignmentRow,
  type AssignmentRowFields,
  assignmentFieldNames,
  assignmentProblems,
  Conflict,
  directivePolicy,
  documentPolicy,
  emptyAssignmentFields,
  Forbidden,
  Invalid,
  isDraftStatus,
  isSettleable,
  NotFound,
  type ProposedRow,
  proposalKey,
  recurrenceOfRow,
  rowChanges,
  rowRhythmOf,
  rowsOfState,
  shortTitle,
  statusAfterTasksConfirmed,
  taskPolicy,
  vnDay,
} from '@hub/domain'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { proposeDirectiveTasks } from '../commands/directive-task-drafts'
import { recordChange } from './audit'
import { Service } from './change'
import { presentDirective } from './directives'
import { documentsOf } from './document-text'
import { meetingAccess } from './meeting-access'
import { authorizeTaskLinks } from './task-links'
import { insertTask, presentTask, supportsOf, type TaskDto, TaskService } from './tasks'
import { headsOf, type UnitDirectory } from './unit-directory'
import { userNames } from './user-names'

const s = schema.assignmentSettlements
const d = schema.directives

export type AssignmentScopeKind = 'directive' | 'meeting'

/** A table and what the actor may do with it. */
interface Scope {
  kind: AssignmentScopeKind
  id: string
  docName: string
  directive: DirectiveRow | null
  meeting: MeetingRow | null
  canEdit: boolean
  canSettle: boolean
}

/** A row's settlement as the table shows it. */
export interface SettledRowView {
  rowId: string
  status: 'held' | 'sent'
  taskId: string | null
  fields: AssignmentRowFields
  /** What the row says now that its task does not: proposed changes, for the office to accept. */
  changes: ReturnType<typeof rowChanges>
}

/** The units a recipient line "để thực hiện" stands for (groups expanded on the directive's day). */
export async function executeRecipientsOf(db: DbOrTx, units: UnitDirectory, row: DirectiveRow): Promise<string[]> {
  const match = units.matcherOn(row.issuedAt ?? vnDay(), row.issuerUnitId)
  const r = schema.directiveRecipients
  const lines = await db
    .select()
    .from(r)
    .where(and(eq(r.directiveId, row.id), eq(r.capacity, 'execute')))
  return [
    ...new Set(
      lines.flatMap((x) => (x.unitId ? [x.unitId] : match(x.name).flatMap((m) => (m.ceased ? [] : m.unitIds)))),
    ),
  ]
}

/**
 * Makes the tasks of one agreed row: one lead, one task; several, a parent led by the issuer with a
 * child per unit (progress rolls up). Each lead's head answers for his copy unless the row names
 * someone. Returns the row's task (the parent for several) and every task made.
 */
export async function createAssignedTasks(
  tx: Tx,
  actor: CurrentUser,
  fields: AssignmentRowFields,
  link: { directiveId?: string | null; meetingId?: string | null; issuerUnitId: string },
  requestId?: string,
): Promise<{ task: TaskDto; all: TaskDto[] }> {
  const leads = [...new Set(fields.leadUnitIds)]
  const heads = await headsOf(tx, leads)
  const head = (u: string) => heads.get(u)?.[0] ?? null
  const base = {
    title: fields.title.trim(),
    description: fields.description,
    directiveId: link.directiveId ?? null,
    meetingId: link.meetingId ?? null,
    clauseOrdinal: fields.clauseOrdinal,
    dueAt: fields.dueAt,
    recurrence: recurrenceOfRow(fields),
    createdBy: actor.userId,
  }
  const insert = (values: typeof schema.tasks.$inferInsert, supports: string[]) =>
    insertTask(tx, values, supports, actor.userId, 'task.create', requestId)
  if (leads.length === 1) {
    const only = leads[0]!
    const task = await insert(
      { ...base, leadUnitId: only, accountableUserId: fields.accountableUserId ?? head(only) },
      fields.supportUnitIds,
    )
    return { task, all: [task] }
  }
  const parent = await insert(
    { ...base, leadUnitId: link.issuerUnitId, accountableUserId: fields.accountableUserId },
    [],
  )
  const all = [parent]
  for (const u of leads)
    all.push(
      await insert(
        { ...base, leadUnitId: u, parentTaskId: parent.id, accountableUserId: head(u) },
        fields.supportUnitIds,
      ),
    )
  return { task: parent, all }
}

/** A task's cells, to compare with its row. */
function fieldsOfTask(task: TaskDto, leadUnitIds: string[]): AssignmentRowFields {
  return {
    ...emptyAssignmentFields,
    title: task.title,
    description: task.description,
    clauseOrdinal: task.clauseOrdinal ?? null,
    leadUnitIds,
    supportUnitIds: task.supportUnitIds,
    accountableUserId: task.accountableUserId ?? null,
    dueAt: task.dueAt ?? null,
    ...rowRhythmOf(task.recurrence ?? null),
  }
}

export class AssignmentService extends Service {
  /** The table of a directive or a meeting, if the actor may read it. */
  private async scope(actor: CurrentUser, kind: AssignmentScopeKind, id: string): Promise<Scope> {
    const tree = this.units.tree
    if (kind === 'directive') {
      const [row] = await this.db.select().from(d).where(eq(d.id, id)).limit(1)
      if (!row || !directivePolicy.read(actor, tree, row)) throw new NotFound('directive')
      const ended = row.status === 'closed' || row.status === 'replaced'
      return {
        kind,
        id,
        docName: `assignments:${id}`,
        directive: row,
        meeting: null,
        canEdit: documentPolicy.implementationPlan(actor, tree, row) === 'write',
        // "Chốt phân công": the office that drafts it or the standing committee that issues it.
        canSettle: !ended && (directivePolicy.edit(actor, tree, row) || directivePolicy.issue(actor, tree, row)),
      }
    }
    const [m] = await this.db.select().from(schema.meetings).where(eq(schema.meetings.id, id)).limit(1)
    const standing = m ? await meetingAccess(this.db, this.units, actor, m) : null
    if (!m || (standing === null && m.chairUserId !== actor.userId)) throw new NotFound('meeting')
    const chairs = standing === 'chair' || m.chairUserId === actor.userId
    return {
      kind,
      id,
      docName: `meeting-assignments:${id}`,
      directive: null,
      meeting: m,
      canEdit: chairs,
      canSettle: chairs,
    }
  }

  /** The table's rows as every editor has seen them (removed rows left out). */
  private async rows(docName: string): Promise<AssignmentRow[]> {
    const snap = await documentsOf(this.deps).snapshot(docName)
    return rowsOfState(snap.state).filter((r) => !r.removed)
  }

  private unitRef = (id: string) => {
    const u = this.units.get(id)
    return u ? { validFrom: u.validFrom, validTo: u.validTo } : undefined
  }

  /** The problems a row has now (the same check the table shows on the row). */
  problemsOf(row: AssignmentRowFields): AssignmentProblem[] {
    return assignmentProblems(row, this.unitRef)
  }

  /** Whether the row's accountable person is one the actor may name for its units (as on any task). */
  private async inLine(actor: CurrentUser, row: AssignmentRowFields): Promise<boolean> {
    const [lead, ...others] = row.leadUnitIds
    if (!lead) return true
    try {
      await authorizeTaskLinks(this.db, this.units, actor, {
        leadUnitId: lead,
        supportUnitIds: [...others, ...row.supportUnitIds],
        accountableUserId: row.accountableUserId,
      })
      return true
    } catch (err) {
      if (err instanceof Invalid || err instanceof Forbidden) return false
      throw err
    }
  }

  /** What was settled, with each sent row's proposed changes against its task. */
  async state(actor: CurrentUser, kind: AssignmentScopeKind, id: string) {
    const scope = await this.scope(actor, kind, id)
    const settled = await this.db.select().from(s).where(eq(s.docName, scope.docName))
    const live = settled.length ? new Map((await this.rows(scope.docName)).map((r) => [r.id, r])) : new Map()
    const taskIds = settled.flatMap((x) => (x.taskId ? [x.taskId] : []))
    const tasks = taskIds.length
      ? await this.db.select().from(schema.tasks).where(inArray(schema.tasks.id, taskIds))
      : []
    const supports = await supportsOf(this.db, taskIds)
    const children = taskIds.length
      ? await this.db
          .select({ parentTaskId: schema.tasks.parentTaskId, leadUnitId: schema.tasks.leadUnitId })
          .from(schema.tasks)
          .where(inArray(schema.tasks.parentTaskId, taskIds))
      : []
    const byId = new Map(tasks.map((t) => [t.id, presentTask(t, supports.get(t.id) ?? [])]))
    const rows: SettledRowView[] = settled.map((x) => {
      const task = x.taskId ? byId.get(x.taskId) : undefined
      const row = live.get(x.rowId)
      let changes: SettledRowView['changes'] = []
      if (task && row) {
        const kids = children.filter((c) => c.parentTaskId === task.id).map((c) => c.leadUnitId)
        changes = rowChanges(row, fieldsOfTask(task, kids.length ? kids : [task.leadUnitId]))
      }
      return { rowId: x.rowId, status: x.status, taskId: x.taskId, fields: x.fields, changes }
    })
    return { docName: scope.docName, canEdit: scope.canEdit, canSettle: scope.canSettle, rows }
  }

  /**
   * Rows proposed from the directive's clauses: a short title (the clause stays the description),
   * units read on the directive's day, a clause naming no unit for the recipients "để thực hiện".
   * Each row's id comes from its source key, so proposing again (or two people at once) adds a row once.
   */
  async proposals(
    actor: CurrentUser,
    id: string,
    propose: () => ReturnType<typeof proposeDirectiveTasks>,
  ): Promise<{
    proposals: ProposedRow[]
    ceasedUnits: Awaited<ReturnType<typeof proposeDirectiveTasks>>['ceasedUnits']
  }> {
    const scope = await this.scope(actor, 'directive', id)
    if (!scope.canEdit) throw new Forbidden()
    const { drafts, ceasedUnits } = await propose()
    const recipients = await executeRecipientsOf(this.db, this.units, scope.directive!)
    const proposals = drafts.map((x) => {
      const sourceKey = proposalKey(x.clauseOrdinal, x.sourceText)
      const leadUnitIds = x.leadUnitIds.length ? x.leadUnitIds : recipients
      return {
        id: `p-${sourceKey.replace(/[^0-9a-z]/gi, '-')}`,
        sourceKey,
        fields: {
          ...emptyAssignmentFields,
          title: shortTitle(x.title),
          description: x.sourceText,
          clauseOrdinal: x.clauseOrdinal,
          leadUnitIds,
          supportUnitIds: x.supportUnitIds.filter((u) => !leadUnitIds.includes(u)),
          dueAt: x.dueAt,
          ...rowRhythmOf(x.recurrence),
        },
      }
    })
    return { proposals, ceasedUnits }
  }

  /**
   * "Chốt phân công": every row without an error (or those named) becomes its task, in one
   * transaction. On a draft directive the rows are held and their tasks go out at the issue. A row
   * settled before is left alone; a row with problems is skipped and returned with them.
   */
  async settle(actor: CurrentUser, kind: AssignmentScopeKind, id: string, rowIds?: string[], requestId?: string) {
    const scope = await this.scope(actor, kind, id)
    if (!scope.canSettle) throw new Forbidden()
    const rows = await this.rows(scope.docName)
    const chosen = rowIds ? rowIds.map((rowId, i) => rows.find((r) => r.id === rowId) ?? missingRow(i)) : rows
    const settledBefore = new Set(
      (await this.db.select({ rowId: s.rowId }).from(s).where(eq(s.docName, scope.docName))).map((x) => x.rowId),
    )
    const already = chosen.filter((r) => settledBefore.has(r.id)).map((r) => r.id)
    const skipped: { rowId: string; problems: AssignmentProblem[] }[] = []
    const ready: AssignmentRow[] = []
    for (const row of chosen) {
      if (settledBefore.has(row.id)) continue
      const problems = this.problemsOf(row)
      if (row.accountableUserId && !(await this.inLine(actor, row)))
        problems.push({ field: 'accountableUserId', code: 'accountableNotInLine', severity: 'error' })
      if (!isSettleable(problems)) skipped.push({ rowId: row.id, problems })
      else if (row.leadUnitIds.some((u) => !taskPolicy.create(actor, this.units.tree, u))) throw new Forbidden()
      else ready.push(row)
    }
    const hold = scope.directive ? isDraftStatus(scope.directive.status) : false
    const issuerUnitId = scope.directive?.issuerUnitId ?? scope.meeting?.hostUnitId ?? this.units.root()!.id
    const result = await this.change(async (tx) => {
      const created: { rowId: string; taskId: string }[] = []
      const held: string[] = []
      for (const row of ready) {
        const fields = pickFields(row)
        const [inserted] = await tx
          .insert(s)
          .values({
            docName: scope.docName,
            rowId: row.id,
            directiveId: scope.directive?.id ?? null,
            meetingId: scope.meeting?.id ?? null,
            fields,
            status: hold ? 'held' : 'sent',
            settledBy: actor.userId,
            sentAt: hold ? null : new Date(),
          })
          .onConflictDoNothing()
          .returning({ id: s.id })
        // Settled meanwhile by someone else: nothing more to make.
        if (!inserted) {
          already.push(row.id)
          continue
        }
        if (hold) {
          held.push(row.id)
          continue
        }
        const { task } = await createAssignedTasks(
          tx,
          actor,
          fields,
          { directiveId: scope.directive?.id, meetingId: scope.meeting?.id, issuerUnitId },
          requestId,
        )
        await tx.update(s).set({ taskId: task.id }).where(eq(s.id, inserted.id))
        created.push({ rowId: row.id, taskId: task.id })
      }
      const settledRowIds = [...created.map((x) => x.rowId), ...held]
      if (settledRowIds.length)
        await recordChange(tx, {
          actorUserId: actor.userId,
          action: 'assignments.settle',
          entityType: scope.kind,
          entityId: scope.id,
          after: { docName: scope.docName, created, held },
          requestId,
          event: {
            type: 'assignments.settled',
            payload: {
              docName: scope.docName,
              directiveId: scope.directive?.id ?? null,
              meetingId: scope.meeting?.id ?? null,
              rowIds: settledRowIds,
            },
          },
        })
      if (created.length && scope.directive) await putInForce(tx, actor, scope.directive, created.length, requestId)
      return { created, held }
    })
    return { ...result, skipped, already }
  }

  /** The office accepts a settled row's later edits as changes to its task (and its children's copies). */
  async accept(actor: CurrentUser, kind: AssignmentScopeKind, id: string, rowId: string, requestId?: string) {
    const scope = await this.scope(actor, kind, id)
    if (!scope.canSettle) throw new Forbidden()
    const [settled] = await this.db
      .select()
      .from(s)
      .where(and(eq(s.docName, scope.docName), eq(s.rowId, rowId)))
      .limit(1)
    if (!settled) throw new NotFound('assignmentRow')
    const row = (await this.rows(scope.docName)).find((r) => r.id === rowId)
    if (!row) throw new Conflict('row_removed', 'assignmentRowRemoved', {})
    const problems = this.problemsOf(row).filter((p) => p.severity === 'error' && p.code !== 'duePast')
    if (problems.length)
      throw new Invalid(
        problems[0]!.field,
        'assignmentRowProblem',
        { code: problems[0]!.code },
        undefined,
        problems[0]!.code,
      )
    const fields = pickFields(row)
    if (!settled.taskId) {
      // Held: the agreed row is simply what goes out at the issue.
      await this.change(async (tx) => {
        await tx.update(s).set({ fields }).where(eq(s.id, settled.id))
      })
      return { task: null }
    }
    const tasks = new TaskService(this.deps)
    const targets = await this.db
      .select({ id: schema.tasks.id, version: schema.tasks.version, parentTaskId: schema.tasks.parentTaskId })
      .from(schema.tasks)
      .where(sql`${schema.tasks.id} = ${settled.taskId} or ${schema.tasks.parentTaskId} = ${settled.taskId}`)
    let main: TaskDto | null = null
    for (const t of targets) {
      const dto = await tasks.patch(
        actor,
        t.id,
        {
          version: t.version,
          title: fields.title.trim(),
          description: fields.description,
          dueAt: fields.dueAt,
          recurrence: recurrenceOfRow(fields),
          ...(t.parentTaskId || targets.length === 1 ? { supportUnitIds: fields.supportUnitIds } : {}),
          ...(t.parentTaskId ? {} : { accountableUserId: fields.accountableUserId ?? undefined }),
        },
        requestId,
      )
      if (t.id === settled.taskId) main = dto
    }
    await this.change(async (tx) => {
      await tx.update(s).set({ fields }).where(eq(s.id, settled.id))
    })
    return { task: main }
  }

  /**
   * The table as the annex of the implementation plan (Phụ lục phân công): the rows in table order
   * (settled rows no longer in the table after them), each worded with its units, person and state.
   */
  async annex(actor: CurrentUser, kind: AssignmentScopeKind, id: string): Promise<AnnexInput> {
    const scope = await this.scope(actor, kind, id)
    const live = await this.rows(scope.docName)
    const settled = await this.db.select().from(s).where(eq(s.docName, scope.docName))
    const stateOf = new Map(settled.map((x) => [x.rowId, x.status]))
    // The table's rows, then settled rows no longer in it (drafts confirmed outside the table).
    const rows: (AssignmentRowFields & { id: string })[] = [
      ...live,
      ...settled.filter((x) => !live.some((r) => r.id === x.rowId)).map((x) => ({ ...x.fields, id: x.rowId })),
    ]
    const names = await userNames(
      this.db,
      rows.map((r) => r.accountableUserId),
    )
    const unitNames = (list: string[]) => list.map((u) => this.units.get(u)?.name ?? '')
    const stateWord = (rowId: string) => {
      const status = stateOf.get(rowId)
      return status === 'sent' ? 'Đã giao' : status === 'held' ? 'Chờ ban hành' : 'Chưa chốt'
    }
    const directive = scope.directive
    const host = scope.meeting ? this.units.get(scope.meeting.hostUnitId ?? this.units.root()!.id) : null
    return {
      layout: directive?.layout ?? 'party',
      issuer: directive?.issuer ?? (host?.name ?? '').toLocaleUpperCase('vi'),
      directiveNumber: directive?.number ?? null,
      directiveTitle: directive?.title ?? scope.meeting!.title,
      issuedAt: directive?.issuedAt ?? vnDay(scope.meeting?.startsAt ?? new Date()),
      draft: directive ? isDraftStatus(directive.status) : false,
      documentKind: directive ? null : 'Kết luận cuộc họp',
      issuedBy: directive?.issuedBy ?? null,
      rows: rows.map((r, i) => ({
        ordinal: i + 1,
        title: r.title,
        description: r.description,
        clauseOrdinal: r.clauseOrdinal,
        leads: unitNames(r.leadUnitIds),
        supports: unitNames(r.supportUnitIds),
        accountable: r.accountableUserId ? (names.get(r.accountableUserId) ?? null) : null,
        dueAt: r.dueAt,
        rhythm: r.freq ? (rhythmWords[r.freq] ?? null) : null,
        reportCycle: r.reportCycle ? (rhythmWords[r.reportCycle] ?? null) : null,
        note: r.note,
        state: stateWord(r.id),
      })),
    }
  }

  /**
   * At a directive's issue, in its transaction: the held rows' tasks go out with it (and it is then
   * in force, as when tasks are confirmed on an issued directive).
   */
  static async sendHeld(
    tx: Tx,
    actor: CurrentUser,
    directive: DirectiveRow,
    issuerUnitId: string,
    requestId?: string,
  ): Promise<number> {
    const held = await tx
      .select()
      .from(s)
      .where(and(eq(s.directiveId, directive.id), eq(s.status, 'held')))
    for (const x of held) {
      const { task } = await createAssignedTasks(
        tx,
        actor,
        x.fields,
        { directiveId: directive.id, issuerUnitId },
        requestId,
      )
      await tx.update(s).set({ status: 'sent', taskId: task.id, sentAt: new Date() }).where(eq(s.id, x.id))
    }
    return held.length
  }
}

/** How a rhythm or report cycle is worded in the hub's documents (the annex, a conclusion notice). */
export const rhythmWords: Record<string, string> = {
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  ongoing: 'Thường xuyên',
}

function missingRow(i: number): never {
  throw new Invalid(`rowIds.${i}`, 'assignmentRowUnknown', { index: i }, undefined, 'no such row')
}

function pickFields(row: AssignmentRowFields): AssignmentRowFields {
  return Object.fromEntries(assignmentFieldNames.map((k) => [k, row[k]])) as unknown as AssignmentRowFields
}

/** Confirming tasks on an issued directive puts it in force (audited and announced like any move). */
export async function putInForce(
  tx: Tx,
  actor: CurrentUser,
  row: DirectiveRow,
  tasks: number,
  requestId?: string,
): Promise<DirectiveRow | null> {
  const next = statusAfterTasksConfirmed(row.status)
  if (!next) return null
  const [updated] = await tx
    .update(d)
    .set({ status: next, updatedAt: new Date(), version: sql`${d.version} + 1` })
    .where(and(eq(d.id, row.id), eq(d.status, row.status)))
    .returning()
  if (!updated) return null
  const r = schema.directiveRecipients
  const recipients = await tx.select().from(r).where(eq(r.directiveId, row.id)).orderBy(r.ordinal)
  await recordChange(tx, {
    actorUserId: actor.userId,
    action: 'directive.put_in_force',
    entityType: 'directive',
    entityId: row.id,
    before: { status: row.status },
    after: { status: next, tasks },
    requestId,
    event: {
      type: 'directive.updated',
      payload: { directive: presentDirective(updated, recipients), statusChanged: true },
    },
  })
  return updated
}
