// Paging of the task list ("Việc của tôi" on a phone): pages of a head's hundreds of tasks are disjoint,
// complete and in due-date order; bad paging input is refused; paging never widens what one may read.
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as } = useTestHub({ accounts: ['bithu', 'tayho', 'hoankiem'] })
let tayhoUser: { id: string; unitId: string }
const N = 75

beforeAll(async () => {
  tayhoUser = (await hub.request('GET', '/api/auth/me', { cookie: as.tayho })).json.user
  for (let i = 0; i < N; i++) {
    const res = await hub.request('POST', '/api/tasks', {
      cookie: as.bithu,
      body: {
        title: `Rà soát điểm ${i}`,
        leadUnitId: tayhoUser.unitId,
        accountableUserId: tayhoUser.id,
        // Several tasks share a due date: the order must still be total, so pages never overlap.
        dueAt: `2032-01-${String(1 + (i % 20)).padStart(2, '0')}`,
      },
    })
    expect(res.status).toBe(201)
  }
})

const page = (cookie: string, query: string) => hub.request('GET', `/api/tasks?${query}`, { cookie })

describe('task list paging', () => {
  it('pages are disjoint, complete and in due-date order, with the total on each', async () => {
    const seen: { id: string; dueAt: string | null }[] = []
    let total = -1
    for (let offset = 0; ; offset += 30) {
      const res = await page(as.tayho, `assigneeId=${tayhoUser.id}&timeliness=open&limit=30&offset=${offset}`)
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({ limit: 30, offset })
      if (total < 0) total = res.json.total
      expect(res.json.total).toBe(total)
      seen.push(...res.json.tasks)
      if (res.json.tasks.length < 30) break
    }
    expect(total).toBeGreaterThanOrEqual(N)
    expect(seen).toHaveLength(total)
    expect(new Set(seen.map((t) => t.id)).size).toBe(total)
    const dues = seen.map((t) => t.dueAt ?? '9999')
    expect(dues).toEqual([...dues].sort())
  })

  it('refuses bad paging input (400) and answers an offset past the end with an empty page', async () => {
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1', 'offset=1.5', 'offset=x', 'limit=-5'])
      expect((await page(as.tayho, `assigneeId=${tayhoUser.id}&${q}`)).status, q).toBe(400)
    const past = await page(as.tayho, `assigneeId=${tayhoUser.id}&limit=30&offset=100000`)
    expect(past.status).toBe(200)
    expect(past.json.tasks).toEqual([])
    expect(past.json.total).toBeGreaterThanOrEqual(N)
  })

  it("another district's head pages through none of Tây Hồ's tasks, whatever he names", async () => {
    for (const q of [
      `assigneeId=${tayhoUser.id}&limit=30&offset=0`,
      `unitId=${tayhoUser.unitId}&includeSubunits=true&limit=30&offset=30`,
      `unitId=${tayhoUser.unitId}&timeliness=open&limit=500`,
    ]) {
      const res = await page(as.hoankiem, q)
      expect(res.status, q).toBe(200)
      expect(
        res.json.tasks.filter((t: any) => t.title.startsWith('Rà soát điểm')),
        q,
      ).toEqual([])
      // What a page does show him (a task his district supports, say) he may open on its own.
      for (const t of res.json.tasks)
        expect((await hub.request('GET', `/api/tasks/${t.id}`, { cookie: as.hoankiem })).status, t.title).toBe(200)
      expect(res.json.total, q).toBeLessThan(N)
    }
  })
})
