// Column builders the schema's tables share: ids, creation and update times, timestamps, and the binary
// column for Yjs states.

import { customType, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Binary column for Yjs states and updates; PGlite returns Uint8Array, node-postgres Buffer. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBufferLike)),
})

export const id = () => uuid('id').primaryKey().defaultRandom()
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
