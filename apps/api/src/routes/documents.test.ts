// Collaborative drafts through the whole hub: skeletons, imports, named versions, issuing, logout.
import { describe, expect, it } from 'vitest'
import { api, issueDirective, loginCookie, submitDirective, useLiveHub } from '../testing/live-hub'
import { openDoc, until } from '../testing/ydoc'

const { hub, as } = useLiveHub(['vanphong', 'bithu', 'tayho'])

describe('collaborative drafts in the hub', () => {
  it('gives a new draft its skeleton from the server, once, however many open it together', async () => {
    const d = (
      await api(hub.base, as.vanphong, 'POST', '/api/directives', {
        kind: 'CT',
        title: 'về tăng cường phòng, chống dịch',
      })
    ).json.directive
    const [a, b] = await Promise.all([
      openDoc(hub.base, d.docName, as.vanphong),
      openDoc(hub.base, d.docName, as.bithu),
    ])
    try {
      await until(() => a.text() === b.text() && a.text().length > 0)
      expect(a.text()).toMatch(/^Căn cứ/)
      expect(a.text()).toContain('1. ...')
      expect(a.text().match(/Chỉ thị này phổ biến đến chi bộ\./g)).toHaveLength(1)
    } finally {
      a.close()
      b.close()
    }
  })

  it('opens an imported directive with its text, not the skeleton', async () => {
    const text =
      'THÀNH ỦY HÀ NỘI\nSố 30-CT/TU\nHà Nội, ngày 10 tháng 8 năm 2021\nCHỈ THỊ\nvề phòng dịch\nBan Thường vụ Thành ủy yêu cầu:\n1. Sở Y tế xét nghiệm.\n2. Công an Thành phố lập chốt.\nChỉ thị này phổ biến đến chi bộ.'
    const imp = (await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text })).json.directive
    const c = await openDoc(hub.base, imp.docName, as.vanphong)
    try {
      await until(() => c.text().includes('2. Công an'))
      expect(c.text()).toBe(
        'Ban Thường vụ Thành ủy yêu cầu:\n1. Sở Y tế xét nghiệm.\n2. Công an Thành phố lập chốt.\nChỉ thị này phổ biến đến chi bộ.',
      )
    } finally {
      c.close()
    }
  })

  it('saves, lists, shows, compares and restores named versions; a restore is a new edit', async () => {
    const d = (await api(hub.base, as.vanphong, 'POST', '/api/directives', { kind: 'KH', title: 'kế hoạch kiểm tra' }))
      .json.directive
    const a = await openDoc(hub.base, d.docName, as.vanphong)
    const b = await openDoc(hub.base, d.docName, as.bithu)
    try {
      a.setParagraphs(['Ban Thường vụ yêu cầu:', '1. Kiểm tra 30 quận, huyện.'])
      await until(() => b.text().includes('30 quận'))
      const v1 = await api(hub.base, as.vanphong, 'POST', `/api/documents/${d.docName}/versions`, {
        label: 'Bản trình Thường trực ngày 02/8/2021',
      })
      expect(v1.status).toBe(201)
      a.setParagraphs(['Ban Thường vụ yêu cầu:', '1. Kiểm tra đột xuất 30 quận, huyện.', '2. Báo cáo trước ngày 15/8.'])
      await until(() => b.text().includes('đột xuất'))
      const v2 = await api(hub.base, as.vanphong, 'POST', `/api/documents/${d.docName}/versions`, {
        label: 'Sau góp ý',
      })
      const list = (await api(hub.base, as.bithu, 'GET', `/api/documents/${d.docName}/versions`)).json.versions
      expect(list.map((v: any) => v.label)).toEqual(['Sau góp ý', 'Bản trình Thường trực ngày 02/8/2021'])
      const shown = (await api(hub.base, as.bithu, 'GET', `/api/documents/${d.docName}/versions/${v1.json.version.id}`))
        .json.version
      expect(shown.plainText).toBe('Ban Thường vụ yêu cầu:\n1. Kiểm tra 30 quận, huyện.')
      const diff = (
        await api(
          hub.base,
          as.bithu,
          'GET',
          `/api/documents/${d.docName}/diff?from=${v1.json.version.id}&to=${v2.json.version.id}`,
        )
      ).json
      expect(
        diff.parts
          .filter((p: any) => p.op === 'insert')
          .map((p: any) => p.text)
          .join('\n'),
      ).toContain('Báo cáo trước ngày 15/8.')
      const restored = await api(
        hub.base,
        as.bithu,
        'POST',
        `/api/documents/${d.docName}/versions/${v1.json.version.id}/restore`,
      )
      expect(restored.status).toBe(200)
      expect(restored.json.backup).toBeTruthy()
      // Both live editors receive the restore as an edit.
      await until(() => a.text() === 'Ban Thường vụ yêu cầu:\n1. Kiểm tra 30 quận, huyện.' && b.text() === a.text())
      // A district head may neither read a draft's versions nor save one.
      expect((await api(hub.base, as.tayho, 'GET', `/api/documents/${d.docName}/versions`)).status).toBe(403)
      expect((await api(hub.base, as.bithu, 'GET', '/api/documents/directive:nope/versions')).status).toBe(400)
    } finally {
      a.close()
      b.close()
    }
  })

  it('issuing freezes what the editors wrote, and the issued text is read-only', async () => {
    const d = (
      await api(hub.base, as.vanphong, 'POST', '/api/directives', {
        kind: 'CT',
        title: 'về cung ứng hàng hóa thiết yếu',
      })
    ).json.directive
    const a = await openDoc(hub.base, d.docName, as.vanphong)
    try {
      // Nothing else is being edited now: the next update the server makes durable is this one.
      const durable = hub.collab!.metrics.durableLatency.count
      a.setParagraphs([
        'Ban Thường vụ Thành ủy yêu cầu:',
        '1. Sở Công Thương bảo đảm hàng hóa; hoàn thành trong ngày 05/8/2021.',
        '2. Các quận ủy, huyện ủy, thị ủy giám sát giá cả.',
        'Chỉ thị này phổ biến đến chi bộ.',
      ])
      await until(() => hub.collab!.metrics.durableLatency.count > durable, 5000, 'the edit to be durable')
      // The issue closes the open editor; it reconnects, read-only.
      let closed = false
      a.provider.once('connection-close', () => {
        closed = true
      })
      const s = (await submitDirective(hub.base, as.vanphong, d.id, d.version)).json.directive
      const issued = await issueDirective(hub.base, as.bithu, d.id, s.version)
      expect(issued.status).toBe(200)
      const full = (await api(hub.base, as.bithu, 'GET', `/api/directives/${d.id}`)).json
      expect(full.clauses.map((c: any) => c.text)).toEqual([
        'Sở Công Thương bảo đảm hàng hóa; hoàn thành trong ngày 05/8/2021.',
        'Các quận ủy, huyện ủy, thị ủy giám sát giá cả.',
      ])
      const v = (await api(hub.base, as.bithu, 'GET', `/api/directives/${d.id}/versions/1`)).json.version
      expect(v.plainText).toContain('1. Sở Công Thương')
      expect(v.doc.type).toBe('doc')
      // The editor that stayed open is reconnected as read-only: its later edits go nowhere.
      await until(() => closed && a.provider.wsconnected && a.provider.synced, 10_000, 'the read-only reconnect')
      const dropped = hub.collab!.metrics.updatesDropped
      a.setParagraphs(['sửa trong phiên cũ'])
      const again = await openDoc(hub.base, d.docName, as.vanphong)
      again.setParagraphs(['sửa sau khi ban hành'])
      // Both edits reached the server and were refused there.
      await until(() => hub.collab!.metrics.updatesDropped >= dropped + 2, 5000, 'both edits to be dropped')
      const check = await openDoc(hub.base, d.docName, as.bithu)
      expect(check.text()).toContain('1. Sở Công Thương')
      expect(check.text()).not.toContain('sửa sau khi ban hành')
      expect(check.text()).not.toContain('sửa trong phiên cũ')
      again.close()
      check.close()
      const drafts = (await api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/task-drafts`)).json.drafts
      expect(drafts[0]).toMatchObject({ clauseOrdinal: 1, dueAt: '2021-08-05' })
      expect(drafts[1].leadUnitIds).toHaveLength(30)
    } finally {
      a.close()
    }
  })

  it('reports collab counters to administrators only', async () => {
    const m = await api(hub.base, await loginCookie(hub.base, 'quantri@demo.local'), 'GET', '/api/metrics')
    expect(m.status).toBe(200)
    expect(m.json.collab.updatesIn).toBeGreaterThan(0)
    expect(m.json.collab.updatesDropped).toBeGreaterThan(0)
    // Every event written so far is delivered: the outbox drains to nothing pending.
    expect(m.json.outbox).toEqual({ pending: expect.any(Number), oldestSeconds: expect.any(Number) })
    await until(
      async () =>
        (await api(hub.base, await loginCookie(hub.base, 'quantri@demo.local'), 'GET', '/api/metrics')).json.outbox
          .pending === 0,
      10_000,
      'the outbox to drain',
    )
    expect((await api(hub.base, as.tayho, 'GET', '/api/metrics')).status).toBe(403)
    expect((await api(hub.base, as.bithu, 'GET', '/api/metrics')).status).toBe(403)
  })

  it('drops the editors of a user who logged out everywhere; their later edits reach nobody', async () => {
    const first = await loginCookie(hub.base, 'vanphong@demo.local')
    const d = (await api(hub.base, first, 'POST', '/api/directives', { kind: 'CT', title: 'đăng xuất mọi nơi' })).json
      .directive
    const a = await openDoc(hub.base, d.docName, first)
    const b = await openDoc(hub.base, d.docName, as.bithu)
    try {
      a.setParagraphs(['trước khi đăng xuất'])
      await until(() => b.text() === 'trước khi đăng xuất')
      const other = await loginCookie(hub.base, 'vanphong@demo.local')
      await api(hub.base, other, 'POST', '/api/auth/logout-all')
      await until(() => !a.provider.wsconnected, 3000)
      let reconnected = false
      a.provider.on('status', (e: { status: string }) => {
        if (e.status === 'connected') reconnected = true
      })
      const refused = () => hub.collab!.metrics.refused['401'] ?? 0
      const before = refused()
      a.setParagraphs(['sau khi đăng xuất'])
      // The client tries to reconnect with its ended session: the server refuses that upgrade.
      await until(() => refused() > before, 10_000, 'the reconnect to be refused')
      expect(reconnected).toBe(false)
      expect(b.text()).toBe('trước khi đăng xuất')
      const fresh = await openDoc(hub.base, d.docName, as.bithu)
      expect(fresh.text()).toBe('trước khi đăng xuất')
      fresh.close()
    } finally {
      a.close()
      b.close()
    }
  })
})
