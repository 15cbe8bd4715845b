// The assignment table with real y-websocket clients on the hub's collab socket: per-cell merging,
// a removal racing an edit, settling exactly once, held tasks of a draft directive, proposals from the
// text, accepted changes, a meeting's table, and who may do what.
import { schema } from '@hub/db'
import { addProposals, addRow, readRows, rowsOfState, setCell, setRemoved } from '@hub/domain'
import { eq } from 'drizzle-orm'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { api, issueDirective, liveSocket, nextEvent, submitDirective, subscribe, useLiveHub } from '../testing/live-hub'
import { openDoc, until } from '../testing/ydoc'

const { hub, as } = useLiveHub(['vanphong', 'bithu', 'tayho', 'hoankiem'])
let units: any[]
const unit = (name: string) => units.find((u) => u.name === name)
const docs: { close(): void }[] = []
const sockets: Socket[] = []
const future = '2031-12-31'

beforeAll(async () => {
  units = (await api(hub.base, as.bithu, 'GET', '/api/units')).json.units
})
afterAll(async () => {
  for (const d of docs) d.close()
  for (const s of sockets) s.close()
})

async function open(docName: string, cookie: string) {
  const d = await openDoc(hub.base, docName, cookie)
  docs.push(d)
  return d
}

async function newDirective(title: string) {
  const res = await api(hub.base, as.vanphong, 'POST', '/api/directives', { kind: 'CT', title })
  expect(res.status).toBe(201)
  // Its text, as the editors would have written it (stored as a clause here).
  await hub.deps.dbh.db
    .insert(schema.directiveClauses)
    .values({ directiveId: res.json.directive.id, ordinal: 1, text: 'Các quận ủy tổ chức thực hiện nghiêm.' })
  return res.json.directive
}

/** Moves a draft through review to issue (the standing committee signs). */
async function issue(id: string) {
  const v = (await api(hub.base, as.vanphong, 'GET', `/api/directives/${id}`)).json.directive.version
  const submitted = await submitDirective(hub.base, as.vanphong, id, v)
  const res = await issueDirective(hub.base, as.bithu, id, submitted.json.directive.version)
  return res
}

/** Waits until a doc holds a row whose cells match. */
const rowIn = (doc: Y.Doc, id: string, match: (r: ReturnType<typeof readRows>[number]) => boolean) =>
  until(() => readRows(doc).some((r) => r.id === id && match(r)), 5000, `row ${id} in doc`)

/** Waits until the collab server holds these rows (an edit reaches others only once it is durable). */
const onServer = (docName: string, ...rowIds: string[]) =>
  until(
    async () => {
      const held = rowsOfState((await hub.deps.documents!.snapshot(docName)).state).map((r) => r.id)
      return rowIds.every((id) => held.includes(id))
    },
    5000,
    `rows on the server of ${docName}`,
  )

const tasksOf = (directiveId: string) =>
  hub.deps.dbh.db.select().from(schema.tasks).where(eq(schema.tasks.directiveId, directiveId))

