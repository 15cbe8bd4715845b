// The unit directory and public pages on a real in-process hub (PGlite, demo city): Hà Nội's real units,
// a unit page with its head and who is on duty, hotlines without login, health and the API reference,
// and a 401 on every resource without a session.

import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as } = useTestHub({ accounts: ['tayho'] })

describe('units, people, public duty, health, docs', () => {
  it('lists the real units of Hà Nội (2021): 30 districts, 579 communes, Party bodies and sectors', async () => {
    const d = await hub.request('GET', '/api/units?kind=district', { cookie: as.tayho })
    expect(d.json.units).toHaveLength(30)
    expect(d.json.units.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['Quận Tây Hồ', 'Quận Hoàn Kiếm', 'Thị xã Sơn Tây', 'Huyện Mỹ Đức']),
    )
    expect((await hub.request('GET', '/api/units?kind=commune', { cookie: as.tayho })).json.units).toHaveLength(579)
    const bodies = (await hub.request('GET', '/api/units?kind=body', { cookie: as.tayho })).json.units.map(
      (u: { name: string }) => u.name,
    )
    expect(bodies).toEqual(
      expect.arrayContaining([
        'Văn phòng Thành ủy',
        'Ban cán sự đảng UBND Thành phố',
        'Đảng đoàn HĐND Thành phố',
        'Ủy ban MTTQ Thành phố',
      ]),
    )
    const sectors = (await hub.request('GET', '/api/units?kind=sector', { cookie: as.tayho })).json.units.map(
      (u: { name: string }) => u.name,
    )
    expect(sectors).toEqual(expect.arrayContaining(['Công an Thành phố', 'Sở Y tế', 'Sở Công Thương']))
    expect((await hub.request('GET', '/api/units?kind=planet', { cookie: as.tayho })).status).toBe(400)
    expect((await hub.request('GET', '/api/units')).status).toBe(401)
  })

  it('shows a unit page with its head, hotlines, who is on duty now and its sub-units', async () => {
    const tayho = (await hub.request('GET', '/api/units?kind=district', { cookie: as.tayho })).json.units.find(
      (u: { name: string }) => u.name === 'Quận Tây Hồ',
    )
    const res = await hub.request('GET', `/api/units/${tayho.id}`, { cookie: as.tayho })
    expect(res.status).toBe(200)
    expect(res.json.unit.head.fullName).toBe('Phạm Minh Tuấn')
    expect(res.json.unit.hotlines.length).toBeGreaterThan(0)
    expect(res.json.unit.onDuty).toHaveLength(1)
    expect(res.json.unit.children).toHaveLength(8)
    const people = await hub.request('GET', `/api/people?unitId=${tayho.id}`, { cookie: as.tayho })
    expect(people.json.people.some((p: { userId: string | null }) => p.userId)).toBe(true)
  })

  it('publishes hotlines and duty without login', async () => {
    const res = await hub.request('GET', '/api/public/duty?kind=district')
    expect(res.status).toBe(200)
    expect(res.json.units).toHaveLength(30)
    for (const u of res.json.units) {
      expect(u.hotlines.length).toBeGreaterThan(0)
      expect(u.onDuty.length).toBeGreaterThan(0)
    }
  })

  it('serves health, the OpenAPI description and the reference page', async () => {
    expect((await hub.request('GET', '/api/health')).json.status).toBe('ok')
    const oa = await hub.request('GET', '/api/openapi.json')
    expect(oa.json.openapi).toBe('3.1.0')
    expect(Object.keys(oa.json.paths)).toEqual(
      expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/auth/login', '/api/units', '/api/directives']),
    )
    const docs = await hub.app.request('http://hub.test/api/docs')
    expect(await docs.text()).toContain('/api/openapi.json')
    expect((await hub.app.request('http://hub.test/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200)
    const unknown = await hub.request('GET', '/api/nope', { cookie: as.tayho })
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.code).toBe('not_found')
  })
})

describe('sessions guard every resource', () => {
  it.each([
    ['GET', '/api/units'],
    ['GET', '/api/people'],
    ['GET', '/api/tasks'],
    ['GET', '/api/directives'],
    ['POST', '/api/directives/import'],
    ['GET', '/api/meetings'],
    ['GET', '/api/notifications'],
    ['POST', '/api/notifications/read-all'],
    ['GET', '/api/metrics'],
  ])('%s %s without a session: 401 in the error shape', async (method, path) => {
    const res = await hub.request(method, path, method === 'POST' ? { body: {} } : {})
    expect(res.status).toBe(401)
    expect(res.json.error.code).toBe('unauthenticated')
  })
})
