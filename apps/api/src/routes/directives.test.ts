// Directive drafting through the API on a real in-process hub (PGlite, demo city): the office creates
// and edits drafts, a district head sees only issued directives and may not edit, issued text stays
// frozen, bad input is refused.

import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as } = useTestHub({ accounts: ['vanphong', 'tayho'] })

describe('directives', () => {
  it('lets the office create and edit a draft; the Party layout defaults apply', async () => {
    const res = await hub.request('POST', '/api/directives', {
      cookie: as.vanphong,
      body: { kind: 'CT', title: 'Về tăng cường kiểm tra giãn cách xã hội' },
    })
    expect(res.status).toBe(201)
    expect(res.json.directive).toMatchObject({
      kind: 'CT',
      status: 'draft',
      issuer: 'THÀNH ỦY HÀ NỘI',
      number: null,
      version: 1,
    })
    expect(res.json.directive.docName).toBe(`directive:${res.json.directive.id}`)
    const id = res.json.directive.id
    const patched = await hub.request('PATCH', `/api/directives/${id}`, {
      cookie: as.vanphong,
      body: {
        version: 1,
        title: 'Về tăng cường kiểm tra',
        signer: { name: 'Trần Quốc Hưng', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' },
      },
    })
    expect(patched.status).toBe(200)
    expect(patched.json.directive.version).toBe(2)
    expect(
      (await hub.request('PATCH', `/api/directives/${id}`, { cookie: as.vanphong, body: { version: 1, title: 'x' } }))
        .status,
    ).toBe(409)
  })

  it('hides drafts from a district head, shows issued directives, and refuses his edits', async () => {
    const draft = (
      await hub.request('POST', '/api/directives', {
        cookie: as.vanphong,
        body: { kind: 'KH', title: 'Kế hoạch nội bộ' },
      })
    ).json.directive
    expect((await hub.request('GET', `/api/directives/${draft.id}`, { cookie: as.tayho })).status).toBe(403)
    expect(
      (
        await hub.request('PATCH', `/api/directives/${draft.id}`, {
          cookie: as.tayho,
          body: { version: 1, title: 'x' },
        })
      ).status,
    ).toBe(403)
    expect(
      (await hub.request('POST', '/api/directives', { cookie: as.tayho, body: { kind: 'CT', title: 'x' } })).status,
    ).toBe(403)
    const list = (await hub.request('GET', '/api/directives', { cookie: as.tayho })).json.directives
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((d: { status: string }) => d.status !== 'draft' && d.status !== 'in_review')).toBe(true)
    const ct05 = list.find((d: { number: string }) => d.number === '05-CT/TU')
    expect(ct05).toBeTruthy()
    const full = await hub.request('GET', `/api/directives/${ct05.id}`, { cookie: as.tayho })
    expect(full.json.clauses.length).toBeGreaterThan(2)
    expect(full.json.directive.signer).toMatchObject({ title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' })
    expect(full.json.directive.recipients.some((r: { capacity: string }) => r.capacity === 'archive')).toBe(true)
  })

  it('keeps issued text frozen', async () => {
    const list = (await hub.request('GET', '/api/directives', { cookie: as.vanphong })).json.directives
    const issued = list.find((d: { status: string }) => d.status === 'in_force')
    const res = await hub.request('PATCH', `/api/directives/${issued.id}`, {
      cookie: as.vanphong,
      body: { version: issued.version, title: 'đổi' },
    })
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('directive_frozen')
  })

  it('validates input', async () => {
    const res = await hub.request('POST', '/api/directives', { cookie: as.vanphong, body: { kind: 'XX', title: '' } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain('kind')
  })
})
