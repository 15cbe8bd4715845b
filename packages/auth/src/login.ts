// The password check behind the API's login route: the throttle admits the attempt first, then the
// password is verified, taking the same time whether or not the account exists.

import { type DbOrTx, schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { knownDeviceOf } from './known-device'
import { verifyPassword } from './password'
import type { LoginThrottle } from './throttle'

export type LoginResult =
  | { ok: true; userId: string; knownDevice: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

// Verifying against a real hash even when the account does not exist keeps the timing the same,
// so response time does not reveal which emails have accounts.
const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3qDhZtM0Y9jqSx0w8s9k1d7c0u3lJqvM7bJbQ5d2C1A'

/**
 * Checks a password login. The attempt is admitted by the throttle (atomically counted) before the
 * password is verified; a known-device cookie of this account is throttled on its own.
 */
export async function checkLogin(
  db: DbOrTx,
  throttle: LoginThrottle,
  attempt: { email: string; password: string; ip: string; deviceToken: string | null },
): Promise<LoginResult> {
  const email = attempt.email.trim().toLowerCase()
  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, email)).limit(1)
  const device = user ? await knownDeviceOf(db, attempt.deviceToken, user.id) : null
  const admission = await throttle.admit(email, attempt.ip, device)
  if (!admission.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds }
  const valid = await verifyPassword(user?.passwordHash ?? dummyHash, attempt.password)
  const ok = !!user && valid && !user.disabled
  await admission.release(ok)
  if (!ok) return { ok: false, reason: 'invalid' }
  return { ok: true, userId: user.id, knownDevice: device !== null }
}
