// A directive's whole life on a real hub (PGlite, collab editors): pasted text imported into a draft,
// tasks proposed from its clauses and confirmed (a parent with a child per district), review and issue
// by the committee alone with the text frozen, and DOCX and PDF export in the formal layout.

import { schema } from '@hub/db'
import { and, eq } from 'drizzle-orm'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, issueDirective, submitDirective, useLiveHub } from '../testing/live-hub'

// A city directive as people paste it from a PDF: header columns broken by tabs, stray spaces,
// the recipient list and the signing block side by side.
const pasted = `THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 09 -CT/TU\t\tHà Nội, ngày 02 tháng 8 năm 2021

CHỈ THỊ
CỦA BAN THƯỜNG VỤ THÀNH ỦY
về tăng cường kiểm soát người ra vào Thành phố
trong thời gian giãn cách xã hội

Thực hiện Chỉ thị số 05-CT/TU, ngày 30/7/2021 của Ban Thường vụ Thành ủy, Ban Thường vụ Thành ủy yêu cầu:

1. Ban cán sự đảng UBND Thành phố chỉ đạo lập đủ các chốt kiểm soát tại cửa ngõ; phối hợp với Công an Thành phố và Bộ Tư lệnh Thủ đô; hoàn thành trong ngày 03/8/2021.
Các chốt làm việc 24/24 giờ.

2. Các quận ủy, huyện ủy, thị ủy chỉ đạo kiểm soát chặt chẽ người ra khỏi nhà; báo cáo hằng ngày về Văn phòng Thành ủy.

3. Ngành Công Thương bảo đảm cung ứng hàng hóa thiết yếu, hoàn thành trước ngày 10/8/2021.

Chỉ thị này phổ biến đến chi bộ.

Nơi nhận:\t\tT/M BAN THƯỜNG VỤ
- Ban Bí thư, (để b/c)\t\tBÍ THƯ
- Các quận ủy, huyện ủy, thị ủy, (để thực hiện)
- Công an Thành phố, (để thực hiện)
- Lưu Văn phòng Thành ủy.\t\tTrần Quốc Hưng`

const { hub, as } = useLiveHub(['vanphong', 'bithu', 'tayho'])
let units: any[]
const unit = (name: string) => units.find((u) => u.name === name)
beforeAll(async () => {
  units = (await api(hub.base, as.bithu, 'GET', '/api/units')).json.units
})

