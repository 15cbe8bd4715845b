import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './people'
import { units } from './units'

/** Mô hình hay, cách làm tốt: a local practice written up so that other units can copy it. */
export const modelPractices = pgTable('model_practices', {
  id: id(),
  title: text('title').notNull(),
  originUnitId: uuid('origin_unit_id')
    .notNull()
    .references(() => units.id),
  summary: text('summary').notNull().default(''),
  results: text('results').notNull().default(''),
  startedOn: date('started_on', { mode: 'string' }),
  tags: text('tags').array().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
})

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
    status: text('status').notNull().default('adopting'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('model_adoptions_practice').on(t.practiceId)],
)
