// The city's report in the formal layout: its own title and symbol over the directive's header and foot.
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import {
  type CityReportDocument,
  layoutCityReport,
  renderCityReportDocx,
  renderCityReportPdf,
} from './city-report-layout'

const report: CityReportDocument = {
  layout: 'party',
  issuer: 'THÀNH ỦY HÀ NỘI',
  number: null,
  place: 'Hà Nội',
  date: '2021-08-02',
  title: 'Kết quả thực hiện nhiệm vụ tuần 30/2021',
  body: 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ\nĐã báo cáo: 2/3 đơn vị.\n1. Quận Tây Hồ\nĐã lập 12 chốt kiểm soát.',
  recipients: [
    { name: 'Thường trực Thành ủy', capacity: 'report' },
    { name: 'Văn phòng Thành ủy', capacity: 'archive' },
  ],
  signer: { name: 'Nguyễn Văn Phòng', title: 'CHÁNH VĂN PHÒNG', onBehalfOf: 'T/L BAN THƯỜNG VỤ' },
}

const texts = (blocks: { kind: string; text?: string }[]) => blocks.map((b) => b.text ?? '')

describe('the city report layout', () => {
  it('prints BÁO CÁO, the -BC/TU symbol with a blank number, the date in words and the body in order', () => {
    const layout = layoutCityReport(report)
    const header = layout.header.rows.flatMap((r) => texts([...r.left, ...r.right]))
    expect(header).toEqual(
      expect.arrayContaining([
        'THÀNH ỦY HÀ NỘI',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số      -BC/TU',
        'Hà Nội, ngày 02 tháng 8 năm 2021',
      ]),
    )
    expect(texts(layout.heading).slice(0, 2)).toEqual(['BÁO CÁO', 'Kết quả thực hiện nhiệm vụ tuần 30/2021'])
    // The body keeps "1. Quận Tây Hồ" as written, after the section heading (no clause numbering inferred).
    expect(texts(layout.body)).toEqual([
      'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'Đã báo cáo: 2/3 đơn vị.',
      '1. Quận Tây Hồ',
      'Đã lập 12 chốt kiểm soát.',
    ])
    expect(layout.title).toBe('BÁO CÁO Kết quả thực hiện nhiệm vụ tuần 30/2021')
  })

  it('a registered number and a draft mark', () => {
    const layout = layoutCityReport({ ...report, number: '12-BC/TU', draft: true, date: null })
    const header = layout.header.rows.flatMap((r) => texts([...r.left, ...r.right]))
    expect(header).toContain('Số 12-BC/TU')
    expect(header).toContain('DỰ THẢO')
    expect(header).toContain('Hà Nội, ngày    tháng    năm 20..')
  })

  it('renders a Word document and a PDF holding the text', async () => {
    const docx = await renderCityReportDocx(report, { embedFonts: false })
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
    for (const s of ['BÁO CÁO', 'Số      -BC/TU', 'Đã lập 12 chốt kiểm soát.', 'T/L BAN THƯỜNG VỤ'])
      expect(xml).toContain(s)
    const pdf = await renderCityReportPdf(report)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise
    const page = await doc.getPage(1)
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')
    expect(text).toContain('BÁO CÁO')
    expect(text.replace(/\s+/g, ' ')).toContain('Đã lập 12 chốt kiểm soát.')
  })
})
