export * from './client'
export * from './lock'
export * from './migration-status'
export * as schema from './schema/index'
