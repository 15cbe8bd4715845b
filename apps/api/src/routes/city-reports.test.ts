// The city's report of a period on a real hub (PGlite, the collab socket): composed from the units'
// reports, one per period, refused to district heads everywhere (API and document), a bad period
// changes nothing, and the DOCX/PDF exports carry the text as edited through a y-websocket client.
import { schema } from '@hub/db'
import { vnDay } from '@hub/domain'
import { eq } from 'drizzle-orm'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, upgradeStatus, useLiveHub } from '../testing/live-hub'
import { openDoc, until } from '../testing/ydoc'

const { hub, as } = useLiveHub(['vanphong', 'bithu', 'tayho', 'hoankiem', 'kiemtra'])
let units: { id: string; name: string; kind: string }[]
const unit = (name: string) => units.find((u) => u.name === name)!
const docs: { close(): void }[] = []
const today = vnDay()

beforeAll(async () => {
  units = (await api(hub.base, as.bithu, 'GET', '/api/units')).json.units
})
afterAll(() => {
  for (const d of docs) d.close()
})

const count = async () => (await hub.deps.dbh.db.select().from(schema.cityReports)).length
const audits = async () =>
  (await hub.deps.dbh.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityType, 'city_report'))).length

/** The upgrade's answer to opening a document: 'open', or the refusal's status. */
const collabOutcome = (docName: string, cookie: string) =>
  upgradeStatus(hub.base, `/collab/${encodeURIComponent(docName)}`, { cookie, origin: hub.base })

async function pdfText(bytes: ArrayBuffer) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++)
    text += `${(await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ')}\n`
  return text.replace(/\s+/g, ' ')
}

