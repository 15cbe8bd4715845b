// Inspections (kiểm tra) and inspection teams: recording a visit, its checklist under a directive, and
// publishing its conclusion, which stays withheld from the inspected unit until then. Used by the
// inspection routes, the measure and history.

import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import {
  accountabilityInspectionPolicy,
  directivePolicy,
  directs,
  Forbidden,
  formatVnDate,
  Invalid,
  inspectionKinds,
  inspectionOutcomes,
  inspectionPolicy,
  inspectionTeamPolicy,
  isoDateSchema,
  NotFound,
  vnDay,
} from '@hub/domain'
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { audit, recordChange } from './audit'
import { Service } from './change'
import { outcomeFromDb, outcomeToDb } from './measure'
import { requireInForce } from './task-links'
import { insertTask, type TaskDto } from './tasks'
import { headsOf } from './unit-directory'

export const checklistResults = ['met', 'partly', 'not_met'] as const

export const inspectionCreateSchema = z
  .object({
    unitId: z.string().uuid(),
    kind: z.enum(inspectionKinds),
    date: isoDateSchema,
    findings: z.string().trim().min(1).max(20_000),
    outcome: z.enum(inspectionOutcomes),
    /** The conclusion, if it says more than the findings. */
    conclusion: z.string().trim().max(20_000).optional(),
    teamId: z.string().uuid().optional(),
    /** Conclusions published "để làm gương". */
    published: z.boolean().optional(),
    /** The directive whose clauses are checked (GET /api/inspections/checklist?directiveId=). */
    directiveId: z.string().uuid().optional(),
    /** One result per clause checked; needs directiveId. */
    checklist: z
      .array(
        z
          .object({
            ordinal: z.number().int().positive(),
            result: z.enum(checklistResults),
            note: z.string().trim().max(2_000).default(''),
          })
          .strict(),
      )
      .max(200)
      .optional(),
    /** What the unit must fix: each becomes a task of the inspected unit. */
    followUps: z
      .array(z.object({ title: z.string().trim().min(1).max(500), dueAt: isoDateSchema.optional() }).strict())
      .max(20)
      .optional(),
  })
  .strict()
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>

export const inspectionTeamCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    /** The decision that set the team up, e.g. "1103-QĐ/TU". */
    decisionNumber: z.string().trim().min(1).max(100),
    leaderUserId: z.string().uuid().optional(),
    memberUserIds: z.array(z.string().uuid()).min(1).max(50),
  })
  .strict()
export type InspectionTeamCreate = z.infer<typeof inspectionTeamCreateSchema>

export const checklistQuerySchema = z.object({ directiveId: z.string().uuid() })

