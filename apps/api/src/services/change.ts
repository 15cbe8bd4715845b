/**
 * The one way to write a change: the write, its audit row and its typed domain event in one
 * transaction, then the outbox woken so that delivery starts at once. A rolled-back change leaves
 * none of the three and announces nothing; nobody calls the outbox by hand. Kept answers need no
 * call either: by the time the transaction's promise resolves, the database handle's write clock has
 * counted the tables it wrote (see WriteClock in @hub/db), so the board cache drops what they changed.
 */
import type { Db, Tx } from '@hub/db'
import type { Deps } from '../context'
import { type ChangeRecord, recordChange } from './audit'
import type { UnitDirectory } from './unit-directory'

/** What a change needs: the database and the outbox's wake-up. */
export type ChangeContext = { dbh: Pick<Deps['dbh'], 'db'> } & Pick<Deps, 'eventsWritten'>

/**
 * Runs `write` in a transaction; `describe`, when given, turns its result into the audit row and
 * event recorded in the same transaction (writes that record several changes call `recordChange`
 * with their `tx`). After commit the outbox is woken.
 */
export async function withChange<T>(
  ctx: ChangeContext,
  write: (tx: Tx) => Promise<T>,
  describe?: (result: T) => ChangeRecord | null,
): Promise<T> {
  const result = await ctx.dbh.db.transaction(async (tx) => {
    const out = await write(tx)
    const change = describe?.(out)
    if (change) await recordChange(tx, change)
    return out
  })
  ctx.eventsWritten()
  return result
}

/** What a service reaches: the database, the unit directory and the outbox's wake-up. */
export type ServiceDeps = Pick<Deps, 'dbh' | 'units' | 'eventsWritten' | 'documents'>

/** A service over the hub's records; its writes go through `change`, its reads through `db`. */
export abstract class Service {
  protected readonly db: Db
  protected readonly units: UnitDirectory

  constructor(protected readonly deps: ServiceDeps) {
    this.db = deps.dbh.db
    this.units = deps.units
  }

  /** A change (see `withChange`). */
  protected change<T>(write: (tx: Tx) => Promise<T>, describe?: (result: T) => ChangeRecord | null): Promise<T> {
    return withChange(this.deps, write, describe)
  }
}
