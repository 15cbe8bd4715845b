// Model practices through the API, with the same behaviour proved on the embedded database and on a
// throwaway PostgreSQL server: the library, adoptions making tasks, outcomes, status steps by the
// committee, requests to adopt, questions and answers, and attachment uploads.

import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '../services/model-attachments'
import { modelNotificationHandler } from '../services/model-discussion'
import { ENGINES, TEST_ORIGIN, useTestHub } from '../testing/harness'

describe.each(ENGINES)('model practices on %s', (engine) => {
  const { hub, as, unitNamed } = useTestHub({ engine, accounts: ['bithu', 'tayho', 'hoankiem'], districts: true })
  let market: { id: string }

  beforeAll(async () => {
    // The hub wires this handler at start (hub.ts); the test app wires it here.
    hub.outbox.on(modelNotificationHandler(() => {}))
    const list = await hub.request('GET', '/api/models', { cookie: as.tayho })
    market = list.json.models.find((m: { title: string }) => m.title === 'Phiếu đi chợ')
  })

  /** Uploads a file the way a browser form does. */
  async function upload(cookie: string, modelId: string, name: string, bytes: Uint8Array, type = 'application/pdf') {
    const form = new FormData()
    form.append('file', new File([bytes], name, { type }))
    const res = await hub.app.request(`http://hub.test/api/models/${modelId}/attachments`, {
      method: 'POST',
      headers: { host: 'hub.test', origin: TEST_ORIGIN, cookie },
      body: form,
    })
    return { status: res.status, json: (await res.json().catch(() => null)) as any, headers: res.headers }
  }

  describe('model practices', () => {
    it('is described in the OpenAPI document, with search', async () => {
      const doc = await hub.request('GET', '/api/openapi.json')
      expect(doc.status).toBe(200)
      expect(Object.keys(doc.json.paths)).toEqual(
        expect.arrayContaining([
          '/api/models',
          '/api/models/{id}',
          '/api/models/{id}/adoptions',
          '/api/models/{id}/transition',
          '/api/models/{id}/attachments',
          '/api/search',
        ]),
      )
    })

    it('lists the demo library to every unit, with origin, status and coverage', async () => {
      const res = await hub.request('GET', '/api/models', { cookie: as.tayho })
      expect(res.status).toBe(200)
      expect(res.json.models.length).toBeGreaterThanOrEqual(4)
      expect(market).toBeTruthy()
      const m = res.json.models.find((x: { id: string }) => x.id === market.id)
      expect(m).toMatchObject({ originUnitName: 'Quận Tây Hồ', status: 'standard', category: 'an_sinh' })
      expect(m.coverage.districts).toMatchObject({ adopted: 22, total: 30 })
      const filtered = await hub.request('GET', `/api/models?status=proposed`, { cookie: as.tayho })
      expect(filtered.json.models.map((x: { status: string }) => x.status)).toEqual(['proposed'])
      const byDistrict = await hub.request('GET', `/api/models?districtId=${unitNamed('Tây Hồ')}`, { cookie: as.tayho })
      expect(byDistrict.json.models.map((x: { title: string }) => x.title)).toEqual(['Phiếu đi chợ'])
    })

    it('shows one practice with its adoptions, status steps with who decided, and coverage over time', async () => {
      const res = await hub.request('GET', `/api/models/${market.id}`, { cookie: as.hoankiem })
      expect(res.status).toBe(200)
      const m = res.json.model
      expect(m.adoptions).toHaveLength(22)
      expect(m.statusSteps.map((s: { status: string }) => s.status)).toEqual([
        'proposed',
        'reviewed',
        'recommended',
        'standard',
      ])
      expect(m.statusSteps[3].decidedByName).toBeTruthy()
      expect(m.coverage.origin.unitName).toBe('Quận Tây Hồ')
      expect(m.coverage.overTime.at(-1).districts).toBe(22)
      expect(m.can.adoptFor).toEqual([unitNamed('Hoàn Kiếm')])
    })

    it("an adoption creates the adopter's tasks on its board and moves the coverage", async () => {
      const hk = unitNamed('Hoàn Kiếm')
      const before = (await hub.request('GET', `/api/models/${market.id}`, { cookie: as.bithu })).json.model.coverage
      const res = await hub.request('POST', `/api/models/${market.id}/adoptions`, {
        cookie: as.hoankiem,
        body: { unitId: hk, startedAt: '2021-07-30', note: 'Áp dụng tại 18 phường' },
      })
      expect(res.status).toBe(201)
      expect(res.json.adoption).toMatchObject({ unitId: hk, startedAt: '2021-07-30', status: 'adopting' })
      expect(res.json.tasks).toHaveLength(3)
      expect(
        res.json.tasks.every(
          (t: { title: string; leadUnitId: string }) => t.title.startsWith('Phiếu đi chợ: ') && t.leadUnitId === hk,
        ),
      ).toBe(true)
      const board = await hub.request('GET', `/api/tasks?unitId=${hk}&q=phieu di cho`, { cookie: as.hoankiem })
      expect(board.json.tasks.map((t: { id: string }) => t.id)).toEqual(
        expect.arrayContaining(res.json.tasks.map((t: { id: string }) => t.id)),
      )
      const after = (await hub.request('GET', `/api/models/${market.id}`, { cookie: as.bithu })).json.model.coverage
      expect(after.districts.adopted).toBe(before.districts.adopted + 1)
      expect(after.overTime[0]).toMatchObject({ date: '2021-07-30', districts: 1 })
      const [audit] = await hub.dbh.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.entityId, res.json.adoption.id))
      expect(audit!.action).toBe('model.adopt')
      const again = await hub.request('POST', `/api/models/${market.id}/adoptions`, {
        cookie: as.hoankiem,
        body: { unitId: hk, startedAt: '2021-08-01' },
      })
      expect(again.status).toBe(409)
      expect(again.json.error.code).toBe('already_adopted')
    })

    it("an adopter records its outcome in figures, compared with the origin's", async () => {
      const hk = unitNamed('Hoàn Kiếm')
      const before = (await hub.request('GET', `/api/models/${market.id}`, { cookie: as.bithu })).json.model
      const adoption = before.adoptions.find((a: { unitId: string }) => a.unitId === hk)
      const key = 'Giảm lượt người ra đường (%)'
      const denied = await hub.request('PATCH', `/api/models/${market.id}/adoptions/${adoption.id}`, {
        cookie: as.tayho,
        body: { outcome: 'Tốt' },
      })
      expect(denied.status).toBe(403)
      const res = await hub.request('PATCH', `/api/models/${market.id}/adoptions/${adoption.id}`, {
        cookie: as.hoankiem,
        body: { outcome: 'Giảm mạnh lượt ra đường', figures: { [key]: 71 } },
      })
      expect(res.status).toBe(200)
      expect(res.json.adoption).toMatchObject({ status: 'evaluated', figures: { [key]: 71 } })
      const after = (await hub.request('GET', `/api/models/${market.id}`, { cookie: as.tayho })).json.model
      const row = after.comparison.find((c: { key: string }) => c.key === key)
      expect(row.origin).toBe(60)
      expect(row.reported).toBe(before.comparison.find((c: { key: string }) => c.key === key).reported + 1)
      expect(row.max).toBe(71)
      expect(after.coverage.byStatus.evaluated).toBe(before.coverage.byStatus.evaluated + 1)
    })

    it('only heads of the unit, or directing roles above it, adopt for a unit', async () => {
      const threeLayers = (await hub.request('GET', '/api/models?q=3 lop', { cookie: as.tayho })).json.models[0]
      expect(threeLayers.title).toContain('3 lớp')
      const forOther = await hub.request('POST', `/api/models/${threeLayers.id}/adoptions`, {
        cookie: as.tayho,
        body: { unitId: unitNamed('Sóc Sơn'), startedAt: '2021-08-03' },
      })
      expect(forOther.status).toBe(403)
      const bad = await hub.request('POST', `/api/models/${threeLayers.id}/adoptions`, {
        cookie: as.tayho,
        body: { unitId: unitNamed('Tây Hồ'), startedAt: '03/08/2021' },
      })
      expect(bad.status).toBe(400)
      expect(bad.json.error.details.fields.map((f: { path: string }) => f.path)).toContain('startedAt')
    })

    it('status steps go one at a time, decided by the committee only', async () => {
      const created = await hub.request('POST', '/api/models', {
        cookie: as.tayho,
        body: { title: 'Tổ Covid cộng đồng tự quản', originUnitId: unitNamed('Tây Hồ'), category: 'cong_dong' },
      })
      expect(created.status).toBe(201)
      const id = created.json.model.id
      expect(created.json.model.status).toBe('proposed')
      const byDistrict = await hub.request('POST', `/api/models/${id}/transition`, {
        cookie: as.tayho,
        body: { to: 'reviewed' },
      })
      expect(byDistrict.status).toBe(403)
      const skip = await hub.request('POST', `/api/models/${id}/transition`, {
        cookie: as.bithu,
        body: { to: 'standard' },
      })
      expect(skip.status).toBe(409)
      const ok = await hub.request('POST', `/api/models/${id}/transition`, {
        cookie: as.bithu,
        body: { to: 'reviewed', note: 'Đã thẩm định' },
      })
      expect(ok.status).toBe(200)
      const steps = (await hub.request('GET', `/api/models/${id}`, { cookie: as.tayho })).json.model.statusSteps
      expect(steps.map((s: { status: string; note: string }) => [s.status, s.note])).toEqual([
        ['proposed', ''],
        ['reviewed', 'Đã thẩm định'],
      ])
    })

    it('the committee asks districts to adopt: their tasks appear, adoptions wait as requested', async () => {
      const four = (await hub.request('GET', '/api/models?q=4 tai cho', { cookie: as.bithu })).json.models[0]
      const target = unitNamed('Mê Linh')
      const res = await hub.request('POST', `/api/models/${four.id}/requests`, {
        cookie: as.bithu,
        body: { unitIds: [target], dueAt: '2031-09-01' },
      })
      expect(res.status).toBe(201)
      expect(res.json.tasks).toHaveLength(1)
      expect(res.json.tasks[0]).toMatchObject({ leadUnitId: target, parentTaskId: res.json.parentTask.id })
      expect(res.json.adoptions[0].status).toBe('requested')
      const denied = await hub.request('POST', `/api/models/${four.id}/requests`, {
        cookie: as.tayho,
        body: { unitIds: [unitNamed('Tây Hồ')] },
      })
      expect(denied.status).toBe(403)
    })

    it("questions notify the origin unit's head; answers reach the asker", async () => {
      const q = await hub.request('POST', `/api/models/${market.id}/comments`, {
        cookie: as.hoankiem,
        body: { body: 'Phiếu in theo mẫu nào, cấp cho hộ tạm trú thế nào?' },
      })
      expect(q.status).toBe(201)
      const a = await hub.request('POST', `/api/models/${market.id}/comments`, {
        cookie: as.tayho,
        body: {
          body: 'Dùng mẫu chung của Sở Công Thương; hộ tạm trú đăng ký với tổ dân phố.',
          parentId: q.json.comment.id,
        },
      })
      expect(a.status).toBe(201)
      const list = await hub.request('GET', `/api/models/${market.id}/comments`, { cookie: as.bithu })
      expect(list.json.comments.map((c: { parentId: string | null }) => c.parentId)).toEqual([null, q.json.comment.id])
      // Delivery runs after commit: wait for each notification (the poll fails if it never comes).
      const kinds = async (cookie: string) => {
        await hub.outbox.kick()
        const { notifications } = (await hub.request('GET', '/api/notifications', { cookie })).json
        return notifications.map((n: { kind: string }) => n.kind)
      }
      await expect.poll(() => kinds(as.tayho), { timeout: 5_000 }).toContain('model.question')
      await expect.poll(() => kinds(as.hoankiem), { timeout: 5_000 }).toContain('model.answer')
    })

    it('attachments: allowed types stored and served as downloads; too large 413, wrong type 415', async () => {
      const pdf = new TextEncoder().encode('%PDF-1.4\n% mẫu phiếu đi chợ\n')
      const ok = await upload(as.tayho, market.id, 'Mẫu phiếu đi chợ.pdf', pdf)
      expect(ok.status).toBe(201)
      const dl = await hub.app.request(`http://hub.test/api/models/${market.id}/attachments/${ok.json.attachment.id}`, {
        headers: { host: 'hub.test', cookie: as.hoankiem },
      })
      expect(dl.status).toBe(200)
      expect(dl.headers.get('content-type')).toBe('application/pdf')
      expect(dl.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Mau phieu di cho.pdf"; filename\*=UTF-8''/,
      )
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff')
      expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf)

      const html = await upload(
        as.tayho,
        market.id,
        'trang.html',
        new TextEncoder().encode('<script>alert(1)</script>'),
        'text/html',
      )
      expect(html.status).toBe(415)
      expect(html.json.error.code).toBe('unsupported_media_type')
      const disguised = await upload(as.tayho, market.id, 'bao-cao.pdf', new TextEncoder().encode('<html></html>'))
      expect(disguised.status).toBe(415)
      const big = await upload(as.tayho, market.id, 'lon.pdf', new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(0x25))
      expect(big.status).toBe(413)
      expect(big.json.error.code).toBe('payload_too_large')
      const foreign = await upload(as.hoankiem, market.id, 'mau.pdf', pdf)
      expect(foreign.status).toBe(403)
      const stored = await hub.dbh.db
        .select({ name: schema.modelAttachments.filename })
        .from(schema.modelAttachments)
        .where(eq(schema.modelAttachments.practiceId, market.id))
      expect(stored.map((a) => a.name)).toEqual(['Mẫu phiếu đi chợ.pdf'])
    })
  })
})
