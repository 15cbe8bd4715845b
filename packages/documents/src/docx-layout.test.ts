// Word exports of directives read back from the real .docx (its document.xml): text, styles, page setup
// and fonts as the Party guideline (36-HD/VPTW) and decree 30/2020 ask, drafts and long directives.

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { renderDocx } from './docx-layout'
import { tinosFontData } from './fonts'
import { longPartyDirective, partyDirective, partyDraft, stateDirective } from './test-fixtures'

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!)

/** The text of each paragraph of document.xml, in order, NFC. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    decode([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')).normalize(
      'NFC',
    ),
  )
}

async function open(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer)
  const read = (path: string) => zip.file(path)!.async('string')
  const xml = await read('word/document.xml')
  return { zip, xml, read, paragraphs: paragraphTexts(xml) }
}

describe('renderDocx, Party layout (36-HD/VPTW)', () => {
  it('prints header, number, date, kind, subject, every clause, recipients and signer', async () => {
    const { paragraphs } = await open(await renderDocx(partyDirective))
    for (const line of [
      'THÀNH ỦY HÀ NỘI',
      '*',
      'Số 05-CT/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày 30 tháng 7 năm 2021',
      'CHỈ THỊ',
      'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
      'về tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch Covid-19 trong tình hình mới',
      'Thực hiện nghiêm nguyên tắc "ai ở đâu ở yên đó", hạn chế tối đa người dân ra khỏi nhà khi không thực sự cần thiết.',
      'Nơi nhận:',
      '- Văn phòng Trung ương Đảng (để b/c),',
      '- Đảng đoàn HĐND Thành phố,',
      '- Các quận ủy, huyện ủy, thị ủy, đảng ủy trực thuộc (để thực hiện),',
      '- Lưu Văn phòng Thành ủy.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn Đức',
    ]) {
      expect(paragraphs).toContain(line)
    }
    for (const clause of partyDirective.clauses) {
      const first = clause.text.split('\n')[0]!
      expect(paragraphs).toContain(`${clause.ordinal}. ${first}`)
    }
    expect(paragraphs).toContain(partyDirective.closing)
  })

  it('puts header and foot in borderless two-column tables, the date level with the number', async () => {
    const { xml } = await open(await renderDocx(partyDirective))
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => table)
    expect(tables).toHaveLength(2)
    const [header, foot] = tables as [string, string]
    expect(header.match(/<w:gridCol /g)).toHaveLength(2)
    const borderValues = [...header.matchAll(/<w:(tbl|tc)Borders>([\s\S]*?)<\/w:\1Borders>/g)].flatMap(([, , sides]) =>
      [...sides!.matchAll(/w:val="(\w+)"/g)].map(([, value]) => value),
    )
    expect(borderValues.length).toBeGreaterThan(0)
    expect(new Set(borderValues)).toEqual(new Set(['none']))
    const rows = [...header.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => paragraphTexts(row))
    expect(rows[1]).toEqual(['Số 05-CT/TU', 'Hà Nội, ngày 30 tháng 7 năm 2021'])
    expect(paragraphTexts(foot)).toContain('Nguyễn Văn Đức')
    expect(foot).toContain('<w:cantSplit/>')
  })

  it('styles the way the guideline asks: bold issuer, underlined Party name, italic date, bold-italic-underlined "Nơi nhận:"', async () => {
    const { xml } = await open(await renderDocx(partyDirective))
    const runOf = (text: string) => {
      const index = xml.indexOf(`>${text}</w:t>`)
      expect(index).toBeGreaterThan(0)
      return xml.slice(xml.lastIndexOf('<w:r>', index), index)
    }
    expect(runOf('THÀNH ỦY HÀ NỘI')).toContain('<w:b/>')
    expect(runOf('ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:u w:val="single"\/>/)
    expect(runOf('Hà Nội, ngày 30 tháng 7 năm 2021')).toContain('<w:i/>')
    const label = runOf('Nơi nhận:')
    expect(label).toContain('<w:b/>')
    expect(label).toContain('<w:i/>')
    expect(label).toMatch(/<w:u w:val="single"\/>/)
    expect(runOf('- Lưu Văn phòng Thành ủy.')).toContain('<w:sz w:val="24"/>')
  })

  it('uses A4 with margins 20/20/30/15 mm and numbers pages from the second', async () => {
    const { xml } = await open(await renderDocx(partyDirective))
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!
    expect(margins).toContain('w:top="1134"')
    expect(margins).toContain('w:bottom="1134"')
    expect(margins).toContain('w:left="1701"')
    expect(margins).toContain('w:right="850"')
    expect(xml).toContain('<w:titlePg/>')
  })

  it('names Times New Roman and embeds the Tinos files under that name', async () => {
    const { xml, read, zip } = await open(await renderDocx(partyDirective))
    expect(xml).toContain('w:ascii="Times New Roman"')
    expect(xml).toContain('w:hAnsi="Times New Roman"')
    expect(await read('word/styles.xml')).toContain('w:ascii="Times New Roman"')
    const fontTable = await read('word/fontTable.xml')
    const entry = /<w:font w:name="Times New Roman">[\s\S]*?<\/w:font>/.exec(fontTable)![0]
    for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) expect(entry).toContain(face)
    // Embedded files are obfuscated in their first 32 bytes only; the rest is the font as shipped.
    const embedded = await zip.file('word/fonts/font1.odttf')!.async('nodebuffer')
    expect(embedded.subarray(32).equals(tinosFontData().regular.subarray(32))).toBe(true)
  })

  it('leaves the font out when asked, for a small file', async () => {
    const buffer = await renderDocx(partyDirective, { embedFonts: false })
    const { zip } = await open(buffer)
    expect(zip.file(/^word\/fonts\//)).toHaveLength(0)
    expect(buffer.length).toBeLessThan(50_000)
  })

  it('shows the blanks of a draft', async () => {
    const { paragraphs } = await open(await renderDocx(partyDraft))
    expect(paragraphs).toContain('Số      -CT/TU')
    expect(paragraphs).toContain('Hà Nội, ngày    tháng    năm 20..')
  })

  it('keeps every clause and the foot of a long directive', async () => {
    const { paragraphs, xml } = await open(await renderDocx(longPartyDirective))
    for (const clause of longPartyDirective.clauses) expect(paragraphs).toContain(`${clause.ordinal}. ${clause.text}`)
    expect(paragraphs).toContain('Nơi nhận:')
    expect(paragraphs.at(-1)).toBe('Nguyễn Văn Đức')
    // Word moves the closing paragraph to the next page with the (unsplittable) foot rather than strand the foot.
    const closing = xml.lastIndexOf('<w:p>', xml.indexOf('Chỉ thị này phổ biến đến chi bộ.'))
    expect(xml.slice(closing, xml.indexOf('</w:pPr>', closing))).toContain('<w:keepNext/>')
  })
})

describe('renderDocx, state layout (decree 30/2020)', () => {
  it('prints the national title, motto, issuer on two lines, "Số:" and the people’s committee signature', async () => {
    const { paragraphs, xml } = await open(await renderDocx(stateDirective))
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HÀ NỘI',
      'Số: 17/CT-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 23 tháng 7 năm 2021',
      'CHỈ THỊ',
      stateDirective.title,
      'Sở Y tế bảo đảm đủ giường bệnh, thuốc và trang thiết bị; triển khai "4 tại chỗ" tại các khu cách ly.',
      '- Thường trực Thành ủy (để b/c);',
      '- Lưu: VT, KGVX.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Chu Ngọc Đăng Khoa',
    ]) {
      expect(paragraphs).toContain(line)
    }
    expect(paragraphs).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    // Rules under the issuer, the motto and the subject: empty paragraphs with a top border.
    expect(xml.match(/<w:top w:val="single"/g)).toHaveLength(3)
  })
})
