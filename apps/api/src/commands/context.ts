/**
 * What a command reaches: the database, the unit directory and the outbox's wake-up (the same as a
 * service's). Commands are one use case a file, as plain functions of this context.
 */
export type { ServiceDeps as CommandContext } from '../services/change'