describe('directive lifecycle', () => {
  let imported: any

  it('imports pasted text into a draft with every field recognised', async () => {
    const res = await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text: pasted })
    expect(res.status).toBe(201)
    imported = res.json.directive
    expect(imported).toMatchObject({
      kind: 'CT',
      number: '09-CT/TU',
      issuedAt: '2021-08-02',
      place: 'Hà Nội',
      status: 'draft',
      issuer: 'THÀNH ỦY HÀ NỘI',
      layout: 'party',
    })
    expect(imported.title).toBe('về tăng cường kiểm soát người ra vào Thành phố trong thời gian giãn cách xã hội')
    expect(imported.signer).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Trần Quốc Hưng' })
    expect(res.json.clauses.map((c: any) => c.ordinal)).toEqual([1, 2, 3])
    expect(res.json.clauses[0].text).toContain('Các chốt làm việc 24/24 giờ.')
    expect(res.json.clauses[2].text).not.toContain('phổ biến đến chi bộ')
    const names = imported.recipients.map((r: any) => r.name)
    expect(names.join(' ')).not.toMatch(/BÍ THƯ|Trần Quốc Hưng|T\/M/)
    expect(imported.recipients.find((r: any) => r.name.startsWith('Công an'))).toMatchObject({
      capacity: 'execute',
      unitId: unit('Công an Thành phố').id,
    })
    expect(imported.recipients.at(-1)).toMatchObject({ capacity: 'archive' })
    // The group line is one row per district (each receipt is recorded), under its printed label.
    const group = imported.recipients.filter((r: any) => r.groupLabel === 'Các quận ủy, huyện ủy, thị ủy')
    expect(group).toHaveLength(30)
    expect(group.every((r: any) => r.capacity === 'execute' && r.unitId)).toBe(true)
    expect((await api(hub.base, as.tayho, 'POST', '/api/directives/import', { text: pasted })).status).toBe(403)
    expect(
      (
        await api(hub.base, as.vanphong, 'POST', '/api/directives/import', {
          text: 'xin chào, đây không phải một văn bản nào cả',
        })
      ).status,
    ).toBe(400)
  })

  it('proposes tasks: matched units, lead and supporters, expanded groups, due dates and report cycles', async () => {
    const res = await api(hub.base, as.vanphong, 'POST', `/api/directives/${imported.id}/task-drafts`)
    expect(res.status).toBe(200)
    const [first, second, third] = res.json.drafts
    expect(first).toMatchObject({
      clauseOrdinal: 1,
      leadUnitIds: [unit('Ban cán sự đảng UBND Thành phố').id],
      dueAt: '2021-08-03',
    })
    expect(first.supportUnitIds.sort()).toEqual([unit('Công an Thành phố').id, unit('Bộ Tư lệnh Thủ đô').id].sort())
    expect(second.clauseOrdinal).toBe(2)
    expect(second.leadUnitIds).toHaveLength(30)
    expect(second.recurrence).toMatchObject({ reportCycle: 'daily' })
    expect(third).toMatchObject({ clauseOrdinal: 3, leadUnitIds: [unit('Sở Công Thương').id], dueAt: '2021-08-10' })
    // A bare commune name is a common phrase ("thống nhất"), never a unit by itself.
    const more = await api(hub.base, as.vanphong, 'POST', '/api/directives/import', {
      text: pasted.replace('bảo đảm cung ứng hàng hóa thiết yếu', 'thống nhất một mẫu phiếu đi chợ'),
    })
    const drafts3 = (
      await api(hub.base, as.vanphong, 'POST', `/api/directives/${more.json.directive.id}/task-drafts`)
    ).json.drafts.find((d: any) => d.clauseOrdinal === 3)
    expect(drafts3).toMatchObject({ leadUnitIds: [unit('Sở Công Thương').id], supportUnitIds: [] })
  })

  it('confirms drafts into tasks; a task for 30 districts is one parent with 30 children', async () => {
    const drafts = (
      await api(hub.base, as.vanphong, 'POST', `/api/directives/${imported.id}/task-drafts`)
    ).json.drafts.map(({ sourceText, toExecuteRecipients, ...d }: any) => d)
    const res = await api(hub.base, as.vanphong, 'POST', `/api/directives/${imported.id}/tasks`, { drafts })
    expect(res.status).toBe(201)
    // Still a draft: the rows are held, and nothing reaches the districts.
    expect(res.json).toMatchObject({ tasks: [], held: drafts.length })
    const ofDirective = async () =>
      await hub.deps.dbh.db.select().from(schema.tasks).where(eq(schema.tasks.directiveId, imported.id))
    expect(await ofDirective()).toHaveLength(0)
    // Issued: the held tasks go out with it, and having tasks it is in force.
    const submitted = await submitDirective(
      hub.base,
      as.vanphong,
      imported.id,
      (await api(hub.base, as.vanphong, 'GET', `/api/directives/${imported.id}`)).json.directive.version,
    )
    const issued = await issueDirective(hub.base, as.bithu, imported.id, submitted.json.directive.version, '2021-08-02')
    expect(issued.status).toBe(200)
    expect(issued.json.directive.status).toBe('in_force')
    const tasks = await ofDirective()
    const mine = (await api(hub.base, as.tayho, 'GET', '/api/tasks?limit=200')).json.tasks
    expect(mine.some((t: any) => t.directiveId === imported.id)).toBe(true)
    const parent = tasks.find((t: any) => t.clauseOrdinal === 2 && !t.parentTaskId)!
    const children = tasks.filter((t: any) => t.parentTaskId === parent.id)
    expect(children).toHaveLength(30)
    const tayhoChild = children.find((t: any) => t.leadUnitId === unit('Quận Tây Hồ').id)!
    expect(tayhoChild.accountableUserId).toBeTruthy()

    // The head of Tây Hồ hands it to his eight wards, and progress rolls up.
    const wards = units.filter((u) => u.parentId === unit('Quận Tây Hồ').id).map((u) => u.id)
    expect(
      (
        await api(hub.base, as.tayho, 'POST', `/api/tasks/${tayhoChild.id}/cascade`, {
          unitIds: [unit('Quận Hoàn Kiếm').id],
        })
      ).status,
    ).toBe(400)
    const cascaded = await api(hub.base, as.tayho, 'POST', `/api/tasks/${tayhoChild.id}/cascade`, { unitIds: wards })
    expect(cascaded.status).toBe(201)
    expect(cascaded.json.tasks).toHaveLength(8)
    for (const w of cascaded.json.tasks.slice(0, 4))
      await api(hub.base, as.tayho, 'PATCH', `/api/tasks/${w.id}`, { version: w.version, status: 'done' })
    const view = (await api(hub.base, as.tayho, 'GET', `/api/tasks/${tayhoChild.id}/cascade`)).json
    expect(view).toMatchObject({ total: 8, done: 4 })
    expect(view.parent.progress).toBe(50)
    expect(view.summary.on_time + view.summary.late).toBe(4)
    const top = (await api(hub.base, as.bithu, 'GET', `/api/tasks/${parent.id}/cascade`)).json
    expect(top.total).toBe(30)
    expect(top.parent.progress).toBeGreaterThan(0)
  })

  it('gives a clause naming no unit to every recipient "để thực hiện", groups included', async () => {
    const res = await api(hub.base, as.vanphong, 'POST', `/api/directives/${imported.id}/tasks`, {
      drafts: [
        {
          clauseOrdinal: 1,
          title: 'Quán triệt Chỉ thị đến chi bộ',
          leadUnitIds: [],
          supportUnitIds: [],
          toExecuteRecipients: true,
        },
      ],
    })
    expect(res.status).toBe(201)
    const parent = res.json.tasks.find((t: any) => !t.parentTaskId)
    const leads = res.json.tasks.filter((t: any) => t.parentTaskId === parent.id).map((t: any) => t.leadUnitId)
    // "Các quận ủy, huyện ủy, thị ủy" (30 districts) and "Công an Thành phố".
    expect(leads).toHaveLength(31)
    expect(leads).toContain(unit('Công an Thành phố').id)
    expect(leads).toContain(unit('Quận Tây Hồ').id)
  })

  it('moves through review to issue: only the committee issues; the number follows the last one; the text is frozen', async () => {
    const draft = (
      await api(hub.base, as.vanphong, 'POST', '/api/directives', {
        kind: 'CT',
        title: 'về bảo đảm an sinh xã hội trong thời gian giãn cách',
      })
    ).json.directive
    await api(hub.base, as.vanphong, 'PUT', `/api/directives/${draft.id}/recipients`, {
      recipients: [
        { name: 'Ban Bí thư', capacity: 'report' },
        { name: 'Quận ủy Tây Hồ', capacity: 'execute', unitId: unit('Quận Tây Hồ').id },
        { name: 'Văn phòng Thành ủy', capacity: 'archive', unitId: unit('Văn phòng Thành ủy').id },
      ],
    })
    const body = {
      preamble: 'Ban Thường vụ Thành ủy yêu cầu:',
      clauses: [{ ordinal: 1, text: 'Quận ủy Tây Hồ rà soát hộ khó khăn.' }],
      closing: 'Chỉ thị này phổ biến đến chi bộ.',
    }
    // The text comes from the collaborative document; here it is stored as clauses for the test.
    await hub.deps.dbh.db.insert(schema.directiveClauses).values({ directiveId: draft.id, ...body.clauses[0]! })
    const submitted = await submitDirective(hub.base, as.vanphong, draft.id, draft.version)
    expect(submitted.json.directive.status).toBe('in_review')
    const v = submitted.json.directive.version
    expect(
      (
        await api(hub.base, as.vanphong, 'POST', `/api/directives/${draft.id}/transition`, {
          action: 'issue',
          version: v,
        })
      ).status,
    ).toBe(403)
    expect(
      (await api(hub.base, as.bithu, 'POST', `/api/directives/${draft.id}/transition`, { action: 'close', version: v }))
        .status,
    ).toBe(409)
    const issued = await issueDirective(hub.base, as.bithu, draft.id, v, '2026-11-20')
    expect(issued.status).toBe(200)
    // The demo term already has 05-CT/TU; the next Party directive is 06-CT/TU.
    expect(issued.json.directive).toMatchObject({ status: 'issued', number: '06-CT/TU', issuedAt: '2026-11-20' })
    expect(
      (
        await api(hub.base, as.vanphong, 'PATCH', `/api/directives/${draft.id}`, {
          version: issued.json.directive.version,
          title: 'sửa',
        })
      ).json.error.code,
    ).toBe('directive_frozen')
    const versions = (await api(hub.base, as.tayho, 'GET', `/api/directives/${draft.id}/versions`)).json.versions
    expect(versions.map((x: any) => x.versionNo)).toEqual([1])

    // Distribution: the recipient unit received it; its first reading is recorded; its head was told.
    const seen = (await api(hub.base, as.tayho, 'GET', `/api/directives/${draft.id}`)).json.directive
    const tayhoRecipient = seen.recipients.find((r: any) => r.unitId === unit('Quận Tây Hồ').id)
    expect(tayhoRecipient.receivedAt).toBeTruthy()
    const after = (await api(hub.base, as.bithu, 'GET', `/api/directives/${draft.id}`)).json.directive
    expect(after.recipients.find((r: any) => r.unitId === unit('Quận Tây Hồ').id).firstReadAt).toBeTruthy()
    expect(after.recipients.find((r: any) => r.unitId === unit('Văn phòng Thành ủy').id).firstReadAt).toBeNull()
    await hub.outbox.kick()
    const notes = (await api(hub.base, as.tayho, 'GET', '/api/notifications')).json.notifications
    expect(notes.some((n: any) => n.kind === 'directive.received' && n.title.includes('06-CT/TU'))).toBe(true)

    // A later change is a new version; the two can be compared.
    const amended = await api(hub.base, as.bithu, 'POST', `/api/directives/${draft.id}/versions`, {
      label: 'Sửa đổi điểm 1',
      body: { ...body, clauses: [{ ordinal: 1, text: 'Quận ủy Tây Hồ rà soát hộ khó khăn, hoàn thành trong tuần.' }] },
    })
    expect(amended.status).toBe(201)
    const diff = (await api(hub.base, as.tayho, 'GET', `/api/directives/${draft.id}/diff?from=1&to=2`)).json
    expect(diff.parts.some((p: any) => p.op === 'insert' && p.text.includes('hoàn thành trong tuần'))).toBe(true)
    expect(diff.parts.some((p: any) => p.op === 'delete' && p.text.includes('rà soát hộ khó khăn.'))).toBe(true)

    // The next one in the term is 07.
    const next = (
      await api(hub.base, as.vanphong, 'POST', '/api/directives', { kind: 'CT', title: 'về phòng, chống thiên tai' })
    ).json.directive
    await hub.deps.dbh.db
      .insert(schema.directiveClauses)
      .values({ directiveId: next.id, ordinal: 1, text: 'Các quận ủy chuẩn bị phương án.' })
    const s2 = (await submitDirective(hub.base, as.vanphong, next.id, next.version)).json.directive
    const i2 = await issueDirective(hub.base, as.bithu, next.id, s2.version)
    expect(i2.json.directive.number).toBe('07-CT/TU')

    // Distribution is a change like any other: audited, with the units that received it.
    const distributed = await hub.deps.dbh.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, draft.id), eq(schema.auditLog.action, 'directive.distribute')))
    expect(distributed).toHaveLength(1)
    expect((distributed[0]!.after as { unitIds: string[] }).unitIds).toContain(unit('Quận Tây Hồ').id)

    // Confirming its tasks puts an issued directive in force: audited, and announced to its room.
    const confirmed = await api(hub.base, as.vanphong, 'POST', `/api/directives/${next.id}/tasks`, {
      drafts: [{ clauseOrdinal: 1, title: 'Chuẩn bị phương án', leadUnitIds: [unit('Quận Tây Hồ').id] }],
    })
    expect(confirmed.status).toBe(201)
    expect((await api(hub.base, as.bithu, 'GET', `/api/directives/${next.id}`)).json.directive.status).toBe('in_force')
    const moved = await hub.deps.dbh.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, next.id), eq(schema.auditLog.action, 'directive.put_in_force')))
    expect(moved.map((r) => r.after)).toEqual([{ status: 'in_force', tasks: 1 }])
    const announced = await hub.deps.dbh.db
      .select()
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.type, 'directive.updated'))
    const inForce = announced.filter((e) => {
      const d = (e.payload as { directive: { id: string; status: string } }).directive
      return d.id === next.id && d.status === 'in_force'
    })
    expect(inForce).toHaveLength(1)
  })

  it('exports DOCX and PDF in the formal layout', async () => {
    const list = (await api(hub.base, as.bithu, 'GET', '/api/directives')).json.directives
    const ct05 = list.find((d: any) => d.number === '05-CT/TU')
    const docx = await fetch(`${hub.base}/api/directives/${ct05.id}/export?format=docx`, {
      headers: { cookie: as.bithu },
    })
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    for (const s of [
      'THÀNH ỦY HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '05-CT/TU',
      'CHỈ THỊ',
      'Nơi nhận',
      'T/M BAN THƯỜNG VỤ',
      'Trần Quốc Hưng',
      'phòng, chống dịch',
    ])
      expect(text).toContain(s)
    expect(xml).toContain('w:w="11906"')
    // The districts print as their group line, not thirty lines.
    expect(text).toContain('Các quận ủy, huyện ủy, thị ủy')
    expect(text).not.toContain('Quận Ba Đình')
    const pdf = await fetch(`${hub.base}/api/directives/${ct05.id}/export?format=pdf`, {
      headers: { cookie: as.tayho },
    })
    expect(pdf.status).toBe(200)
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect(
      (await fetch(`${hub.base}/api/directives/${ct05.id}/export?format=odt`, { headers: { cookie: as.bithu } }))
        .status,
    ).toBe(400)
  })
})
