import { type DbOrTx, schema } from '@hub/db'
import { eq, sql } from 'drizzle-orm'

/** Limits on failed logins; counters live in the database so every process shares them. */
export interface ThrottleRule {
  maxFailures: number
  windowMs: number
  blockMs: number
}

export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 }
export const addressRule: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 }

/** Seconds until the key may try again, or 0 when it may try now. */
export async function retryAfter(db: DbOrTx, key: string): Promise<number> {
  const [row] = await db.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)).limit(1)
  if (!row?.blockedUntil) return 0
  const ms = row.blockedUntil.getTime() - Date.now()
  return ms > 0 ? Math.ceil(ms / 1000) : 0
}

/** Counts one failure; blocks the key once it reaches the rule's maximum within the window. */
export async function recordFailure(db: DbOrTx, key: string, rule: ThrottleRule): Promise<void> {
  const windowStart = new Date(Date.now() - rule.windowMs)
  const blockUntil = new Date(Date.now() + rule.blockMs)
  const t = schema.loginThrottle
  // One statement so concurrent failures from several processes all count.
  await db
    .insert(t)
    .values({ key, failures: 1, windowStart: new Date() })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${t.windowStart} < ${windowStart} then 1 else ${t.failures} + 1 end`,
        windowStart: sql`case when ${t.windowStart} < ${windowStart} then now() else ${t.windowStart} end`,
        blockedUntil: sql`case when (case when ${t.windowStart} < ${windowStart} then 1 else ${t.failures} + 1 end) >= ${rule.maxFailures} then ${blockUntil} else ${t.blockedUntil} end`,
      },
    })
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(schema.loginThrottle).where(eq(schema.loginThrottle.key, key))
}
