// Login throttling for the API's login route, after OWASP's advice against lockout as a weapon: the
// counters live in the database (rate-limiter-flexible's Drizzle store), so every hub process shares
// them and each count is one atomic upsert.

import { type DbOrTx, schema } from '@hub/db'
import { like, or } from 'drizzle-orm'
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * The limits:
 * - per account and address (or per known device): three failures free, then one attempt at a
 *   time with growing delays (2, 4, 8 … seconds up to 15 minutes);
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
  /** Failed attempts of an account-and-address pair before delays start. */
  freeFailures: number
  /** How long a pair's failures are remembered. */
  pairWindowSec: number
  maxDelaySec: number
}

export const defaultThrottleLimits: ThrottleLimits = {
  addressPoints: 100,
  addressWindowSec: 15 * 60,
  accountPoints: 50,
  accountWindowSec: 60 * 60,
  freeFailures: 3,
  pairWindowSec: 15 * 60,
  maxDelaySec: 15 * 60,
}

/** Seconds an account-and-address pair waits between attempts once it has used its free failures. */
export function gateDelaySec(attempts: number, limits: ThrottleLimits = defaultThrottleLimits): number {
  return Math.min(2 ** Math.max(0, attempts - limits.freeFailures), limits.maxDelaySec)
}

export type Admission =
  | { ok: true; release: (succeeded: boolean) => Promise<void> }
  | { ok: false; retryAfterSeconds: number }

const isRefusal = (e: unknown): e is RateLimiterRes => e instanceof RateLimiterRes

/** The throttle of one hub: built once over the database, used by every login. */
export class LoginThrottle {
  private readonly gate: RateLimiterDrizzle
  private readonly attempts: RateLimiterDrizzle
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
    this.attempts = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'fail',
      points: limits.freeFailures,
      duration: limits.pairWindowSec,
    })
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
    const taken: { limiter: RateLimiterDrizzle; key: string }[] = []
    try {
      // The first few attempts of a pair go straight through (a typo costs nothing); after them,
      // one attempt at a time with growing delays. Every attempt is counted before it is checked.
      try {
        await this.attempts.consume(pair)
      } catch (e) {
        if (!isRefusal(e)) throw e
        await this.gate.consume(pair, 1, { customDuration: gateDelaySec(e.consumedPoints, this.limits) })
      }
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
        if (!succeeded) return
        await this.attempts.delete(pair)
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
