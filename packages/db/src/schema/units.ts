// The dated tree of units (the city, districts, wards, departments), the reorganisations recorded on it
// and the successions from ceased units to those that took over their work.

import { unitKinds } from '@hub/domain'
import { date, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

export const unitKind = pgEnum('unit_kind', unitKinds)

/**
 * Units form a dated tree: a unit is valid from/to a date, so that merged or abolished units
 * (Hà Nội's 2025 reform) stay traceable through their successors.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Name without its kind prefix ("Tây Hồ" for "Quận Tây Hồ"), used for matching and short labels. */
    shortName: text('short_name').notNull(),
    /** Administrative type as printed: Quận, Huyện, Thị xã, Phường, Xã, Thị trấn, Sở, Ban... */
    typeLabel: text('type_label').notNull().default(''),
    kind: unitKind('kind').notNull(),
    parentId: uuid('parent_id'),
    /** Other names people write for the unit ("Ngành Công Thương" for the trade department). */
    aliases: text('aliases').array().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('units_code_valid_from').on(t.code, t.validFrom),
    index('units_parent').on(t.parentId),
    index('units_kind').on(t.kind),
  ],
)

/** Whether a ceased unit went wholly into one successor or was split, part going to each. */
export const successionShare = pgEnum('succession_share', ['whole', 'part'])

/**
 * A reorganisation of the tree recorded by the office (Hà Nội's 2025 reform, or a future one):
 * its legal basis and the day it takes effect. Its units and successions carry that day.
 */
export const unitReorganisations = pgTable('unit_reorganisations', {
  id: id(),
  /** The decision or resolution it follows ("Nghị quyết 1656/NQ-UBTVQH15"). */
  basis: text('basis').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: createdAt(),
})

/** A unit that ceased (merged, split, abolished) and the units that took over its work. */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    share: successionShare('share').notNull().default('whole'),
    reorganisationId: uuid('reorganisation_id').references(() => unitReorganisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('unit_successions_successor').on(t.successorId),
  ],
)
