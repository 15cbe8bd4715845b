// The board cache of the task list (issue 18), on a real PGlite through the app: a repeated question is
// answered from memory with the same bytes; every committed write that can change a list (a task's
// status, a new task, a supporting unit moved, a role given or taken) shows in the very next answer; a
// caller never gets another's answer; a rolled-back write leaves nothing behind; a burst shares one query.
import { gunzipSync } from 'node:zlib'
import { schema, tablesWritten } from '@hub/db'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'
import { ResponseCache, responseCacheOf } from './response-cache'

const { hub, as } = useTestHub({ accounts: ['bithu', 'tayho', 'hoankiem'] })
let tayhoId: string
let hoankiemId: string
let wardId: string
let hoankiemUserId: string

beforeAll(async () => {
  const me = (await hub.request('GET', '/api/auth/me', { cookie: as.tayho })).json.user
  tayhoId = me.unitId
  hoankiemUserId = (await hub.request('GET', '/api/auth/me', { cookie: as.hoankiem })).json.user.id
  hoankiemId = (await hub.request('GET', '/api/auth/me', { cookie: as.hoankiem })).json.user.unitId
  wardId = hub.deps.units.tree.childrenOf(tayhoId)[0]!
  for (let i = 0; i < 3; i++) await create({ title: `Bảng Tây Hồ ${i}`, leadUnitId: tayhoId, status: 'in_progress' })
})

async function create(body: Record<string, unknown>) {
  const res = await hub.request('POST', '/api/tasks', { cookie: as.bithu, body })
  expect(res.status, JSON.stringify(res.json)).toBe(201)
  return res.json.task
}

/** A GET of the list with its raw text (the bytes served) and what it cost. */
async function list(cookie: string, query: string, headers: Record<string, string> = {}) {
  const clock = hub.dbh.clock!
  const before = { statements: clock.statements, ...cache().stats() }
  const res = await hub.app.request(`http://hub.test/api/tasks?${query}`, {
    headers: { host: 'hub.test', cookie, ...headers },
  })
  const encoding = res.headers.get('content-encoding')
  const raw = Buffer.from(await res.arrayBuffer())
  const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
  expect(res.status, text).toBe(200)
  const after = cache().stats()
  return {
    text,
    json: JSON.parse(text),
    type: res.headers.get('content-type'),
    encoding,
    statements: clock.statements - before.statements,
    hit: after.hits - before.hits,
    loads: after.loads - before.loads,
  }
}
const cache = () => responseCacheOf(hub.dbh)!
const board = () => `unitId=${tayhoId}&includeSubunits=true&status=in_progress&limit=50`
const titles = (r: { json: { tasks: { title: string }[] } }) => r.json.tasks.map((t) => t.title)