describe('the city report of a period', () => {
  let report: any

  beforeAll(async () => {
    // Today's daily report from two districts (every district owes one): figures with their units.
    const send = async (cookie: string, unitName: string, body: string, chot: number, phieu: number, kho: string) =>
      api(hub.base, cookie, 'POST', '/api/reports', {
        unitId: unit(unitName).id,
        period: today,
        body,
        figures: { 'Chốt kiểm soát': { value: chot, unit: 'chốt' }, 'Phiếu đi chợ': phieu },
        difficulties: kho,
      })
    const sent = [
      await send(
        as.tayho,
        'Quận Tây Hồ',
        'Tây Hồ đã lập 12 chốt kiểm soát tại các cửa ngõ.',
        12,
        1500,
        'Thiếu lực lượng trực chốt ban đêm.',
      ),
      await send(
        as.hoankiem,
        'Quận Hoàn Kiếm',
        'Hoàn Kiếm phong tỏa 2 ngõ.',
        5,
        500,
        'thiếu lực lượng trực chốt ban đêm',
      ),
    ]
    expect(sent.map((r) => r.status)).toEqual([201, 201])
  })

  it('composes the draft from the records: who reported, each report attributed, figures summed, who did not', async () => {
    const res = await api(hub.base, as.vanphong, 'POST', '/api/city-reports', { period: today })
    expect(res.status).toBe(201)
    report = res.json.cityReport
    expect(report).toMatchObject({ period: today, docName: `city-report:${report.id}`, version: 1, canEdit: true })
    expect(report.title).toBe(`Kết quả thực hiện nhiệm vụ ngày ${today.split('-').reverse().join('/')}`)
    const editor = await openDoc(hub.base, report.docName, as.vanphong)
    docs.push(editor)
    const text = editor.text()
    expect(text).toContain('Tây Hồ đã lập 12 chốt kiểm soát tại các cửa ngõ.')
    expect(text).toMatch(/Quận Tây Hồ\n\(Báo cáo kỳ \d\d\/\d\d\/\d{4}, .+ báo cáo\): Tây Hồ đã lập/)
    expect(text).toContain('- Chốt kiểm soát: 17 chốt (2 đơn vị báo cáo).')
    expect(text).toContain('- Phiếu đi chợ: 2.000 (2 đơn vị báo cáo).')
    expect(text).toContain('- Thiếu lực lượng trực chốt ban đêm (')
    expect(text).toContain('Đã báo cáo: 2/30 đơn vị: Quận Hoàn Kiếm, Quận Tây Hồ.')
    // A district that owes today's report and did not send it is listed.
    expect(text).toMatch(/Chưa báo cáo: 28 đơn vị: .*Quận Ba Đình/)
    expect(text).toContain('V. ĐÁNH GIÁ THEO THƯỚC ĐO')
    expect(text).toMatch(/Điểm thước đo bình quân của \d+ đơn vị: /)
    // Audited with the record.
    expect(await audits()).toBe(1)
    const listed = await api(hub.base, as.bithu, 'GET', `/api/city-reports?period=${today}`)
    expect(listed.status).toBe(200)
    expect(listed.json.cityReports.map((r: any) => r.id)).toEqual([report.id])
  })

  it('one report per period: composing again is a conflict naming the existing one', async () => {
    const again = await api(hub.base, as.bithu, 'POST', '/api/city-reports', { period: today })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('city_report_exists')
    expect(again.json.error.details).toEqual({ id: report.id })
    expect(await count()).toBe(1)
  })

  it('a bad period gets a clear 400 and writes nothing', async () => {
    const before = { reports: await count(), audits: await audits() }
    for (const period of ['hôm qua', '2021-13', '2021-W60', '30d', '2099-01-01'] as const) {
      const res = await api(hub.base, as.vanphong, 'POST', '/api/city-reports', { period })
      expect(res.status, period).toBe(400)
      expect(res.json.error.code).toBe('validation_failed')
      expect(res.json.error.message).toContain('Kỳ không hợp lệ')
      expect(res.json.error.details.fields[0].path).toBe('period')
    }
    expect((await api(hub.base, as.vanphong, 'POST', '/api/city-reports', {})).status).toBe(400)
    expect((await api(hub.base, as.vanphong, 'GET', '/api/city-reports?period=junk')).status).toBe(400)
    expect({ reports: await count(), audits: await audits() }).toEqual(before)
  })

  it('a district head gets 403 on create, list, read, export and the document; an inspector of the city reads', async () => {
    expect((await api(hub.base, as.tayho, 'POST', '/api/city-reports', { period: '2021-07' })).status).toBe(403)
    expect((await api(hub.base, as.tayho, 'GET', '/api/city-reports')).status).toBe(403)
    expect((await api(hub.base, as.tayho, 'GET', `/api/city-reports/${report.id}`)).status).toBe(403)
    // The same answer for an id that does not exist: the refusal tells nothing of which reports exist.
    expect((await api(hub.base, as.tayho, 'GET', `/api/city-reports/${crypto.randomUUID()}`)).status).toBe(403)
    for (const format of ['docx', 'pdf']) {
      const r = await fetch(`${hub.base}/api/city-reports/${report.id}/export?format=${format}`, {
        headers: { cookie: as.tayho },
      })
      expect(r.status).toBe(403)
    }
    expect(await collabOutcome(report.docName, as.tayho)).toBe(403)
    // Without a session: 401 on every route.
    for (const path of ['/api/city-reports', `/api/city-reports/${report.id}`, `/api/city-reports/${report.id}/export`])
      expect((await fetch(`${hub.base}${path}`)).status, path).toBe(401)
    expect(await count()).toBe(1)
    // The city's inspector reads it (not edits); the office's document opens for him.
    const read = await api(hub.base, as.kiemtra, 'GET', `/api/city-reports/${report.id}`)
    expect(read.status).toBe(200)
    expect(read.json.cityReport.canEdit).toBe(false)
    expect((await api(hub.base, as.kiemtra, 'POST', '/api/city-reports', { period: '2021-07' })).status).toBe(403)
    expect(await collabOutcome(report.docName, as.kiemtra)).toBe('open')
    expect((await api(hub.base, as.vanphong, 'GET', `/api/city-reports/${crypto.randomUUID()}`)).status).toBe(404)
  })

  it('exports DOCX and PDF in the formal layout with the text as edited in the document', async () => {
    const editor = await openDoc(hub.base, report.docName, as.vanphong)
    docs.push(editor)
    const edited = [...editor.text().split('\n'), 'Văn phòng Thành ủy đề nghị Thường trực cho ý kiến về chốt ban đêm.']
    editor.setParagraphs(edited)
    await until(
      async () =>
        (await hub.deps.documents!.snapshot(report.docName)).plainText.includes('đề nghị Thường trực cho ý kiến'),
      5000,
      'the edit on the server',
    )
    const docx = await fetch(`${hub.base}/api/city-reports/${report.id}/export?format=docx`, {
      headers: { cookie: as.bithu },
    })
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    expect(docx.headers.get('content-disposition')).toContain(`bao-cao-${today}.docx`)
    const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer())))
      .file('word/document.xml')!
      .async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    for (const s of [
      'THÀNH ỦY HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '-BC/TU',
      'BÁO CÁO',
      report.title,
      'Tây Hồ đã lập 12 chốt kiểm soát tại các cửa ngõ.',
      'Văn phòng Thành ủy đề nghị Thường trực cho ý kiến về chốt ban đêm.',
      'Nơi nhận',
      'T/L BAN THƯỜNG VỤ',
    ])
      expect(text).toContain(s)
    expect(text).toMatch(/Hà Nội, ngày \d\d? tháng \d\d? năm \d{4}/)
    const pdf = await fetch(`${hub.base}/api/city-reports/${report.id}/export?format=pdf`, {
      headers: { cookie: as.kiemtra },
    })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = await pdf.arrayBuffer()
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-')
    const pdfWords = await pdfText(bytes)
    expect(pdfWords).toContain('BÁO CÁO')
    expect(pdfWords).toContain('Văn phòng Thành ủy đề nghị Thường trực cho ý kiến về chốt ban đêm.')
    expect(pdfWords).toContain('Tây Hồ đã lập 12 chốt kiểm soát')
  })
})
