// Model practices (mô hình hay): the library, the committee's status steps, adoptions that create the
// adopter's tasks, requests to adopt cascaded as tasks, outcomes compared with the origin, and coverage.

import type { CurrentUser } from '@hub/auth'
import {
  type ModelAdoptionRow as AdoptionRow,
  type DbOrTx,
  type ModelPracticeRow as PracticeRow,
  schema,
  type Tx,
} from '@hub/db'
import {
  addDays,
  Conflict,
  Forbidden,
  Invalid,
  isoDateSchema,
  type ModelCoverage,
  type ModelStatus,
  modelPolicy,
  modelStatuses,
  NotFound,
  nextModelStatus,
  searchTerms,
  vnDay,
} from '@hub/domain'
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { audit, recordChange } from './audit'
import { Service } from './change'
import { requireInForce } from './task-links'
import { insertTask, type TaskDto } from './tasks'
import { headsOf } from './unit-directory'
import { withUsers } from './user-names'

const mp = schema.modelPractices
const ma = schema.modelAdoptions

const figuresSchema = z.record(z.string().trim().min(1).max(80), z.union([z.number(), z.string().max(200)]))

export const modelCreateSchema = z
  .object({
    title: z.string().trim().min(3).max(300),
    originUnitId: z.string().uuid(),
    category: z.string().trim().max(60).default(''),
    summary: z.string().trim().max(10_000).default(''),
    results: z.string().trim().max(10_000).default(''),
    figures: figuresSchema.default({}),
    steps: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    startedOn: isoDateSchema.optional(),
  })
  .strict()
export type ModelCreate = z.infer<typeof modelCreateSchema>

export const modelListQuerySchema = z.object({
  category: z.string().max(60).optional(),
  status: z.enum(modelStatuses).optional(),
  /** Practices that started in this district or one of its communes. */
  districtId: z.string().uuid().optional(),
  q: z.string().max(200).optional(),
})
export type ModelListQuery = z.infer<typeof modelListQuerySchema>

export const adoptionCreateSchema = z
  .object({
    unitId: z.string().uuid(),
    startedAt: isoDateSchema,
    /** How the unit adapts the practice. */
    note: z.string().trim().max(5_000).default(''),
  })
  .strict()
export type AdoptionCreate = z.infer<typeof adoptionCreateSchema>

export const adoptionPatchSchema = z
  .object({
    outcome: z.string().trim().max(5_000).optional(),
    /** Results in figures, best under the practice's own figure names so they compare with the origin. */
    figures: figuresSchema.optional(),
    status: z.enum(['adopting', 'evaluated']).optional(),
    note: z.string().trim().max(5_000).optional(),
  })
  .strict()

export const adoptionRequestSchema = z
  .object({
    unitIds: z.array(z.string().uuid()).min(1).max(700),
    dueAt: isoDateSchema.optional(),
    note: z.string().trim().max(5_000).default(''),
  })
  .strict()

export const transitionSchema = z
  .object({ to: z.enum(modelStatuses), note: z.string().trim().max(2_000).default('') })
  .strict()

const badUnit = (field: string) => new Invalid(field, 'unknownUnit', { field }, undefined, 'unknown unit')

/** How far a practice has spread (the domain's `ModelCoverage`). */
export type Coverage = ModelCoverage

/**
 * Model practices: the library, status steps decided by the committee, adoptions that create the
 * adopter's tasks, the committee's requests to adopt, and replication coverage.
 */
export class ModelService extends Service {
  private unitName(id: string) {
    return this.units.get(id)?.name ?? ''
  }

  /** Units of a kind valid today, the denominators of coverage. */
  private totals() {
    const today = vnDay()
    const valid = this.units.all().filter((u) => u.validFrom <= today && (!u.validTo || u.validTo >= today))
    return {
      districts: valid.filter((u) => u.kind === 'district').length,
      communes: valid.filter((u) => u.kind === 'commune').length,
    }
  }

  present(p: PracticeRow, adoptions: AdoptionRow[] = []) {
    return {
      id: p.id,
      title: p.title,
      category: p.category,
      status: p.status as ModelStatus,
      summary: p.summary,
      results: p.results,
      figures: p.figures,
      steps: p.steps,
      tags: p.tags,
      startedOn: p.startedOn,
      originUnitId: p.originUnitId,
      originUnitName: this.unitName(p.originUnitId),
      docName: `model:${p.id}`,
      adoptionCount: adoptions.filter((a) => a.status !== 'requested').length,
      coverage: this.coverage(p, adoptions),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    }
  }

