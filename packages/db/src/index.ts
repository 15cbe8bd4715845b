// The db package as the API, the collab server and the scripts import it: the client for PGlite or
// PostgreSQL, the schema and its row types, backups, the data folder's lock and the migration status.

export * from './backup'
export * from './client'
export * from './lock'
export * from './migration-status'
export type * from './rows'
export * as schema from './schema/index'
