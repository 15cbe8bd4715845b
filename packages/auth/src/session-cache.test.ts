// The session cache against a real database: hits skip it, a wrong secret or an ended session never
// passes, the hourly renewal still writes.
import { createDb, type DbHandle, schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, invalidateSession, invalidateUserSessions, type Session, validateSessionToken } from './session'
import { SessionCache } from './session-cache'

let h: DbHandle
let userId: string
let otherUserId: string
beforeAll(async () => {
  h = await createDb({ dataDir: 'memory://' })
  const account = async (name: string) => {
    const [person] = await h.db.insert(schema.people).values({ fullName: name }).returning()
    const [user] = await h.db
      .insert(schema.users)
      .values({ personId: person!.id, email: `${name}@example.vn`, passwordHash: 'x' })
      .returning()
    return user!.id
  }
  userId = await account('an')
  otherUserId = await account('binh')
})
afterAll(() => h.close())

/** A cache whose loads go to the database and are counted. */
function counted() {
  const cache = new SessionCache<{ userId: string }>()
  const loads = { n: 0 }
  const load = async (token: string) => {
    loads.n++
    const session = await validateSessionToken(h.db, token)
    return session ? { session, user: { userId: session.userId } } : null
  }
  return { cache, loads, check: (token: string) => cache.validate(token, load) }
}

describe('session cache', () => {
  it('asks the database once for a burst and for the requests after it, and never for another secret', async () => {
    const { token } = await createSession(h.db, userId)
    const { loads, check } = counted()
    const burst = await Promise.all(Array.from({ length: 20 }, () => check(token)))
    expect(burst.every((f) => f?.session.userId === userId)).toBe(true)
    expect(await check(token)).not.toBeNull()
    expect(loads.n).toBe(1)
    const [id] = token.split('.')
    expect(await check(`${id}.${'a'.repeat(39)}`)).toBeNull()
    expect(await check('not a token')).toBeNull()
  })

  it('ends a session at once on logout, and every other session of the user on logout everywhere', async () => {
    const { check, cache } = counted()
    const one = (await createSession(h.db, userId)).token
    const two = (await createSession(h.db, userId)).token
    const three = (await createSession(h.db, userId)).token
    const other = (await createSession(h.db, otherUserId)).token
    for (const t of [one, two, three, other]) expect(await check(t)).not.toBeNull()
    expect(cache.size).toBe(4)
    await invalidateSession(h.db, one.split('.')[0]!)
    expect(await check(one)).toBeNull()
    await invalidateUserSessions(h.db, userId, three.split('.')[0])
    expect(await check(two)).toBeNull()
    expect(await check(three)).not.toBeNull()
    expect(await check(other)).not.toBeNull()
  })

  it('still renews an hour-old session in the database (and says so), then serves it from memory', async () => {
    const { token, session } = await createSession(h.db, userId)
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await h.db.update(schema.sessions).set({ lastVerifiedAt: old }).where(eq(schema.sessions.id, session.id))
    const { loads, check } = counted()
    const first = (await check(token))?.session as Session
    expect(first.renewed).toBe(true)
    const [row] = await h.db.select().from(schema.sessions).where(eq(schema.sessions.id, session.id))
    expect(row!.lastVerifiedAt.getTime()).toBeGreaterThan(old.getTime())
    expect((await check(token))?.session.renewed).toBe(false)
    expect(loads.n).toBe(1)
  })
})