  presentAdoption(a: AdoptionRow) {
    const u = this.units.get(a.unitId)
    return {
      id: a.id,
      modelId: a.practiceId,
      unitId: a.unitId,
      unitName: u?.name ?? '',
      unitKind: u?.kind ?? null,
      parentUnitId: u?.parentId ?? null,
      startedAt: a.adoptedOn,
      status: a.status,
      note: a.notes,
      outcome: a.outcome,
      figures: a.figures,
      taskIds: a.taskIds,
      createdAt: a.createdAt.toISOString(),
    }
  }

  coverage(p: PracticeRow, adoptions: AdoptionRow[]): Coverage {
    const totals = this.totals()
    const adopted = adoptions
      .filter((a) => a.status !== 'requested')
      .sort((x, y) => (x.adoptedOn < y.adoptedOn ? -1 : 1))
    const seen = { district: new Set<string>(), commune: new Set<string>() }
    const overTime: Coverage['overTime'] = []
    for (const a of adopted) {
      const kind = this.units.get(a.unitId)?.kind
      if (kind === 'district' || kind === 'commune') seen[kind].add(a.unitId)
      const point = { date: a.adoptedOn, districts: seen.district.size, communes: seen.commune.size }
      if (overTime.at(-1)?.date === a.adoptedOn) overTime[overTime.length - 1] = point
      else overTime.push(point)
    }
    const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 0)
    const count = (s: string) => adoptions.filter((a) => a.status === s).length
    return {
      districts: {
        adopted: seen.district.size,
        total: totals.districts,
        share: share(seen.district.size, totals.districts),
      },
      communes: {
        adopted: seen.commune.size,
        total: totals.communes,
        share: share(seen.commune.size, totals.communes),
      },
      overTime,
      byStatus: { requested: count('requested'), adopting: count('adopting'), evaluated: count('evaluated') },
      origin: { unitId: p.originUnitId, unitName: this.unitName(p.originUnitId) },
    }
  }

  private async adoptionsOf(db: DbOrTx, ids: string[]) {
    const out = new Map<string, AdoptionRow[]>()
    if (!ids.length) return out
    const rows = await db
      .select()
      .from(ma)
      .where(inArray(ma.practiceId, ids))
      .orderBy(asc(ma.adoptedOn), asc(ma.createdAt))
    for (const r of rows) out.set(r.practiceId, [...(out.get(r.practiceId) ?? []), r])
    return out
  }

  private async load(db: DbOrTx, id: string, lock = false) {
    const q = db.select().from(mp).where(eq(mp.id, id)).limit(1)
    const [row] = lock ? await q.for('update') : await q
    if (!row) throw new NotFound('model')
    return row
  }

  async list(actor: CurrentUser, q: ModelListQuery) {
    if (!modelPolicy.read(actor)) throw new Forbidden()
    const conds: (SQL | undefined)[] = []
    if (q.category) conds.push(eq(mp.category, q.category))
    if (q.status) conds.push(eq(mp.status, q.status))
    if (q.districtId) {
      if (!this.units.get(q.districtId)) throw badUnit('districtId')
      conds.push(inArray(mp.originUnitId, this.units.tree.subtree(q.districtId)))
    }
    const terms = searchTerms(q.q ?? '')
    for (const w of terms.tokens)
      conds.push(
        sql`hub_fold(${mp.title} || ' ' || ${mp.summary} || ' ' || array_to_string(${mp.tags}, ' ')) like ${`%${w.replace(/[%_\\]/g, (m) => `\\${m}`)}%`}`,
      )
    const rows = await this.db
      .select()
      .from(mp)
      .where(and(...conds))
      .orderBy(desc(mp.updatedAt), asc(mp.title))
    const adoptions = await this.adoptionsOf(
      this.db,
      rows.map((r) => r.id),
    )
    return { models: rows.map((r) => this.present(r, adoptions.get(r.id) ?? [])) }
  }

  async get(actor: CurrentUser, id: string) {
    if (!modelPolicy.read(actor)) throw new Forbidden()
    const row = await this.load(this.db, id)
    const adoptions = (await this.adoptionsOf(this.db, [id])).get(id) ?? []
    const steps = await withUsers(
      this.db,
      await this.db
        .select()
        .from(schema.modelStatusSteps)
        .where(eq(schema.modelStatusSteps.practiceId, id))
        .orderBy(asc(schema.modelStatusSteps.decidedAt)),
      (s) => s.decidedBy,
    )
    const attachments = await this.db
      .select({
        id: schema.modelAttachments.id,
        filename: schema.modelAttachments.filename,
        contentType: schema.modelAttachments.contentType,
        size: schema.modelAttachments.size,
        createdAt: schema.modelAttachments.createdAt,
      })
      .from(schema.modelAttachments)
      .where(eq(schema.modelAttachments.practiceId, id))
      .orderBy(asc(schema.modelAttachments.createdAt))
    const root = this.units.root()?.id ?? ''
    return {
      model: {
        ...this.present(row, adoptions),
        adoptions: adoptions.map((a) => this.presentAdoption(a)),
        statusSteps: steps.map(({ row: step, name }) => ({
          status: step.status,
          note: step.note,
          decidedBy: step.decidedBy,
          decidedByName: name,
          decidedAt: step.decidedAt.toISOString(),
        })),
        attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
        comparison: this.comparison(row, adoptions),
        can: {
          adoptFor: this.adoptableUnits(actor, row, adoptions),
          decide: modelPolicy.decide(actor, this.units.tree, root),
          attach: modelPolicy.attach(actor, this.units.tree, row.originUnitId),
          next: nextModelStatus(row.status as ModelStatus),
        },
      },
    }
  }

  /**
   * Outcomes compared with the origin: for each figure the practice reports, the origin's value and
   * the adopters' (how many reported it, their mean and range when numeric).
   */
  comparison(p: PracticeRow, adoptions: AdoptionRow[]) {
    const keys = [...new Set([...Object.keys(p.figures), ...adoptions.flatMap((a) => Object.keys(a.figures))])]
    return keys.map((key) => {
      const values = adoptions
        .filter((a) => a.figures[key] !== undefined)
        .map((a) => ({ unitId: a.unitId, unitName: this.unitName(a.unitId), value: a.figures[key]! }))
      const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number')
      return {
        key,
        origin: p.figures[key] ?? null,
        reported: values.length,
        mean: numbers.length ? Math.round((numbers.reduce((x, y) => x + y, 0) / numbers.length) * 10) / 10 : null,
        min: numbers.length ? Math.min(...numbers) : null,
        max: numbers.length ? Math.max(...numbers) : null,
        values,
      }
    })
  }

  /** Units the actor heads (or directs) that have not adopted the practice yet, nearest first. */
  private adoptableUnits(actor: CurrentUser, p: PracticeRow, adoptions: AdoptionRow[]) {
    const taken = new Set(adoptions.filter((a) => a.status !== 'requested').map((a) => a.unitId))
    const out: string[] = []
    for (const g of actor.grants) {
      const u = g.unitId
      if (u !== p.originUnitId && !taken.has(u) && modelPolicy.adopt(actor, this.units.tree, u) && !out.includes(u))
        out.push(u)
    }
    return out
  }

  async create(actor: CurrentUser, input: ModelCreate, requestId?: string) {
    if (!this.units.get(input.originUnitId)) throw badUnit('originUnitId')
    if (!modelPolicy.propose(actor, this.units.tree, input.originUnitId)) throw new Forbidden()
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(mp)
        .values({
          title: input.title,
          originUnitId: input.originUnitId,
          category: input.category,
          summary: input.summary,
          results: input.results,
          figures: input.figures,
          steps: input.steps,
          tags: input.tags,
          startedOn: input.startedOn ?? null,
          status: 'proposed',
          createdBy: actor.userId,
        })
        .returning()
      await tx
        .insert(schema.modelStatusSteps)
        .values({ practiceId: row!.id, status: 'proposed', decidedBy: actor.userId })
      const dto = this.present(row!)
      await audit(tx, { actor, requestId }, 'model.create', ['model_practice', dto.id], {
        after: dto,
        event: { type: 'model.created', payload: { model: dto } },
      })
      return dto
    })
  }

  /** One step along proposed → reviewed → recommended → standard, decided by the city's committee or office. */
  async transition(actor: CurrentUser, id: string, input: z.infer<typeof transitionSchema>, requestId?: string) {
    const root = this.units.root()?.id ?? ''
    if (!modelPolicy.decide(actor, this.units.tree, root)) throw new Forbidden()
    return await this.change(async (tx) => {
      const row = await this.load(tx, id, true)
      const next = nextModelStatus(row.status as ModelStatus)
      if (input.to !== next)
        throw new Conflict(
          'invalid_transition',
          'invalidModelStep',
          { from: row.status, to: input.to, next: next ?? 'none' },
          { from: row.status, allowed: next },
        )
      const [updated] = await tx
        .update(mp)
        .set({ status: input.to, updatedAt: new Date() })
        .where(eq(mp.id, id))
        .returning()
      await tx
        .insert(schema.modelStatusSteps)
        .values({ practiceId: id, status: input.to, note: input.note, decidedBy: actor.userId })
      const adoptions = (await this.adoptionsOf(tx, [id])).get(id) ?? []
      const dto = this.present(updated!, adoptions)
      await audit(tx, { actor, requestId }, 'model.transition', ['model_practice', id], {
        before: { status: row.status },
        after: { status: input.to, note: input.note },
        event: { type: 'model.updated', payload: { model: dto, from: row.status } },
      })
      return dto
    })
  }

  /** The adopter's tasks: one per implementation step (or one), titled with the practice's name. */
  private async createAdopterTasks(
    tx: Tx,
    actor: CurrentUser,
    p: PracticeRow,
    unitId: string,
    startedAt: string,
    note: string,
    requestId?: string,
    parentTaskId: string | null = null,
    dueAt?: string,
  ): Promise<TaskDto[]> {
    const accountable = (await headsOf(tx, [unitId])).get(unitId)?.[0] ?? null
    const origin = this.unitName(p.originUnitId)
    const description = [
      `Nhân rộng mô hình "${p.title}" của ${origin}.`,
      note ? `Cách áp dụng: ${note}` : '',
      p.summary,
    ]
      .filter(Boolean)
      .join('\n')
    const plan = p.steps.length
      ? p.steps.map((s, i) => ({ title: `${p.title}: ${s}`, dueAt: dueAt ?? addDays(startedAt, 7 * (i + 1)) }))
      : [{ title: `Áp dụng mô hình ${p.title}`, dueAt: dueAt ?? addDays(startedAt, 14) }]
    const out: TaskDto[] = []
    for (const step of plan)
      out.push(
        await insertTask(
          tx,
          {
            title: step.title.slice(0, 500),
            description,
            leadUnitId: unitId,
            accountableUserId: accountable,
            dueAt: step.dueAt,
            parentTaskId,
            createdBy: actor.userId,
          },
          [],
          actor.userId,
          'task.create',
          requestId,
        ),
      )
    return out
  }

  async adopt(actor: CurrentUser, id: string, input: AdoptionCreate, requestId?: string) {
    if (!this.units.get(input.unitId)) throw badUnit('unitId')
    requireInForce(this.units, input.unitId, 'unitId')
    if (!modelPolicy.adopt(actor, this.units.tree, input.unitId)) throw new Forbidden()
    const out = await this.change(async (tx) => {
      const p = await this.load(tx, id, true)
      if (p.originUnitId === input.unitId)
        throw new Invalid('unitId', 'originUnit', {}, undefined, 'origin of the practice')
      const [existing] = await tx
        .select()
        .from(ma)
        .where(and(eq(ma.practiceId, id), eq(ma.unitId, input.unitId)))
        .limit(1)
      if (existing && existing.status !== 'requested')
        throw new Conflict('already_adopted', 'alreadyAdopted', {}, { adoption: this.presentAdoption(existing) })
      const tasks = await this.createAdopterTasks(tx, actor, p, input.unitId, input.startedAt, input.note, requestId)
      const values = {
        adoptedOn: input.startedAt,
        status: 'adopting',
        notes: input.note,
        taskIds: [...(existing?.taskIds ?? []), ...tasks.map((t) => t.id)],
      }
      const [row] = existing
        ? await tx.update(ma).set(values).where(eq(ma.id, existing.id)).returning()
        : await tx
            .insert(ma)
            .values({ practiceId: id, unitId: input.unitId, createdBy: actor.userId, ...values })
            .returning()
      await tx.update(mp).set({ updatedAt: new Date() }).where(eq(mp.id, id))
      const adoption = this.presentAdoption(row!)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'model.adopt',
        entityType: 'model_adoption',
        entityId: adoption.id,
        before: existing ? this.presentAdoption(existing) : undefined,
        after: adoption,
        requestId,
        event: {
          type: 'model.adopted',
          payload: { modelId: id, title: p.title, originUnitId: p.originUnitId, adoption },
        },
      })
      return { adoption, tasks }
    })
    return out
  }

  /** An adopter records how it went (its outcome), or amends its note. */
  async updateAdoption(
    actor: CurrentUser,
    id: string,
    adoptionId: string,
    input: z.infer<typeof adoptionPatchSchema>,
    requestId?: string,
  ) {
    return await this.change(async (tx) => {
      const [row] = await tx
        .select()
        .from(ma)
        .where(and(eq(ma.id, adoptionId), eq(ma.practiceId, id)))
        .limit(1)
      if (!row) throw new NotFound('adoption')
      if (!modelPolicy.adopt(actor, this.units.tree, row.unitId)) throw new Forbidden()
      const [updated] = await tx
        .update(ma)
        .set({
          outcome: input.outcome ?? row.outcome,
          figures: input.figures ?? row.figures,
          notes: input.note ?? row.notes,
          status: input.status ?? (input.outcome || input.figures ? 'evaluated' : row.status),
        })
        .where(eq(ma.id, adoptionId))
        .returning()
      const before = this.presentAdoption(row)
      const adoption = this.presentAdoption(updated!)
      await recordChange(tx, {
        actorUserId: actor.userId,
        action: 'model.adoption_update',
        entityType: 'model_adoption',
        entityId: adoptionId,
        before,
        after: adoption,
        requestId,
        event: { type: 'model.adoption_updated', payload: { modelId: id, adoption } },
      })
      return adoption
    })
  }

  /**
   * The committee asks units to adopt: a parent task at the city with one child per unit asked
   * (each district then hands it down to its communes with the task cascade), and a "requested"
   * adoption per unit that turns into an adoption when the unit adopts.
   */
  async request(actor: CurrentUser, id: string, input: z.infer<typeof adoptionRequestSchema>, requestId?: string) {
    const unitIds = [...new Set(input.unitIds)]
    for (const [i, u] of unitIds.entries()) {
      if (!this.units.get(u)) throw badUnit(`unitIds.${i}`)
      requireInForce(this.units, u, `unitIds.${i}`)
      if (!modelPolicy.request(actor, this.units.tree, u)) throw new Forbidden()
    }
    const root = this.units.root()
    if (!root) throw new NotFound('city')
    return await this.change(async (tx) => {
      const p = await this.load(tx, id, true)
      const existing = await tx
        .select()
        .from(ma)
        .where(and(eq(ma.practiceId, id), inArray(ma.unitId, unitIds)))
      const skip = new Set([p.originUnitId, ...existing.map((a) => a.unitId)])
      const asked = unitIds.filter((u) => !skip.has(u))
      if (!asked.length) return { parentTask: null, adoptions: [], tasks: [] }
      const today = vnDay()
      const dueAt = input.dueAt ?? addDays(today, 14)
      const parentTask = await insertTask(
        tx,
        {
          title: `Nhân rộng mô hình ${p.title}`.slice(0, 500),
          description: [`Thường trực đề nghị các đơn vị áp dụng mô hình "${p.title}".`, input.note]
            .filter(Boolean)
            .join('\n'),
          leadUnitId: root.id,
          dueAt,
          createdBy: actor.userId,
        },
        [],
        actor.userId,
        'task.create',
        requestId,
      )
      const tasks: TaskDto[] = []
      const adoptions = []
      for (const u of asked) {
        const [child] = await this.createAdopterTasks(
          tx,
          actor,
          { ...p, steps: [] },
          u,
          today,
          input.note,
          requestId,
          parentTask.id,
          dueAt,
        )
        tasks.push(child!)
        const [row] = await tx
          .insert(ma)
          .values({
            practiceId: id,
            unitId: u,
            adoptedOn: today,
            status: 'requested',
            notes: input.note,
            taskIds: [child!.id],
            createdBy: actor.userId,
          })
          .returning()
        adoptions.push(this.presentAdoption(row!))
      }
      await audit(tx, { actor, requestId }, 'model.request', ['model_practice', id], {
        after: { unitIds: asked, parentTaskId: parentTask.id },
        event: { type: 'model.requested', payload: { modelId: id, title: p.title, unitIds: asked } },
      })
      return { parentTask, adoptions, tasks }
    })
  }
}
