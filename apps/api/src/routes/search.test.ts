// Search through the API, with the same behaviour proved on the embedded database and on a throwaway
// PostgreSQL server: diacritics optional, nobody finds what they may not read, collaborative documents
// found by their stored text, and the two engines rank the same top five.

import { schema } from '@hub/db'
import { foldVietnamese } from '@hub/domain'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { ENGINES, useTestHub } from '../testing/harness'

/** What each engine ranked for each query (type and title; ids differ between the two seeded databases). */
const ranked = new Map<string, Map<string, string[]>>()

describe.each(ENGINES)('search on %s', (engine) => {
  const { hub, as, unitNamed } = useTestHub({ engine, accounts: ['bithu', 'tayho', 'hoankiem'], districts: true })

  type Result = {
    type: string
    id: string
    title: string
    snippet: string
    highlights: [number, number][]
    directiveId?: string
  }
  const search = async (cookie: string, q: string, type?: string) => {
    const res = await hub.request('GET', `/api/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`, {
      cookie,
    })
    expect(res.status).toBe(200)
    return res.json.results as Result[]
  }
  const folded = (s: string) => foldVietnamese(s)

  describe('search', () => {
    it.each([
      ['phieu di cho', 'phiếu đi chợ'],
      ['PHIẾU ĐI CHỢ', 'phiếu đi chợ'],
      ['3 lop', '3 lớp'],
      ['4 tai cho', '4 tại chỗ'],
    ])('"%s" ranks "%s" in the top five, with the words highlighted', async (q, want) => {
      for (const cookie of [as.bithu, as.tayho]) {
        const top = (await search(cookie, q)).slice(0, 5)
        if (cookie === as.bithu)
          ranked.set(
            engine,
            (ranked.get(engine) ?? new Map()).set(
              q,
              top.map((r) => `${r.type}: ${r.title}`),
            ),
          )
        const hit = top.find((r) => r.title.toLowerCase().includes(want))
        expect(hit, `${q} → ${top.map((r) => r.title).join(' | ')}`).toBeTruthy()
      }
      const [first] = await search(as.bithu, q, 'model')
      expect(first!.title.toLowerCase()).toContain(want)
      const marked = first!.highlights.map(([a, b]) => folded(first!.snippet.slice(a, b)))
      expect(marked.length).toBeGreaterThan(0)
      for (const m of marked) expect(folded(q)).toContain(m)
    })

    it('the task list filter folds the same way: "3 lop" finds what "3 lớp" finds', async () => {
      const plain = await hub.request('GET', '/api/tasks?q=3%20lop&limit=500', { cookie: as.bithu })
      const marked = await hub.request('GET', `/api/tasks?q=${encodeURIComponent('3 lớp')}&limit=500`, {
        cookie: as.bithu,
      })
      expect(marked.json.total).toBeGreaterThan(0)
      expect(plain.json.total).toBe(marked.json.total)
      const upper = await hub.request('GET', `/api/tasks?q=${encodeURIComponent('3 LỚP')}&limit=500`, {
        cookie: as.bithu,
      })
      expect(upper.json.total).toBe(marked.json.total)
    })

    it('a district head does not find a directive draft, nor its clauses; the committee does', async () => {
      const [draft] = await hub.dbh.db.select().from(schema.directives).where(eq(schema.directives.status, 'draft'))
      expect(draft).toBeTruthy()
      const q = 'nhan rong mo hinh 4 tai cho trong giai doan moi'
      expect((await search(as.bithu, q, 'directive')).map((r) => r.id)).toContain(draft!.id)
      const forTayho = await search(as.tayho, '4 tai cho')
      expect(forTayho.some((r) => r.id === draft!.id || r.directiveId === draft!.id)).toBe(false)
      expect(await search(as.tayho, q, 'directive')).toEqual([])
    })

    it("a district head does not find another district's report; its own district and the committee do", async () => {
      const hk = unitNamed('Hoàn Kiếm')
      const [report] = await hub.dbh.db
        .insert(schema.reports)
        .values({
          kind: 'daily',
          unitId: hk,
          narrative: 'Chợ Hàng Bè tạm đóng cửa, chuyển sang bán hàng qua phiếu đi chợ điện tử.',
        })
        .returning()
      const q = 'cho hang be tam dong cua'
      expect((await search(as.bithu, q, 'report')).map((r) => r.id)).toEqual([report!.id])
      expect((await search(as.hoankiem, q, 'report')).map((r) => r.id)).toEqual([report!.id])
      expect(await search(as.tayho, q, 'report')).toEqual([])
      expect((await search(as.tayho, 'phieu di cho dien tu')).map((r) => r.id)).not.toContain(report!.id)
    })

    it('finds collaborative documents by their stored text, meeting minutes and units', async () => {
      const [market] = await hub.dbh.db
        .select()
        .from(schema.modelPractices)
        .where(eq(schema.modelPractices.title, 'Phiếu đi chợ'))
      await hub.dbh.db.insert(schema.yDocuments).values({
        name: `model:${market!.id}`,
        plainText: 'Mỗi hộ được phát hai phiếu mỗi tuần; ưu tiên người cao tuổi đi vào khung giờ sáng sớm.',
      })
      const byText = await search(as.tayho, 'uu tien nguoi cao tuoi')
      expect(byText[0]).toMatchObject({ type: 'model', id: market!.id })
      expect(byText[0]!.snippet).toContain('ưu tiên người cao tuổi')
      const [issued] = await hub.dbh.db.select().from(schema.directives).where(eq(schema.directives.number, '05-CT/TU'))
      await hub.dbh.db.insert(schema.yDocuments).values({
        name: `plan:${issued!.id}`,
        plainText: 'Kế hoạch: lập 12 tổ phản ứng nhanh tại các chợ đầu mối.',
      })
      const byPlan = await search(as.tayho, 'to phan ung nhanh', 'directive')
      expect(byPlan.map((r) => r.id)).toEqual([issued!.id])
      const minutes = await search(as.bithu, 'giao ban cong tac', 'meeting')
      expect(minutes[0]!.title).toBe('Giao ban công tác phòng, chống dịch')
      const units = await search(as.tayho, 'quang an', 'unit')
      expect(units[0]!.title).toContain('Quảng An')
    })

    it.runIf(engine === 'PostgreSQL')('ranks the same top five as PGlite', () => {
      const embedded = ranked.get('PGlite')
      const server = ranked.get('PostgreSQL')
      expect(embedded?.size).toBe(4)
      for (const [q, top] of embedded!) expect([...server!.get(q)!].sort(), q).toEqual([...top].sort())
    })

    it('rejects an empty query and an unknown type with the error shape', async () => {
      const empty = await hub.request('GET', '/api/search?q=', { cookie: as.bithu })
      expect(empty.status).toBe(400)
      const wrong = await hub.request('GET', '/api/search?q=cho&type=secret', { cookie: as.bithu })
      expect(wrong.status).toBe(400)
      expect(wrong.json.error.code).toBe('validation_failed')
      const anon = await hub.request('GET', '/api/search?q=cho')
      expect(anon.status).toBe(401)
    })
  })
})
