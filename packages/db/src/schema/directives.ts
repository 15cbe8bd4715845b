// Tables of directives and the other issued documents (CT, KH, KL, TB, CV, QD, NQ): the record with its
// number and symbol, its frozen versions, its clauses and its recipients (nơi nhận).

import { directiveKinds, directiveStatuses, documentLayouts, recipientCapacities } from '@hub/domain'
import { sql } from 'drizzle-orm'
import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts, updatedAt } from './columns'
import { committees } from './committees'
import { users } from './people'
import { units } from './units'

export const directiveKind = pgEnum('directive_kind', directiveKinds)
export const directiveStatus = pgEnum('directive_status', directiveStatuses)
export const documentLayout = pgEnum('document_layout', documentLayouts)
export const recipientCapacity = pgEnum('recipient_capacity', recipientCapacities)

export const directives = pgTable(
  'directives',
  {
    id: id(),
    kind: directiveKind('kind').notNull(),
    layout: documentLayout('layout').notNull().default('party'),
    /** The issuing unit (the city Party committee, the people's committee...). */
    issuerUnitId: uuid('issuer_unit_id').references(() => units.id),
    /** Issuing body as printed ("THÀNH ỦY HÀ NỘI"). */
    issuer: text('issuer').notNull(),
    /** Line under the kind: "CỦA BAN THƯỜNG VỤ THÀNH ỦY". */
    issuedBy: text('issued_by'),
    /** Letters of the issuing body in the symbol: "TU" in "05-CT/TU", "UBND" in "17/CT-UBND". */
    issuerSymbol: text('issuer_symbol').notNull(),
    /** Committee term the number sequence runs in. */
    committeeId: uuid('committee_id').references(() => committees.id),
    sequence: integer('sequence'),
    number: text('number'),
    issuedAt: date('issued_at', { mode: 'string' }),
    place: text('place').notNull().default('Hà Nội'),
    title: text('title').notNull(),
    status: directiveStatus('status').notNull().default('draft'),
    signer: jsonb('signer').$type<{ name: string; title: string; onBehalfOf: string }>(),
    preamble: text('preamble').notNull().default(''),
    closing: text('closing').notNull().default(''),
    replacedById: uuid('replaced_by_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('directives_number').on(t.issuerSymbol, t.kind, t.committeeId, t.sequence),
    index('directives_status').on(t.status),
  ],
)

/** A frozen text of a directive: made when it is issued and for every later change. */
export const directiveVersions = pgTable(
  'directive_versions',
  {
    id: id(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id),
    versionNo: integer('version_no').notNull(),
    label: text('label').notNull(),
    /** ProseMirror JSON of the text as issued. */
    content: jsonb('content').notNull(),
    plainText: text('plain_text').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('directive_versions_no').on(t.directiveId, t.versionNo)],
)

export const directiveClauses = pgTable(
  'directive_clauses',
  {
    id: id(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    /** The clause folded for search, kept by the database. */
    searchWords: text('search_words').generatedAlwaysAs(sql`hub_search_words(text)`),
  },
  (t) => [uniqueIndex('directive_clauses_ordinal').on(t.directiveId, t.ordinal)],
)

/** Nơi nhận: who receives the directive, in which capacity, and when they received and first read it. */
export const directiveRecipients = pgTable(
  'directive_recipients',
  {
    id: id(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    capacity: recipientCapacity('capacity').notNull(),
    /**
     * The printed line a unit was listed under ("Các quận ủy, huyện ủy, thị ủy"): one row per unit, so
     * each unit's receipt and reading are recorded, printed once as the group.
     */
    groupLabel: text('group_label'),
    ordinal: integer('ordinal').notNull().default(0),
    receivedAt: ts('received_at'),
    firstReadAt: ts('first_read_at'),
    firstReadBy: uuid('first_read_by').references(() => users.id),
  },
  (t) => [index('directive_recipients_directive').on(t.directiveId), index('directive_recipients_unit').on(t.unitId)],
)
