import { type DbOrTx, schema } from '@hub/db'
import { like, or } from 'drizzle-orm'
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Login throttling after OWASP's advice against lockout as a weapon (counters in the database through
 * rate-limiter-flexible's Drizzle store, so every process shares them and each count is one atomic
 * upsert):
 * - per account and address (or per known device): growing delays between attempts (1 s for the
 *   first three, then 2, 4, 8 … up to 15 min), enforced by a gate that admits one attempt at a time;
 * - per address: at most 100 attempts in 15 minutes from devices not known to the account;
 * - per account: at most 50 attempts an hour from devices not known to it.
 * A device where the account logged in before (the known-device cookie) is judged by its own gate
 * only, so failures sent from elsewhere never lock the owner out; an administrator can also unlock.
 */
export interface ThrottleLimits {
  addressPoints: number
  addressWindowSec: number
  accountPoints: number
  accountWindowSec: number
  /** Failures before delays start growing. */
  freeFailures: number
  maxDelaySec: number
}

export const defaultThrottleLimits: ThrottleLimits = {
  addressPoints: 100,
  addressWindowSec: 15 * 60,
  accountPoints: 50,
  accountWindowSec: 60 * 60,
  freeFailures: 3,
  maxDelaySec: 15 * 60,
}

/** Seconds the gate stays closed after an attempt, given the failures counted so far. */
export function gateDelaySec(failures: number, limits: ThrottleLimits = defaultThrottleLimits): number {
  if (failures < limits.freeFailures) return 1
  return Math.min(2 ** (failures - limits.freeFailures + 1), limits.maxDelaySec)
}

export type Admission =
  | { ok: true; release: (succeeded: boolean) => Promise<void> }
  | { ok: false; retryAfterSeconds: number }

const HOUR = 60 * 60
const isRefusal = (e: unknown): e is RateLimiterRes => e instanceof RateLimiterRes

/** The throttle of one hub: built once over the database, used by every login. */
export class LoginThrottle {
  private readonly gate: RateLimiterDrizzle
  private readonly failures: RateLimiterDrizzle
  private readonly address: RateLimiterDrizzle
  private readonly account: RateLimiterDrizzle
  /** Refusals since start (metrics). */
  refusals = 0

  constructor(
    private readonly db: DbOrTx,
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
  ) {
    const store = { storeClient: db, schema: schema.rateLimits, clearExpiredByTimeout: false }
    // One of them sweeps the whole table of rows expired over an hour ago (an unref'd timer).
    this.gate = new RateLimiterDrizzle({
      ...store,
      clearExpiredByTimeout: true,
      keyPrefix: 'gate',
      points: 1,
      duration: 1,
    })
    this.failures = new RateLimiterDrizzle({ ...store, keyPrefix: 'fail', points: 1_000_000, duration: 24 * HOUR })
    this.address = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'addr',
      points: limits.addressPoints,
      duration: limits.addressWindowSec,
    })
    this.account = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'acct',
      points: limits.accountPoints,
      duration: limits.accountWindowSec,
    })
  }

  /**
   * Reserves one attempt before the password is checked, so that parallel attempts are counted
   * atomically; `release` records the outcome (a success clears the delays and gives the ceilings
   * their point back).
   */
  async admit(account: string, address: string, knownDevice: string | null): Promise<Admission> {
    const pair = knownDevice ? `device:${knownDevice}` : `${account}|${address}`
    const failed = (await this.failures.get(pair))?.consumedPoints ?? 0
    const taken: { limiter: RateLimiterDrizzle; key: string }[] = []
    try {
      await this.gate.consume(pair, 1, { customDuration: gateDelaySec(failed, this.limits) })
      if (!knownDevice) {
        await this.account.consume(account)
        taken.push({ limiter: this.account, key: account })
        await this.address.consume(address)
        taken.push({ limiter: this.address, key: address })
      }
    } catch (e) {
      if (!isRefusal(e)) throw e
      for (const t of taken) await t.limiter.reward(t.key)
      this.refusals++
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) }
    }
    return {
      ok: true,
      release: async (succeeded) => {
        if (!succeeded) {
          await this.failures.penalty(pair)
          return
        }
        await this.failures.delete(pair)
        await this.gate.delete(pair)
        for (const t of taken) await t.limiter.reward(t.key)
      },
    }
  }

  /** An administrator's unlock: clears every counter of the account (all addresses). */
  async unlock(account: string): Promise<void> {
    const t = schema.rateLimits
    await this.db
      .delete(t)
      .where(or(like(t.key, `%:${escapeLike(account)}|%`), like(t.key, `acct:${escapeLike(account)}`)))
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)
