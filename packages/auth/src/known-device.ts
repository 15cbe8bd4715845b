// Known devices: a cookie set at a successful login marks a browser where the account signed in before,
// so login throttling judges it on its own and failures sent from elsewhere never lock the owner out.

import { type DbOrTx, schema } from '@hub/db'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { eq } from 'drizzle-orm'
import { hashSecret, parseToken, randomSecret } from './session'

/** Name of the known-device cookie (set at a successful login, kept a year). */
export const DEVICE_COOKIE = 'hub_device'
export const deviceCookieMaxAgeSec = 365 * 24 * 60 * 60

/** Records that this browser logged in to the account; returns the cookie value `<id>.<secret>`. */
export async function rememberDevice(db: DbOrTx, userId: string): Promise<string> {
  const id = randomSecret()
  const secret = randomSecret()
  await db.insert(schema.knownDevices).values({ id, secretHash: hashSecret(secret), userId })
  return `${id}.${secret}`
}

/** The device behind a cookie value, if it is genuine and belongs to the user. */
export async function knownDeviceOf(db: DbOrTx, token: string | null, userId: string): Promise<string | null> {
  const parsed = token ? parseToken(token) : null
  if (!parsed) return null
  const [id, secret] = parsed
  const [row] = await db.select().from(schema.knownDevices).where(eq(schema.knownDevices.id, id)).limit(1)
  if (!row || row.userId !== userId || !constantTimeEqual(hashSecret(secret), row.secretHash)) return null
  return row.id
}
