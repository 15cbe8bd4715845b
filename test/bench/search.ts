// The search benchmark (issue 18): GET /api/search over the demo city and again with 100,000 more tasks,
// as the secretary and as a district head, and the task list's folded text filter.

import { createDb } from '@hub/db'
import { sql } from 'drizzle-orm'
import { call, cleanup, login, type Row, startProcess, summarise } from './harness'

const ms = (t0: number) => performance.now() - t0

/** What people type: without diacritics, with them, in capitals, a unit, a half-typed word. */
const queries = ['phieu di cho', '3 lop', '4 tai cho', 'PHIẾU ĐI CHỢ', 'chot kiem soat', 'quang an', 'bao cao tien d']

/** Phrases the 100,000 bulk tasks are titled with, so searches find many of them. */
const phrases = [
  'Kiểm tra chốt kiểm soát cửa ngõ',
  'Phát phiếu đi chợ theo khung giờ',
  'Rà soát hộ khó khăn cần hỗ trợ',
  'Duy trì mô hình "3 lớp" bảo vệ vùng xanh',
  'Lập phương án "4 tại chỗ" tại địa bàn',
  'Báo cáo tiến độ tiêm chủng hằng ngày',
  'Tuyên truyền người dân ở nhà',
  'Bố trí lực lượng trực đêm',
]

async function timeSearches(base: string, cookie: string, rounds: number) {
  const out: number[] = []
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const t = performance.now()
      const res = await call(base, cookie, 'GET', `/api/search?q=${encodeURIComponent(q)}`)
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status}`)
      out.push(ms(t))
    }
  return out
}

/** Adds `n` tasks straight into a stopped hub's data folder (the database keeps their search words). */
export async function addBulkTasks(dataDir: string, n: number): Promise<void> {
  const h = await createDb({ dataDir })
  try {
    const list = sql.join(
      phrases.map((p) => sql`${p}`),
      sql`, `,
    )
    await h.db.execute(sql`
      with u as (select array_agg(id order by code) a from units where kind in ('district', 'commune'))
      insert into tasks (title, description, lead_unit_id, due_at, status, progress)
      select (array[${list}])[1 + i % ${phrases.length}] || ' (đợt ' || i || ')',
             'Nhiệm vụ đo hiệu năng tìm kiếm',
             u.a[1 + i % array_length(u.a, 1)],
             current_date + (i % 60),
             'in_progress', 10
      from generate_series(1, ${n}) i, u`)
  } finally {
    await h.close()
  }
}

/** Signs in as the secretary and a district head, warms up once, then times the searches `runs` times as each. */
async function timeAsBoth(base: string, runs: number) {
  const secretary = await login(base, 'bithu@demo.local')
  const head = await login(base, 'tayho@demo.local')
  await timeSearches(base, secretary, 1)
  const all = await timeSearches(base, secretary, runs)
  return { secretary, all, district: await timeSearches(base, head, runs) }
}

/** GET /api/search over the demo city, then over 100,000 more tasks; as the secretary and as a district head. */
export async function search(): Promise<Row[]> {
  const hub = await startProcess()
  const rows: Row[] = []
  let dataDir = hub.dataDir
  try {
    const { all, district } = await timeAsBoth(hub.base, 15)
    rows.push(
      { bench: 'GET /api/search, demo city', ...summarise(all), unit: 'ms', note: 'secretary (everything), 7 queries' },
      {
        bench: 'GET /api/search, demo city',
        ...summarise(district),
        unit: 'ms',
        note: 'district head (policy filters)',
      },
    )
    await hub.stop()
    dataDir = hub.dataDir
    const t0 = performance.now()
    await addBulkTasks(dataDir, 100_000)
    const loadMs = ms(t0)
    const big = await startProcess(dataDir)
    try {
      const { secretary: cookie, all: s, district: h } = await timeAsBoth(big.base, 5)
      const list: number[] = []
      for (const q of ['phieu di cho', '3 lop', 'chot kiem']) {
        const t = performance.now()
        await call(big.base, cookie, 'GET', `/api/tasks?q=${encodeURIComponent(q)}&limit=50`)
        list.push(ms(t))
      }
      rows.push(
        {
          bench: 'GET /api/search, +100,000 tasks',
          ...summarise(s),
          unit: 'ms',
          note: `secretary; tasks inserted in ${Math.round(loadMs / 1000)} s with their search words`,
        },
        { bench: 'GET /api/search, +100,000 tasks', ...summarise(h), unit: 'ms', note: 'district head' },
        { bench: 'GET /api/tasks?q= (folded), +100,000 tasks', ...summarise(list), unit: 'ms', note: 'page of 50' },
      )
    } finally {
      await big.stop()
    }
    return rows
  } finally {
    await hub.stop().catch(() => {})
    cleanup(dataDir)
  }
}