describe('assignment table', () => {
  let issued: any
  beforeAll(async () => {
    issued = await newDirective('về tăng cường phòng, chống dịch trong tình hình mới')
    expect((await issue(issued.id)).status).toBe(200)
  })

  it('keeps both edits when two editors change different cells of one row, offline and live', async () => {
    const a = await open(`assignments:${issued.id}`, as.vanphong)
    const b = await open(`assignments:${issued.id}`, as.bithu)
    const id = addRow(a.doc, { title: 'Lập chốt kiểm soát tại cửa ngõ' })
    await rowIn(b.doc, id, () => true)
    // B goes offline; both edit the same row, different cells; B comes back.
    b.provider.disconnect()
    setCell(a.doc, id, 'dueAt', future)
    setCell(b.doc, id, 'leadUnitIds', [unit('Quận Tây Hồ').id])
    setCell(b.doc, id, 'note', 'Phối hợp Công an quận')
    b.provider.connect()
    for (const d of [a.doc, b.doc])
      await rowIn(d, id, (r) => r.dueAt === future && r.leadUnitIds[0] === unit('Quận Tây Hồ').id && r.note !== '')
    // What the server stored is what both see: a third client opening now reads the merged row.
    const c = await open(`assignments:${issued.id}`, as.vanphong)
    expect(readRows(c.doc).find((r) => r.id === id)).toMatchObject({
      title: 'Lập chốt kiểm soát tại cửa ngõ',
      dueAt: future,
      leadUnitIds: [unit('Quận Tây Hồ').id],
      note: 'Phối hợp Công an quận',
    })
  })

  it('a row removed while another edits it stays removed with the edit kept; restored, it settles with the edit', async () => {
    const d = await newDirective('về kiểm soát chợ dân sinh')
    expect((await issue(d.id)).status).toBe(200)
    const a = await open(`assignments:${d.id}`, as.vanphong)
    const b = await open(`assignments:${d.id}`, as.bithu)
    const id = addRow(a.doc, { title: 'Cấp thẻ đi chợ', leadUnitIds: [unit('Quận Tây Hồ').id], dueAt: future })
    await rowIn(b.doc, id, () => true)
    b.provider.disconnect()
    setRemoved(a.doc, id, true)
    setCell(b.doc, id, 'title', 'Cấp thẻ đi chợ theo ngày chẵn lẻ')
    b.provider.connect()
    for (const doc of [a.doc, b.doc])
      await rowIn(doc, id, (r) => r.removed && r.title === 'Cấp thẻ đi chợ theo ngày chẵn lẻ')
    // Removed: not settled.
    const none = await api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {})
    expect(none.json).toMatchObject({ created: [], held: [], skipped: [], already: [] })
    setRemoved(a.doc, id, false)
    await rowIn(b.doc, id, (r) => !r.removed)
    await onServer(`assignments:${d.id}`, id)
    const settled = await api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {})
    expect(settled.json.created).toHaveLength(1)
    expect((await tasksOf(d.id)).map((t) => t.title)).toEqual(['Cấp thẻ đi chợ theo ngày chẵn lẻ'])
  })

  it('settling makes exactly one task per settled row, skips rows with problems, and a second settle makes none', async () => {
    const d = await newDirective('về xét nghiệm diện rộng')
    expect((await issue(d.id)).status).toBe(200)
    const a = await open(`assignments:${d.id}`, as.vanphong)
    const tayhoId = unit('Quận Tây Hồ').id
    const ok1 = addRow(a.doc, { title: 'Xét nghiệm toàn dân phường Quảng An', leadUnitIds: [tayhoId], dueAt: future })
    const ok2 = addRow(a.doc, {
      title: 'Bảo đảm sinh phẩm',
      leadUnitIds: [unit('Sở Y tế').id],
      supportUnitIds: [tayhoId],
      freq: 'daily',
    })
    const noLead = addRow(a.doc, { title: 'Việc chưa có chủ trì', dueAt: future })
    const past = addRow(a.doc, { title: 'Việc quá hạn', leadUnitIds: [tayhoId], dueAt: '2020-01-01' })
    const hkUser = (await api(hub.base, as.hoankiem, 'GET', '/api/auth/me')).json.user
    // Naming another district's head as accountable for Tây Hồ's duty would hand him the task: refused on the row.
    const stranger = addRow(a.doc, {
      title: 'Giao nhầm người',
      leadUnitIds: [tayhoId],
      accountableUserId: hkUser.id,
      dueAt: future,
    })
    const hostile = addRow(a.doc, { title: 'Ô độc hại' })
    const m = a.doc.getMap<Y.Map<unknown>>('rows').get(hostile)!
    m.set('leadUnitIds', ["'; drop table tasks; --"])
    m.set('dueAt', '<img src=x onerror=alert(1)>')
    await onServer(`assignments:${d.id}`, ok1, ok2, noLead, past, hostile, stranger)
    const board = await liveSocket(hub.base, as.tayho)
    sockets.push(board)
    expect(await subscribe(board, `unit:${tayhoId}`)).toEqual({ ok: true })
    const onBoard = nextEvent(board, 'task:created', (p: any) => p.task.directiveId === d.id)
    const room = await liveSocket(hub.base, as.vanphong)
    sockets.push(room)
    expect(await subscribe(room, `directive:${d.id}`)).toEqual({ ok: true })
    const settledEvent = nextEvent(room, 'assignments:settled', (p: any) => p.directiveId === d.id)

    // Not the chair or the office: refused, nothing made.
    expect((await api(hub.base, as.tayho, 'POST', `/api/directives/${d.id}/assignments/settle`, {})).status).toBe(403)
    expect(await tasksOf(d.id)).toHaveLength(0)

    const first = await api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {})
    expect(first.status).toBe(200)
    expect(first.json.created.map((x: any) => x.rowId).sort()).toEqual([ok1, ok2].sort())
    expect(first.json.skipped.map((x: any) => x.rowId).sort()).toEqual([noLead, past, hostile, stranger].sort())
    const codes = (rowId: string) =>
      first.json.skipped.find((x: any) => x.rowId === rowId).problems.map((p: any) => p.code)
    expect(codes(noLead)).toContain('noLead')
    expect(codes(past)).toEqual(['duePast'])
    expect(codes(hostile)).toContain('noLead')
    expect(codes(stranger)).toEqual(['accountableNotInLine'])
    const tasks = await tasksOf(d.id)
    expect(tasks).toHaveLength(2)
    expect((await onBoard)?.task.title).toBe('Xét nghiệm toàn dân phường Quảng An')
    expect((await settledEvent)?.rowIds.sort()).toEqual([ok1, ok2].sort())
    // The settled directive is in force; the table says which rows became which tasks.
    expect((await api(hub.base, as.bithu, 'GET', `/api/directives/${d.id}`)).json.directive.status).toBe('in_force')
    const state = (await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json
    expect(state).toMatchObject({ docName: `assignments:${d.id}`, canEdit: true, canSettle: true })
    expect(state.rows.map((r: any) => r.taskId).sort()).toEqual(tasks.map((t) => t.id).sort())

    // A second settle (and two at once) makes nothing new.
    const again = await Promise.all([
      api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {}),
      api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/settle`, {}),
    ])
    for (const r of again) expect(r.json.created).toEqual([])
    expect(again[0].json.already.sort()).toEqual([ok1, ok2].sort())
    expect(await tasksOf(d.id)).toHaveLength(2)
    // Two settle together on fresh rows: still one task per row.
    const ok3 = addRow(a.doc, { title: 'Phun khử khuẩn', leadUnitIds: [tayhoId], dueAt: future })
    await onServer(`assignments:${d.id}`, ok3)
    const both = await Promise.all([
      api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, { rowIds: [ok3] }),
      api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/settle`, { rowIds: [ok3] }),
    ])
    expect(both.flatMap((r) => r.json.created)).toHaveLength(1)
    expect(await tasksOf(d.id)).toHaveLength(3)
    // A row id that is not in the table is refused with the field named.
    const bad = await api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {
      rowIds: ['no-such-row'],
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.details.fields.map((f: any) => f.path)).toContain('rowIds.0')
  })

  it('holds the tasks of a draft directive until it is issued, then sends them with it', async () => {
    const d = await newDirective('về phong tỏa tạm thời khu dân cư')
    const tayhoId = unit('Quận Tây Hồ').id
    const a = await open(`assignments:${d.id}`, as.vanphong)
    const row = addRow(a.doc, { title: 'Phong tỏa tổ dân phố 3', leadUnitIds: [tayhoId], dueAt: future })
    await onServer(`assignments:${d.id}`, row)
    const board = await liveSocket(hub.base, as.tayho)
    sockets.push(board)
    expect(await subscribe(board, `unit:${tayhoId}`)).toEqual({ ok: true })
    const early = nextEvent(board, 'task:created', (p: any) => p.task.directiveId === d.id, 1500)
    const held = await api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/settle`, {})
    expect(held.json).toMatchObject({ created: [], held: [row] })
    expect(await early).toBeNull()
    expect(await tasksOf(d.id)).toHaveLength(0)
    const mine = (await api(hub.base, as.tayho, 'GET', '/api/tasks?limit=200')).json.tasks
    expect(mine.some((t: any) => t.directiveId === d.id)).toBe(false)
    expect((await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json.rows).toMatchObject([
      { rowId: row, status: 'held', taskId: null },
    ])
    // Settling again while held makes nothing more.
    expect(
      (await api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/settle`, {})).json.already,
    ).toEqual([row])

    const sent = nextEvent(board, 'task:created', (p: any) => p.task.directiveId === d.id)
    const issued = await issue(d.id)
    expect(issued.status).toBe(200)
    expect(issued.json.directive.status).toBe('in_force')
    expect((await sent)?.task.title).toBe('Phong tỏa tổ dân phố 3')
    const tasks = await tasksOf(d.id)
    expect(tasks).toHaveLength(1)
    expect((await api(hub.base, as.tayho, 'GET', `/api/tasks/${tasks[0]!.id}`)).status).toBe(200)
    expect((await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json.rows).toMatchObject([
      { rowId: row, status: 'sent', taskId: tasks[0]!.id },
    ])
  })

  it('proposes rows from the text once, with recipients for clauses naming no unit', async () => {
    const pasted = `THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM
Số 11-CT/TU\t\tHà Nội, ngày 02 tháng 8 năm 2021

CHỈ THỊ
về kiểm soát người ra vào Thành phố

Ban Thường vụ Thành ủy yêu cầu:

1. Sở Y tế chủ trì xét nghiệm cho người ra vào Thành phố; hoàn thành trước ngày 10/8/2031.

2. Tổ chức quán triệt Chỉ thị đến từng chi bộ.

Nơi nhận:\t\tT/M BAN THƯỜNG VỤ
- Quận ủy Tây Hồ, (để thực hiện)
- Lưu Văn phòng Thành ủy.\t\tTrần Quốc Hưng`
    const imported = (await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text: pasted })).json
      .directive
    const res = await api(hub.base, as.vanphong, 'GET', `/api/directives/${imported.id}/assignments/proposals`)
    expect(res.status).toBe(200)
    const { proposals } = res.json
    const byClause = (n: number) => proposals.find((p: any) => p.fields.clauseOrdinal === n)
    expect(byClause(1).fields).toMatchObject({ leadUnitIds: [unit('Sở Y tế').id], dueAt: '2031-08-10' })
    expect(byClause(1).fields.title.length).toBeLessThan(byClause(1).fields.description.length)
    // A clause naming no unit goes to the recipients "để thực hiện".
    expect(byClause(2).fields.leadUnitIds).toEqual([unit('Quận Tây Hồ').id])
    const a = await open(`assignments:${imported.id}`, as.vanphong)
    expect(addProposals(a.doc, proposals)).toBe(proposals.length)
    setCell(a.doc, byClause(1).id, 'title', 'Xét nghiệm người ra vào')
    // Proposing again proposes the same keys: nothing new, and the edit stays.
    const again = (await api(hub.base, as.vanphong, 'GET', `/api/directives/${imported.id}/assignments/proposals`)).json
    expect(addProposals(a.doc, again.proposals)).toBe(0)
    expect(readRows(a.doc).find((r) => r.id === byClause(1).id)?.title).toBe('Xét nghiệm người ra vào')
    // Those who cannot edit the directive get no proposals.
    expect((await api(hub.base, as.tayho, 'GET', `/api/directives/${imported.id}/assignments/proposals`)).status).toBe(
      404,
    )
  })

  it('gives every clause of 05-CT/TU a lead: the units it names, else its recipients "để thực hiện"', async () => {
    const list = (await api(hub.base, as.vanphong, 'GET', '/api/directives')).json.directives
    const ct05 = list.find((x: any) => x.number === '05-CT/TU')
    const res = await api(hub.base, as.vanphong, 'GET', `/api/directives/${ct05.id}/assignments/proposals`)
    expect(res.status).toBe(200)
    const { proposals } = res.json
    // Its five clauses of work (the sixth states aims), each with a lead and a short title; the clause is the description.
    expect(proposals.map((p: any) => p.fields.clauseOrdinal)).toEqual([1, 2, 3, 4, 5])
    for (const p of proposals) {
      expect(p.fields.leadUnitIds.length, p.fields.title).toBeGreaterThan(0)
      expect(p.fields.title.length).toBeLessThanOrEqual(100)
      expect(p.fields.description.length).toBeGreaterThan(p.fields.title.length)
    }
    expect(proposals[0].fields.leadUnitIds).toHaveLength(30)
    expect(proposals[2].fields.title).toBe(
      'Phối hợp với các quận, huyện, thị xã ban hành mẫu phiếu đi chợ thống nhất toàn Thành phố',
    )
  })

  it("turns a settled row's later edit into a proposed change the office accepts", async () => {
    const d = await newDirective('về cung ứng hàng hóa thiết yếu')
    expect((await issue(d.id)).status).toBe(200)
    const a = await open(`assignments:${d.id}`, as.vanphong)
    const row = addRow(a.doc, { title: 'Mở thêm điểm bán', leadUnitIds: [unit('Quận Tây Hồ').id], dueAt: future })
    await onServer(`assignments:${d.id}`, row)
    await api(hub.base, as.bithu, 'POST', `/api/directives/${d.id}/assignments/settle`, {})
    const [task] = await tasksOf(d.id)
    setCell(a.doc, row, 'dueAt', '2031-06-30')
    await until(async () => {
      const s = (await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json
      return s.rows[0]?.changes.length === 1
    })
    const state = (await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json
    expect(state.rows[0].changes).toEqual([{ field: 'dueAt', task: future, row: '2031-06-30' }])
    // Not silently applied: the task keeps its date until accepted, and a district head cannot accept.
    expect((await tasksOf(d.id))[0]!.dueAt).toBe(future)
    expect(
      (await api(hub.base, as.tayho, 'POST', `/api/directives/${d.id}/assignments/rows/${row}/accept`, {})).status,
    ).toBe(403)
    const ok = await api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/rows/${row}/accept`, {})
    expect(ok.status).toBe(200)
    expect((await tasksOf(d.id))[0]).toMatchObject({ id: task!.id, dueAt: '2031-06-30' })
    expect(
      (await api(hub.base, as.vanphong, 'GET', `/api/directives/${d.id}/assignments`)).json.rows[0].changes,
    ).toEqual([])
  })

  it('exports the table as the annex: DOCX, PDF and a spreadsheet, each row with its state', async () => {
    const d = await newDirective('về tổ chức tiêm chủng')
    const a = await open(`assignments:${d.id}`, as.vanphong)
    const sent = addRow(a.doc, {
      title: 'Tiêm chủng cho người trên 65 tuổi',
      leadUnitIds: [unit('Quận Tây Hồ').id],
      dueAt: future,
    })
    addRow(a.doc, { title: 'Chuẩn bị điểm tiêm lưu động' })
    await onServer(`assignments:${d.id}`, sent)
    await api(hub.base, as.vanphong, 'POST', `/api/directives/${d.id}/assignments/settle`, { rowIds: [sent] })
    const get = (format: string, cookie = as.vanphong) =>
      fetch(`${hub.base}/api/directives/${d.id}/assignments/export?format=${format}`, { headers: { cookie } })
    const xlsx = await get('xlsx')
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as never)
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String)
    expect(cells).toContain('Tiêm chủng cho người trên 65 tuổi')
    expect(cells).toContain('Chờ ban hành')
    expect(cells).toContain('Chưa chốt')
    const docx = await get('docx')
    const zip = await (await import('jszip')).default.loadAsync(await docx.arrayBuffer())
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Chuẩn bị điểm tiêm lưu động')
    const pdf = Buffer.from(await (await get('pdf')).arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await get('pdf', as.hoankiem)).status).toBe(404)
  })

  it('keeps another district out: no table, no document, no settle', async () => {
    const d = await newDirective('về dự thảo nội bộ')
    expect((await api(hub.base, as.hoankiem, 'GET', `/api/directives/${d.id}/assignments`)).status).toBe(404)
    expect((await api(hub.base, as.hoankiem, 'POST', `/api/directives/${d.id}/assignments/settle`, {})).status).toBe(
      404,
    )
    await expect(openDoc(hub.base, `assignments:${d.id}`, as.hoankiem)).rejects.toThrow()
  })

  it("settles a meeting's table into tasks of the meeting, on every board at once", async () => {
    const tayhoUser = (await api(hub.base, as.tayho, 'GET', '/api/auth/me')).json.user
    const meeting = (
      await api(hub.base, as.bithu, 'POST', '/api/meetings', {
        title: 'Họp Ban Chỉ đạo phòng chống dịch',
        startsAt: new Date().toISOString(),
        agenda: [{ title: 'Phân công phong tỏa', presenter: 'Văn phòng' }],
        attendeeIds: [tayhoUser.id],
      })
    ).json.meeting
    const a = await open(`meeting-assignments:${meeting.id}`, as.bithu)
    const tayhoId = unit('Quận Tây Hồ').id
    const row = addRow(a.doc, { title: 'Lập vùng phong tỏa', leadUnitIds: [tayhoId], dueAt: future })
    await onServer(`meeting-assignments:${meeting.id}`, row)
    // An attendee follows the table but cannot settle it.
    const attendee = await open(`meeting-assignments:${meeting.id}`, as.tayho)
    await until(() => readRows(attendee.doc).length === 1)
    expect((await api(hub.base, as.tayho, 'POST', `/api/meetings/${meeting.id}/assignments/settle`, {})).status).toBe(
      403,
    )
    const board = await liveSocket(hub.base, as.tayho)
    sockets.push(board)
    expect(await subscribe(board, `unit:${tayhoId}`)).toEqual({ ok: true })
    const onBoard = nextEvent(board, 'task:created', (p: any) => p.task.meetingId === meeting.id)
    const res = await api(hub.base, as.bithu, 'POST', `/api/meetings/${meeting.id}/assignments/settle`, {})
    expect(res.json.created).toHaveLength(1)
    expect((await onBoard)?.task).toMatchObject({ title: 'Lập vùng phong tỏa', leadUnitId: tayhoId })
    // The conclusion notice lists what was settled, after the chair's conclusions.
    const done = await api(hub.base, as.bithu, 'POST', `/api/meetings/${meeting.id}/conclude`, {
      conclusions: 'Khẩn trương khoanh vùng ổ dịch.',
    })
    expect(done.status).toBe(201)
    const clauses = await hub.deps.dbh.db
      .select()
      .from(schema.directiveClauses)
      .where(eq(schema.directiveClauses.directiveId, done.json.directive.id))
      .orderBy(schema.directiveClauses.ordinal)
    expect(clauses.map((c) => c.text)).toEqual([
      'Khẩn trương khoanh vùng ổ dịch.',
      'Quận Tây Hồ chủ trì: Lập vùng phong tỏa; thời hạn: 31/12/2031.',
    ])
  })
})