export const inspectionListQuerySchema = z.object({
  unitId: z.string().uuid().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

type InspectionRow = typeof schema.inspections.$inferSelect

/** The inspection teams a user leads or belongs to: their members read the team's conclusions before publication. */
export async function teamIdsOf(db: DbOrTx, userId: string): Promise<Set<string>> {
  const [members, led] = await Promise.all([
    db
      .select({ id: schema.inspectionTeamMembers.teamId })
      .from(schema.inspectionTeamMembers)
      .where(eq(schema.inspectionTeamMembers.userId, userId)),
    db
      .select({ id: schema.inspectionTeams.id })
      .from(schema.inspectionTeams)
      .where(eq(schema.inspectionTeams.leaderUserId, userId)),
  ])
  return new Set([...members, ...led].map((t) => t.id))
}

/** The parts of an inspection that are its conclusion: withheld from the inspected unit until published. */
export const conclusionFields = ['findings', 'conclusion', 'outcome', 'checklist'] as const

/** An inspection (or a snapshot of one) with its conclusion withheld. */
export function withholdConclusion<T extends Record<string, unknown>>(i: T): T & { withheld: true } {
  return { ...i, findings: '', conclusion: '', outcome: null, checklist: [], withheld: true }
}

/** Inspections (kiểm tra): recorded by inspectors and the standing committee, never by the unit itself. */
export class InspectionService extends Service {
  /**
   * The inspection as `reader` may see it: before publication its conclusion (findings, conclusion,
   * outcome, checklist) only for those `accountabilityInspectionPolicy.readConclusion` allows; the
   * inspected unit sees that a visit was recorded, its date and kind, and `withheld: true`.
   */
  presentFor(
    reader: CurrentUser,
    teamIds: ReadonlySet<string>,
    i: InspectionRow,
    findings: string[],
    teamName: string | null,
  ) {
    const full = this.present(i, findings, teamName)
    return accountabilityInspectionPolicy.readConclusion(reader, this.units.tree, i, teamIds)
      ? full
      : withholdConclusion(full)
  }

  present(i: InspectionRow, findings: string[], teamName: string | null) {
    return {
      id: i.id,
      unitId: i.unitId,
      unitName: this.units.get(i.unitId)?.name ?? '',
      kind: i.unannounced ? ('unannounced' as const) : ('planned' as const),
      date: i.scheduledOn,
      status: i.status,
      findings: findings.join('\n'),
      conclusion: i.conclusion,
      outcome: i.outcome ? (outcomeFromDb[i.outcome] ?? null) : null,
      teamId: i.teamId,
      teamName,
      published: i.published,
      publishedAt: i.publishedAt?.toISOString() ?? null,
      directiveId: i.directiveId,
      checklist: i.checklist,
      createdBy: i.createdBy,
      createdAt: i.createdAt.toISOString(),
      withheld: false as boolean,
    }
  }

  async record(actor: CurrentUser, input: InspectionCreate, requestId?: string) {
    if (!this.units.get(input.unitId)) throw new NotFound('unit')
    if (!accountabilityInspectionPolicy.record(actor, this.units.tree, input.unitId)) throw new Forbidden()
    requireInForce(this.units, input.unitId, 'unitId')
    return await this.change(async (tx) => {
      let teamName: string | null = null
      const readerIds = [actor.userId]
      if (input.teamId) {
        const [team] = await tx
          .select({ name: schema.inspectionTeams.name, leaderUserId: schema.inspectionTeams.leaderUserId })
          .from(schema.inspectionTeams)
          .where(eq(schema.inspectionTeams.id, input.teamId))
        if (!team) throw new Invalid('teamId', 'unknownTeam', {}, undefined, 'unknown team')
        const members = await tx
          .select({ userId: schema.inspectionTeamMembers.userId })
          .from(schema.inspectionTeamMembers)
          .where(eq(schema.inspectionTeamMembers.teamId, input.teamId))
        const memberIds = [...members.map((m) => m.userId), ...(team.leaderUserId ? [team.leaderUserId] : [])]
        if (!accountabilityInspectionPolicy.recordForTeam(actor, this.units.tree, input.unitId, memberIds))
          throw new Forbidden()
        teamName = team.name
        readerIds.push(...memberIds)
      }
      let checklist: InspectionRow['checklist'] = []
      if (input.checklist?.length || input.directiveId) {
        const fail = (path: string, message: string) =>
          new Invalid(path, 'invalidChecklist', { field: path }, undefined, message)
        if (!input.directiveId) throw fail('directiveId', 'a checklist needs the directive it follows')
        const [directive] = await tx.select().from(schema.directives).where(eq(schema.directives.id, input.directiveId))
        if (!directive || !directivePolicy.read(actor, this.units.tree, directive))
          throw fail('directiveId', 'unknown directive')
        const clauses = await tx
          .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
          .from(schema.directiveClauses)
          .where(eq(schema.directiveClauses.directiveId, input.directiveId))
        const seen = new Set<number>()
        for (const [n, item] of (input.checklist ?? []).entries()) {
          const clause = clauses.find((c) => c.ordinal === item.ordinal)
          if (!clause || seen.has(item.ordinal))
            throw fail(`checklist.${n}.ordinal`, clause ? 'clause listed twice' : 'no such clause in the directive')
          seen.add(item.ordinal)
          checklist.push({ ordinal: item.ordinal, text: clause.text, result: item.result, note: item.note })
        }
        checklist = checklist.sort((a, b) => a.ordinal - b.ordinal)
      }
      const [row] = await tx
        .insert(schema.inspections)
        .values({
          unitId: input.unitId,
          teamId: input.teamId ?? null,
          unannounced: input.kind === 'unannounced',
          scheduledOn: input.date,
          status: 'concluded',
          conclusion: input.conclusion ?? input.findings,
          outcome: outcomeToDb[input.outcome],
          published: input.published ?? false,
          publishedAt: input.published ? new Date() : null,
          directiveId: input.directiveId ?? null,
          checklist,
          createdBy: actor.userId,
        })
        .returning()
      await tx.insert(schema.inspectionFindings).values({ inspectionId: row!.id, text: input.findings })
      const inspection = this.present(row!, [input.findings], teamName)
      const followUps: TaskDto[] = []
      for (const f of input.followUps ?? [])
        followUps.push(
          await insertTask(
            tx,
            {
              title: f.title,
              // The findings go to the unit with the conclusion, when it is published; the remedy goes now.
              description: `Theo kết luận kiểm tra ngày ${formatVnDate(input.date)} (${inspection.id})${input.published ? `: ${input.findings}` : ''}`,
              leadUnitId: input.unitId,
              dueAt: f.dueAt ?? null,
              createdBy: actor.userId,
            },
            [],
            actor.userId,
            'task.create',
            requestId,
          ),
        )
      await audit(tx, { actor, requestId }, 'inspection.record', ['inspection', inspection.id], {
        after: inspection,
        event: { type: 'inspection.recorded', payload: { inspection, readerIds: [...new Set(readerIds)] } },
      })
      return { inspection, followUps }
    })
  }

  async list(actor: CurrentUser, q: z.infer<typeof inspectionListQuerySchema>) {
    const i = schema.inspections
    const conds: (SQL | undefined)[] = []
    if (q.unitId) {
      if (!this.units.get(q.unitId)) throw new NotFound('unit')
      if (!inspectionPolicy.read(actor, this.units.tree, q.unitId)) throw new Forbidden()
      conds.push(eq(i.unitId, q.unitId))
    } else {
      const root = this.units.root()
      if (!root || !directs(actor, this.units.tree, root.id)) {
        const reach = [...new Set(actor.grants.flatMap((g) => this.units.tree.subtree(g.unitId)))]
        if (!reach.length) return { inspections: [] }
        conds.push(inArray(i.unitId, reach))
      }
    }
    if (q.from) conds.push(gte(i.scheduledOn, q.from))
    if (q.to) conds.push(lte(i.scheduledOn, q.to))
    const rows = await this.db
      .select({ inspection: i, teamName: schema.inspectionTeams.name })
      .from(i)
      .leftJoin(schema.inspectionTeams, eq(schema.inspectionTeams.id, i.teamId))
      .where(and(...conds))
      .orderBy(desc(i.scheduledOn), desc(i.createdAt))
      .limit(q.limit)
    const today = vnDay()
    const teamIds = await teamIdsOf(this.db, actor.userId)
    const visible = rows.filter((r) =>
      accountabilityInspectionPolicy.read(
        actor,
        this.units.tree,
        { unitId: r.inspection.unitId, unannounced: r.inspection.unannounced, date: r.inspection.scheduledOn },
        today,
      ),
    )
    const findings = visible.length
      ? await this.db
          .select()
          .from(schema.inspectionFindings)
          .where(
            inArray(
              schema.inspectionFindings.inspectionId,
              visible.map((r) => r.inspection.id),
            ),
          )
      : []
    return {
      inspections: visible.map((r) =>
        this.presentFor(
          actor,
          teamIds,
          r.inspection,
          findings.filter((f) => f.inspectionId === r.inspection.id).map((f) => f.text),
          r.teamName,
        ),
      ),
    }
  }

  /**
   * Publishes the conclusion to the inspected unit: its heads are notified (the event is written with
   * the change; the notification rows in its delivery). Publishing again changes nothing.
   */
  async publish(actor: CurrentUser, id: string, requestId?: string) {
    const [found] = await this.db
      .select({ inspection: schema.inspections, teamName: schema.inspectionTeams.name })
      .from(schema.inspections)
      .leftJoin(schema.inspectionTeams, eq(schema.inspectionTeams.id, schema.inspections.teamId))
      .where(eq(schema.inspections.id, id))
    if (!found) throw new NotFound('inspection')
    const findingsOf = async (tx: DbOrTx) =>
      (
        await tx
          .select({ text: schema.inspectionFindings.text })
          .from(schema.inspectionFindings)
          .where(eq(schema.inspectionFindings.inspectionId, id))
      ).map((f) => f.text)
    const { inspection: row, teamName } = found
    if (!accountabilityInspectionPolicy.publish(actor, this.units.tree, row)) throw new Forbidden()
    if (row.published) return { inspection: this.present(row, await findingsOf(this.db), teamName) }
    return await this.change(async (tx) => {
      const [updated] = await tx
        .update(schema.inspections)
        .set({ published: true, publishedAt: new Date() })
        .where(eq(schema.inspections.id, id))
        .returning()
      const findings = await findingsOf(tx)
      const before = this.present(row, findings, teamName)
      const inspection = this.present(updated!, findings, teamName)
      const heads = ((await headsOf(tx, [row.unitId])).get(row.unitId) ?? []).filter((u) => u !== actor.userId)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'inspection.publish',
        entityType: 'inspection',
        entityId: id,
        before,
        after: inspection,
        requestId,
        event: { type: 'inspection.published', payload: { inspection, userIds: heads } },
      })
      return { inspection }
    })
  }

  /** The checklist of an inspection under a directive: one item per clause, in order. */
  async checklist(actor: CurrentUser, directiveId: string) {
    const [row] = await this.db.select().from(schema.directives).where(eq(schema.directives.id, directiveId))
    if (!row) throw new NotFound('directive')
    if (!directivePolicy.read(actor, this.units.tree, row)) throw new Forbidden()
    const items = await this.db
      .select({ ordinal: schema.directiveClauses.ordinal, text: schema.directiveClauses.text })
      .from(schema.directiveClauses)
      .where(eq(schema.directiveClauses.directiveId, directiveId))
      .orderBy(asc(schema.directiveClauses.ordinal))
    return { directiveId, items }
  }

  /** Teams set up by a decision, for the inspection form. */
  async teams() {
    const rows = await this.db.select().from(schema.inspectionTeams).orderBy(schema.inspectionTeams.name)
    const members = rows.length
      ? await this.db
          .select()
          .from(schema.inspectionTeamMembers)
          .where(
            inArray(
              schema.inspectionTeamMembers.teamId,
              rows.map((t) => t.id),
            ),
          )
      : []
    return {
      teams: rows.map((t) => ({
        id: t.id,
        name: t.name,
        decisionNumber: t.decisionNumber,
        leaderUserId: t.leaderUserId,
        memberUserIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
      })),
    }
  }

  /** A team set up by a decision of the standing committee: its number, its leader and members. */
  async createTeam(actor: CurrentUser, input: InspectionTeamCreate, requestId?: string) {
    const root = this.units.root()
    if (!root || !inspectionTeamPolicy.create(actor, this.units.tree, root.id)) throw new Forbidden()
    const memberUserIds = [...new Set(input.memberUserIds)]
    const wanted = [...new Set([...memberUserIds, ...(input.leaderUserId ? [input.leaderUserId] : [])])]
    const found = await this.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(inArray(schema.users.id, wanted))
    const missing = wanted.filter((id) => !found.some((u) => u.id === id))
    if (missing.length)
      throw new Invalid(
        missing.map((id) => ({
          path: id === input.leaderUserId ? 'leaderUserId' : 'memberUserIds',
          message: `unknown user ${id}`,
        })),
        'unknownUser',
      )
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(schema.inspectionTeams)
        .values({ name: input.name, decisionNumber: input.decisionNumber, leaderUserId: input.leaderUserId ?? null })
        .returning()
      await tx.insert(schema.inspectionTeamMembers).values(memberUserIds.map((userId) => ({ teamId: row!.id, userId })))
      const team = {
        id: row!.id,
        name: row!.name,
        decisionNumber: row!.decisionNumber,
        leaderUserId: row!.leaderUserId,
        memberUserIds,
      }
      await audit(tx, { actor, requestId }, 'inspection_team.create', ['inspection_team', team.id], {
        after: team,
        event: { type: 'inspection_team.created', payload: { team } },
      })
      return { team }
    })
  }
}
