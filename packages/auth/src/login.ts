import { type DbOrTx, schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { verifyPassword } from './password'
import { accountRule, addressRule, clearFailures, recordFailure, retryAfter } from './throttle'

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

// Verifying against a real hash even when the account does not exist keeps the timing the same,
// so response time does not reveal which emails have accounts.
const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3qDhZtM0Y9jqSx0w8s9k1d7c0u3lJqvM7bJbQ5d2C1A'

/** Checks a password login, throttled per account and per address. */
export async function checkLogin(db: DbOrTx, email: string, password: string, ip: string): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase()
  const accountKey = `account:${normalised}`
  const addressKey = `address:${ip}`
  const wait = Math.max(await retryAfter(db, accountKey), await retryAfter(db, addressKey))
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }
  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, normalised)).limit(1)
  const valid = await verifyPassword(user?.passwordHash ?? dummyHash, password)
  if (!user || !valid || user.disabled) {
    await recordFailure(db, accountKey, accountRule)
    await recordFailure(db, addressKey, addressRule)
    return { ok: false, reason: 'invalid' }
  }
  await clearFailures(db, accountKey)
  return { ok: true, userId: user.id }
}
