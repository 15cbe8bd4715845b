// Tables of model practices (mô hình hay, cách làm tốt): the practice, the units adopting it, its status
// steps, questions and answers on it, and its materials.

import { sql } from 'drizzle-orm'
import { date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts, updatedAt } from './columns'
import { users } from './people'
import { storedFileColumns } from './stored-file'
import { units } from './units'

/** Mô hình hay, cách làm tốt: a local practice written up so that other units can copy it. */
export const modelPractices = pgTable(
  'model_practices',
  {
    id: id(),
    title: text('title').notNull(),
    originUnitId: uuid('origin_unit_id')
      .notNull()
      .references(() => units.id),
    /** What field the practice belongs to: "an_sinh", "kiem_soat", "chi_huy", "phong_ngua"... (free text, short). */
    category: text('category').notNull().default(''),
    summary: text('summary').notNull().default(''),
    results: text('results').notNull().default(''),
    /** Results with figures, compared across adopters: `{ "Giảm lượt ra đường (%)": 60 }`. */
    figures: jsonb('figures').$type<Record<string, number | string>>().notNull().default({}),
    /** Implementation steps; adopting creates one task per step for the adopter. */
    steps: text('steps').array().notNull().default([]),
    /** proposed → reviewed → recommended (for replication) → standard (city-wide). */
    status: text('status').notNull().default('proposed'),
    startedOn: date('started_on', { mode: 'string' }),
    tags: text('tags').array().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('model_practices_origin').on(t.originUnitId)],
)

/** Another unit copying a practice ("nhân rộng"), and how it went. */
export const modelAdoptions = pgTable(
  'model_adoptions',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => modelPractices.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    /** requested (asked by the committee) → adopting → evaluated (outcome recorded). */
    status: text('status').notNull().default('adopting'),
    notes: text('notes').notNull().default(''),
    /** How it went there, in words, compared with the origin. */
    outcome: text('outcome').notNull().default(''),
    /** How it went there in figures, under the practice's own figure names, to compare with the origin. */
    figures: jsonb('figures').$type<Record<string, number | string>>().notNull().default({}),
    /** The adopter's tasks created by the adoption. */
    taskIds: uuid('task_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('model_adoptions_practice').on(t.practiceId), index('model_adoptions_unit').on(t.unitId)],
)

/** Each status step of a practice: who decided it and when. */
export const modelStatusSteps = pgTable(
  'model_status_steps',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => modelPractices.id),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [index('model_status_steps_practice').on(t.practiceId, t.decidedAt)],
)

/** Questions on a practice (parentId null) and the answers to them, visible to every unit. */
export const modelComments = pgTable(
  'model_comments',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => modelPractices.id),
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('model_comments_practice').on(t.practiceId, t.createdAt)],
)

/** Materials of a practice (forms, photos, reports), stored in the database so every process serves them. */
export const modelAttachments = pgTable(
  'model_attachments',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => modelPractices.id),
    ...storedFileColumns(),
  },
  (t) => [index('model_attachments_practice').on(t.practiceId)],
)