describe('the write clock', () => {
  it('names the tables a statement writes, none for reads, everything for what it cannot read', () => {
    expect(tablesWritten('select * from "tasks" where id = $1')).toEqual([])
    expect(tablesWritten('select * from "domain_events" for update skip locked')).toEqual([])
    expect(tablesWritten('insert into "tasks" ("id") values ($1) returning *')).toEqual(['tasks'])
    expect(tablesWritten('update "task_support_units" set "unit_id" = $1')).toEqual(['task_support_units'])
    expect(tablesWritten('delete from "memberships" where "user_id" = $1')).toEqual(['memberships'])
    expect(tablesWritten('with x as (delete from tasks returning id) select * from x')).toEqual(['tasks'])
    expect(tablesWritten('create index on tasks (status)')).toEqual(['*'])
    expect(tablesWritten('select 1; update tasks set progress = 1')).toEqual(['*'])
    expect(tablesWritten('select 1;')).toEqual([])
  })

  it('counts a committed transaction once it commits, and a rolled-back one not at all', async () => {
    const clock = hub.dbh.clock!
    const before = clock.stamp(['tasks'])
    await expect(
      hub.dbh.db.transaction(async (tx) => {
        await tx.update(schema.tasks).set({ title: sql`title` })
        expect(clock.stamp(['tasks'])).toBe(before)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(clock.stamp(['tasks'])).toBe(before)
    expect(clock.stamp(['memberships'])).toBe(clock.stamp(['memberships']))
    await hub.dbh.db.transaction(async (tx) => {
      await tx.update(schema.tasks).set({ title: sql`title` }).where(eq(schema.tasks.title, 'none such'))
    })
    expect(clock.stamp(['tasks'])).not.toBe(before)
  })
})

describe('task list cache', () => {
  it('answers the same question again from memory with the same bytes and headers, no SQL', async () => {
    const first = await list(as.tayho, board())
    expect(titles(first)).toEqual(expect.arrayContaining(['Bảng Tây Hồ 0', 'Bảng Tây Hồ 1', 'Bảng Tây Hồ 2']))
    const again = await list(as.tayho, board())
    expect(again.hit).toBe(1)
    expect(again.loads).toBe(0)
    expect(again.statements).toBe(0)
    expect(again.text).toBe(first.text)
    expect(again.type).toBe('application/json')
    // The same query written in another order is the same question.
    const reordered = await list(as.tayho, `limit=50&status=in_progress&includeSubunits=true&unitId=${tayhoId}`)
    expect(reordered.hit).toBe(1)
    expect(reordered.text).toBe(first.text)
  })

  it("a task's new status shows in the very next answer", async () => {
    const first = await list(as.tayho, board())
    const task = first.json.tasks.find((t: { title: string }) => t.title === 'Bảng Tây Hồ 0')
    const res = await hub.request('PATCH', `/api/tasks/${task.id}`, {
      cookie: as.tayho,
      body: { version: task.version, status: 'done' },
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const next = await list(as.tayho, board())
    expect(next.hit).toBe(0)
    expect(titles(next)).not.toContain('Bảng Tây Hồ 0')
    expect(next.json.total).toBe(first.json.total - 1)
  })

  it('a task created in Tây Hồ (in a ward) shows in the very next answer', async () => {
    const first = await list(as.tayho, board())
    await create({ title: 'Mới ở phường', leadUnitId: wardId, status: 'in_progress' })
    const next = await list(as.tayho, board())
    expect(titles(next)).toContain('Mới ở phường')
    expect(next.json.total).toBe(first.json.total + 1)
  })

  it('a supporting unit moved away from Tây Hồ, and back, shows in the very next answer', async () => {
    const task = await create({
      title: 'Phối hợp liên quận',
      leadUnitId: hoankiemId,
      supportUnitIds: [wardId],
      status: 'in_progress',
    })
    expect(titles(await list(as.tayho, board()))).toContain('Phối hợp liên quận')
    let res = await hub.request('PATCH', `/api/tasks/${task.id}`, {
      cookie: as.bithu,
      body: { version: task.version, supportUnitIds: [] },
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(titles(await list(as.tayho, board()))).not.toContain('Phối hợp liên quận')
    res = await hub.request('PATCH', `/api/tasks/${task.id}`, {
      cookie: as.bithu,
      body: { version: res.json.task.version, supportUnitIds: [wardId] },
    })
    expect(res.status).toBe(200)
    expect(titles(await list(as.tayho, board()))).toContain('Phối hợp liên quận')
  })

  it('two district heads asking the same query string each get their own answer, in either order', async () => {
    const mine = await list(as.tayho, board())
    const his = await list(as.hoankiem, board())
    expect(his.hit).toBe(0)
    expect(titles(his)).not.toContain('Bảng Tây Hồ 1')
    // What he sees is only what reaches him (the task his district leads with a Tây Hồ ward's help).
    expect(titles(his)).toContain('Phối hợp liên quận')
    expect(his.text).not.toBe(mine.text)
    // A common board query with no unit: each his own.
    const q = 'status=in_progress&limit=50'
    const hisAll = await list(as.hoankiem, q)
    const mineAll = await list(as.tayho, q)
    expect(mineAll.hit).toBe(0)
    expect(titles(hisAll)).not.toContain('Bảng Tây Hồ 1')
    expect(titles(mineAll)).toContain('Bảng Tây Hồ 1')
    expect((await list(as.hoankiem, q)).text).toBe(hisAll.text)
  })

  it('a role given and taken away shows in the very next answer', async () => {
    expect(titles(await list(as.hoankiem, board()))).not.toContain('Bảng Tây Hồ 1')
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' })
    const m = schema.memberships
    const [row] = await hub.dbh.db
      .insert(m)
      .values({ userId: hoankiemUserId, unitId: tayhoId, role: 'unit_head', validFrom: today })
      .returning()
    expect(titles(await list(as.hoankiem, board()))).toContain('Bảng Tây Hồ 1')
    await hub.dbh.db.delete(m).where(eq(m.id, row!.id))
    expect(titles(await list(as.hoankiem, board()))).not.toContain('Bảng Tây Hồ 1')
  })

  it('a rolled-back write, with a read waiting behind it, leaves no trace in the cache', async () => {
    const first = await list(as.tayho, board())
    const task = first.json.tasks.find((t: { title: string }) => t.title === 'Bảng Tây Hồ 1')
    let release!: () => void
    let written!: () => void
    const wrote = new Promise<void>((r) => (written = r))
    const failed = hub.dbh.db.transaction(async (tx) => {
      await tx.update(schema.tasks).set({ status: 'done', title: 'Chưa xong' }).where(eq(schema.tasks.id, task.id))
      written()
      await new Promise<void>((r) => (release = r))
      throw new Error('rolled back')
    })
    await wrote
    // A read queued behind the open transaction.
    const during = list(as.tayho, `unitId=${tayhoId}&includeSubunits=true&status=in_progress&limit=49`)
    release()
    await expect(failed).rejects.toThrow('rolled back')
    const seen = await during
    expect(titles(seen)).toContain('Bảng Tây Hồ 1')
    expect(titles(seen)).not.toContain('Chưa xong')
    const next = await list(as.tayho, board())
    expect(next.text).toBe(first.text)
    expect(next.hit).toBe(1)
    // A refused write over HTTP (stale version) changes nothing either: still served from memory.
    const stale = await hub.request('PATCH', `/api/tasks/${task.id}`, {
      cookie: as.tayho,
      body: { version: task.version + 5, status: 'done' },
    })
    expect(stale.status).toBe(409)
    const after = await list(as.tayho, board())
    expect(after.text).toBe(first.text)
    expect(after.hit).toBe(1)
  })

  it('100 identical requests at once share one query', async () => {
    await list(as.tayho, board()) // the session is validated and believed
    const clock = hub.dbh.clock!
    const before = { statements: clock.statements, ...cache().stats() }
    const q = `unitId=${tayhoId}&includeSubunits=true&limit=20&offset=1`
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        hub.app.request(`http://hub.test/api/tasks?${q}`, { headers: { host: 'hub.test', cookie: as.tayho } }),
      ),
    )
    const texts = await Promise.all(answers.map((r) => r.text()))
    expect(answers.every((r) => r.status === 200)).toBe(true)
    expect(new Set(texts).size).toBe(1)
    const after = cache().stats()
    expect(after.loads - before.loads).toBe(1)
    expect(after.shared - before.shared).toBe(99)
    // One uncached answer is the page and the supports of its tasks (plus, at most, the session read again).
    expect(clock.statements - before.statements).toBeLessThanOrEqual(5)
    expect(JSON.parse(texts[0]!).tasks).toHaveLength(20)
  })
})

describe('bounds', () => {
  const text = (n: number) => async () => 'x'.repeat(n)

  it('keeps the most recently used answers within its entries and bytes', async () => {
    // text(n) is kept as JSON: n + 2 bytes.
    const c = new ResponseCache({ maxEntries: 3, maxBytes: 25, maxEntryBytes: 12 })
    for (const k of ['a', 'b', 'c']) await c.get(k, 's', text(5))
    await c.get('a', 's', text(5)) // a is now the most recent: b goes first
    await c.get('d', 's', text(5))
    expect(c.stats()).toMatchObject({ entries: 3, bytes: 21, loads: 4, hits: 1 })
    await c.get('a', 's', text(5))
    await c.get('b', 's', text(5))
    expect(c.stats()).toMatchObject({ hits: 2, loads: 5 })
    // Bytes bound the cache too: two answers of 12 bytes and one of 7 make 31 > 25, the oldest goes.
    await c.get('e', 's', text(10))
    await c.get('f', 's', text(10))
    expect(c.stats().bytes).toBeLessThanOrEqual(25)
    // An answer over the entry bound is served, not kept.
    expect((await c.get('g', 's', text(11))).body).toHaveLength(13)
    const loads = c.stats().loads
    await c.get('g', 's', text(11))
    expect(c.stats().loads).toBe(loads + 1)
  })

  it('keeps a large answer with its gzip, sent to a client that takes gzip', async () => {
    const c = new ResponseCache()
    const answer = await c.get('big', 's', async () => ({ words: 'Việc của tôi '.repeat(200) }))
    expect(answer.gzipped).toBeDefined()
    expect(JSON.parse(gunzipSync(answer.gzipped!).toString('utf8'))).toEqual({ words: 'Việc của tôi '.repeat(200) })
    expect(c.stats().bytes).toBe(answer.body.length + answer.gzipped!.length)
    const gz = await list(as.tayho, board(), { 'accept-encoding': 'gzip, deflate, br' })
    expect(gz.encoding).toBe('gzip')
    const plain = await list(as.tayho, board(), { 'accept-encoding': 'gzip;q=0, identity' })
    expect(plain.encoding).toBeNull()
    expect(gz.json).toEqual(plain.json)
  })

  it('keeps nothing of a failed computation, and its waiters all get the error', async () => {
    const c = new ResponseCache()
    let fail!: (e: Error) => void
    const failing = () => new Promise<string>((_, reject) => (fail = reject))
    const all = Promise.allSettled([c.get('k', 's', failing), c.get('k', 's', failing), c.get('k', 's', failing)])
    fail(new Error('statement failed'))
    expect((await all).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(c.stats()).toMatchObject({ loads: 1, shared: 2, entries: 0 })
    expect((await c.get('k', 's', text(3))).body).toEqual(new TextEncoder().encode('"xxx"'))
    // Under a new stamp the kept answer no longer holds.
    expect((await c.get('k', 't', text(4))).body).toEqual(new TextEncoder().encode('"xxxx"'))
  })
})
