// The task list as a board reads it (issue 18 made it one statement with its total): pages and totals
// agree with the whole list, a unit filter inside or outside the caller's reach shows only what they
// may see, and a page past the end still tells the total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHub, type TestHub } from '../testing/harness'

let hub: TestHub
let bithu: string
let tayho: string
let districts: { id: string; name: string }[]
const unitNamed = (name: string) => districts.find((d) => d.name.includes(name))!.id
type Listed = { tasks: { id: string; status: string; leadUnitId: string; supportUnitIds: string[] }[]; total: number }
const list = async (cookie: string, query: string): Promise<Listed> => {
  const res = await hub.request('GET', `/api/tasks?${query}`, { cookie })
  expect(res.status).toBe(200)
  return res.json
}

beforeAll(async () => {
  hub = await createTestHub()
  bithu = await hub.login('bithu@demo.local')
  tayho = await hub.login('tayho@demo.local')
  districts = (await hub.request('GET', '/api/units?kind=district', { cookie: bithu })).json.units
})
afterAll(() => hub.close())

describe('task list', () => {
  it("pages a district head's filtered board in order, each page with the whole total, past the end too", async () => {
    const filter = `unitId=${unitNamed('Tây Hồ')}&includeSubunits=true&status=in_progress`
    const whole = await list(tayho, `${filter}&limit=500`)
    expect(whole.total).toBe(whole.tasks.length)
    expect(whole.total).toBeGreaterThan(7)
    for (const t of whole.tasks) expect(t.status).toBe('in_progress')
    const paged: string[] = []
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await list(tayho, `${filter}&limit=7&offset=${offset}`)
      expect(page.total).toBe(whole.total)
      paged.push(...page.tasks.map((t) => t.id))
    }
    expect(paged).toEqual(whole.tasks.map((t) => t.id))
    const beyond = await list(tayho, `${filter}&limit=7&offset=${whole.total + 7}`)
    expect(beyond).toMatchObject({ tasks: [], total: whole.total })
    // The secretary (every task, count apart) sees the same district's board.
    expect((await list(bithu, `${filter}&limit=500`)).tasks.map((t) => t.id)).toEqual(paged)
  })

  it('filtered by a unit outside his reach, a district head sees only the tasks his units support', async () => {
    const hoanKiem = unitNamed('Hoàn Kiếm')
    const create = async (title: string, supportUnitIds: string[]) =>
      (
        await hub.request('POST', '/api/tasks', {
          cookie: bithu,
          body: { title, leadUnitId: hoanKiem, supportUnitIds, dueAt: '2031-03-01' },
        })
      ).json.task.id as string
    const shared = await create('Phối hợp chốt giáp ranh Tây Hồ', [unitNamed('Tây Hồ')])
    const alone = await create('Việc riêng của Hoàn Kiếm', [])
    const seen = await list(tayho, `unitId=${hoanKiem}&limit=500`)
    const ids = seen.tasks.map((t) => t.id)
    expect(ids).toContain(shared)
    expect(ids).not.toContain(alone)
    expect(seen.total).toBe(ids.length)
    const all = (await list(bithu, `unitId=${hoanKiem}&limit=500`)).tasks.map((t) => t.id)
    expect(all).toEqual(expect.arrayContaining([shared, alone]))
  })
})
