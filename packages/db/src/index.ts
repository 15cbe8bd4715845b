export * from './client'
export * from './lock'
export * as schema from './schema/index'
export { demoAccounts, isEmpty, seedDemo, seedUnitDirectory } from './seed'
