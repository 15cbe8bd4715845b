/**
 * The assignment annex ("Phụ lục phân công nhiệm vụ") in its three formats: the DOCX opened as XML, the PDF read back
 * with pdf.js, the workbook read back with ExcelJS.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import {
  type AnnexInput,
  type AnnexRow,
  annexSheetHeaderRow,
  attachedToLine,
  groupUnits,
  issuerInRunningText,
  renderAnnexDocx,
  renderAnnexPdf,
  renderAnnexXlsx,
  wrapText,
} from './assignment-annex'
import { measureText } from './text-measure'

/** Hà Nội's 30 district-level units, the longest list of supporting units a row carries. */
const districtNames = [
  'Ba Đình',
  'Hoàn Kiếm',
  'Tây Hồ',
  'Long Biên',
  'Cầu Giấy',
  'Đống Đa',
  'Hai Bà Trưng',
  'Hoàng Mai',
  'Thanh Xuân',
  'Nam Từ Liêm',
  'Bắc Từ Liêm',
  'Hà Đông',
  'Sóc Sơn',
  'Đông Anh',
  'Gia Lâm',
  'Thanh Trì',
  'Mê Linh',
  'Ba Vì',
  'Phúc Thọ',
  'Đan Phượng',
  'Hoài Đức',
  'Quốc Oai',
  'Thạch Thất',
  'Chương Mỹ',
  'Thanh Oai',
  'Thường Tín',
  'Phú Xuyên',
  'Ứng Hòa',
  'Mỹ Đức',
  'Sơn Tây',
]
const districts = districtNames.map(
  (name, index) => `UBND ${index < 12 ? 'quận' : index < 29 ? 'huyện' : 'thị xã'} ${name}`,
)
/** The 30 units as the cell prints them, grouped by kind of area. */
const groupedDistricts = [
  `UBND các quận: ${districtNames.slice(0, 12).join(', ')};`,
  `UBND các huyện: ${districtNames.slice(12, 29).join(', ')};`,
  'UBND thị xã Sơn Tây',
]

const baseRows: AnnexRow[] = [
  {
    ordinal: 1,
    title: 'Lập chốt kiểm soát, áp dụng mô hình "3 lớp" ở khu vực phong tỏa',
    description:
      'Ban cán sự đảng UBND Thành phố chỉ đạo lập các chốt kiểm soát, áp dụng mô hình "3 lớp" ở các khu vực phong tỏa.',
    clauseOrdinal: 2,
    leads: ['Công an Thành phố'],
    supports: districts,
    accountable: 'Nguyễn Hải Trung, Giám đốc Công an Thành phố',
    dueAt: '2021-08-02',
    rhythm: 'Hằng ngày',
    reportCycle: 'Hằng tuần',
    note: 'Phối hợp Bộ Tư lệnh Thủ đô',
    state: 'Đã giao',
  },
  {
    ordinal: 2,
    title: 'Ban hành mẫu phiếu đi chợ thống nhất toàn Thành phố',
    description: 'Ban hành mẫu phiếu đi chợ thống nhất toàn Thành phố',
    clauseOrdinal: 2,
    leads: ['Sở Công Thương'],
    supports: ['Sở Thông tin và Truyền thông', 'UBND quận Tây Hồ'],
    accountable: null,
    dueAt: '2021-08-02',
    rhythm: null,
    reportCycle: null,
    note: '',
    state: 'Chờ ban hành',
  },
  {
    ordinal: 3,
    title: 'Bố trí kinh phí bảo đảm an sinh xã hội',
    description:
      'Đảng đoàn HĐND Thành phố bố trí kinh phí bảo đảm an sinh xã hội, hỗ trợ kịp thời người lao động gặp khó khăn.',
    clauseOrdinal: 3,
    leads: ['Đảng đoàn HĐND Thành phố', 'Sở Tài chính'],
    supports: ['Sở Lao động - Thương binh và Xã hội', 'Ủy ban MTTQ Việt Nam Thành phố'],
    accountable: 'Trần Thị Phương Hoa, Phó Chủ tịch HĐND Thành phố',
    dueAt: null,
    rhythm: 'Thường xuyên',
    reportCycle: 'Hằng tháng',
    note: 'Báo cáo kết quả trước ngày 25 hằng tháng',
    state: 'Chưa chốt',
  },
]

const annex: AnnexInput = {
  layout: 'party',
  issuer: 'THÀNH ỦY HÀ NỘI',
  directiveNumber: '05-CT/TU',
  directiveTitle: 'về tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch Covid-19 trong tình hình mới',
  issuedAt: '2021-07-30',
  issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
  draft: false,
  rows: baseRows,
}

/** Forty rows with clause texts of a few lines: several landscape pages. */
const longAnnex: AnnexInput = {
  ...annex,
  rows: Array.from({ length: 40 }, (_, index) => {
    const base = baseRows[index % baseRows.length]!
    return {
      ...base,
      ordinal: index + 1,
      title: `Nhiệm vụ số ${index + 1}: kiểm tra việc thực hiện giãn cách xã hội tại phường, xã`,
      description: `${base.description} Kiểm tra, đôn đốc việc thực hiện tại từng tổ dân phố, thôn, xóm; xử lý nghiêm các trường hợp vi phạm (lượt ${index + 1}).`,
      supports: index === 7 ? districts : base.supports.slice(0, 2),
    }
  }),
}

const sharedTitleLine = '(Kèm theo Chỉ thị số 05-CT/TU ngày 30/7/2021 của Ban Thường vụ Thành ủy)'
const columnTitles = [
  'STT',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Người chịu trách nhiệm',
  'Thời hạn',
  'Định kỳ / kỳ báo cáo',
  'Ghi chú',
]

// --- DOCX ---------------------------------------------------------------------------------------------------------

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!)
const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).normalize('NFC'),
  )
const rowsOf = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => row)

async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer)
  const xml = await zip.file('word/document.xml')!.async('string')
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => table)
  return { xml, paragraphs: paragraphTexts(xml), tables }
}

describe('renderAnnexDocx', () => {
  it('prints the issuer, the heading, the "Kèm theo" line and the directive’s subject above the table', async () => {
    const { paragraphs } = await openDocx(await renderAnnexDocx(annex))
    for (const line of [
      'THÀNH ỦY HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'PHỤ LỤC PHÂN CÔNG NHIỆM VỤ',
      annex.directiveTitle,
      sharedTitleLine,
    ]) {
      expect(paragraphs).toContain(line)
    }
    expect(paragraphs.indexOf(sharedTitleLine)).toBeGreaterThan(paragraphs.indexOf('PHỤ LỤC PHÂN CÔNG NHIỆM VỤ'))
    expect(paragraphs).not.toContain('DỰ THẢO')
    expect(paragraphs).not.toContain('Số 05-CT/TU')
  })

  it('is landscape A4 with the portrait margins turned with the sheet', async () => {
    const { xml } = await openDocx(await renderAnnexDocx(annex))
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!
    expect(margins).toContain('w:top="1701"')
    expect(margins).toContain('w:bottom="850"')
    expect(margins).toContain('w:left="1134"')
    expect(margins).toContain('w:right="1134"')
  })

  it('repeats the column header on every page, keeps rows whole and prints every row and the 30 units', async () => {
    const { tables } = await openDocx(await renderAnnexDocx(annex))
    const table = tables.find((t) => paragraphTexts(t).includes('Đơn vị phối hợp'))!
    expect(table.match(/<w:gridCol /g)).toHaveLength(8)
    const [header, ...rows] = rowsOf(table)
    expect(paragraphTexts(header!)).toEqual(columnTitles)
    expect(header).toContain('<w:tblHeader/>')
    expect(rows).toHaveLength(baseRows.length)
    for (const [index, row] of rows.entries()) {
      expect(row).toContain('<w:cantSplit/>')
      expect(row).not.toContain('<w:tblHeader/>')
      const texts = paragraphTexts(row)
      expect(texts[0]).toBe(String(baseRows[index]!.ordinal))
      expect(texts).toContain(baseRows[index]!.title)
    }
    const first = paragraphTexts(rows[0]!)
    // The clause under the title, quoted with its number; a description equal to the title is not repeated.
    expect(first).toContain(`2. ${baseRows[0]!.description}`)
    expect(paragraphTexts(rows[1]!).filter((t) => t === baseRows[1]!.title)).toHaveLength(1)
    const supports = first.slice(first.findIndex((t) => t.includes('Ba Đình')))
    expect(supports.slice(0, 3)).toEqual(groupedDistricts)
    for (const name of districtNames) expect(supports.slice(0, 3).join(' ')).toContain(name)
    expect(first).toContain('02/08/2021')
    expect(first).toContain('Báo cáo: hằng tuần')
    expect(paragraphTexts(rows[2]!)).toEqual(
      expect.arrayContaining(['Đảng đoàn HĐND Thành phố', 'Sở Tài chính', 'Thường xuyên', 'Chưa chốt']),
    )
  })

  it('marks a draft and lets a row taller than a page break rather than fall off it', async () => {
    const giant: AnnexRow = {
      ...baseRows[0]!,
      ordinal: 4,
      title: 'Tổng hợp ý kiến',
      description: Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: rà soát, tổng hợp ý kiến của các đơn vị.`).join(
        '\n',
      ),
    }
    const { paragraphs, tables } = await openDocx(
      await renderAnnexDocx({ ...annex, directiveNumber: null, issuedAt: null, draft: true, rows: [giant] }),
    )
    expect(paragraphs[0]).toBe('DỰ THẢO')
    expect(paragraphs).toContain('(Kèm theo dự thảo văn bản của Ban Thường vụ Thành ủy)')
    const table = tables.find((t) => paragraphTexts(t).includes('Đơn vị phối hợp'))!
    expect(rowsOf(table)[1]).not.toContain('<w:cantSplit/>')
  })
})

// --- PDF ----------------------------------------------------------------------------------------------------------

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

async function readPdf(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise
  const pages: { text: string; size: [number, number] }[] = []
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent()
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('')
    const [, , width, height] = page.view as [number, number, number, number]
    pages.push({ text: normalise(text), size: [width, height] })
  }
  await pdf.destroy()
  return pages
}

describe('renderAnnexPdf', () => {
  it('prints the heading, the "Kèm theo" line and every cell with its diacritics on a landscape page', async () => {
    const pages = await readPdf(await renderAnnexPdf(annex))
    const [first] = pages
    expect(first!.size[0]).toBeCloseTo(841.89, 1)
    expect(first!.size[1]).toBeCloseTo(595.28, 1)
    expect(first!.text.startsWith('THÀNH ỦY HÀ NỘI')).toBe(true)
    const all = pages.map((page) => page.text).join(' ')
    for (const needle of [
      'THÀNH ỦY HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'PHỤ LỤC PHÂN CÔNG NHIỆM VỤ',
      annex.directiveTitle,
      sharedTitleLine,
      columnTitles.join(' '),
      ...baseRows.map((row) => row.title),
      'Nguyễn Hải Trung, Giám đốc Công an Thành phố',
      'Sở Lao động - Thương binh và Xã hội',
      ...groupedDistricts,
      '02/08/2021',
      'Hằng ngày Báo cáo: hằng tuần',
      'Chờ ban hành',
    ]) {
      expect(all).toContain(normalise(needle))
    }
  })

  it('paginates many rows, the column header on every page, each ordinary row whole on one page', async () => {
    const pages = await readPdf(await renderAnnexPdf(longAnnex))
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const page of pages) {
      expect(page.text).toContain(columnTitles.join(' '))
      expect(page.size[0]).toBeCloseTo(841.89, 1)
    }
    // Page numbers from the second page on, drawn last.
    for (const [index, page] of pages.entries()) if (index) expect(page.text.endsWith(` ${index + 1}`)).toBe(true)
    for (const row of longAnnex.rows) {
      const holding = pages.filter((page) => page.text.includes(normalise(row.title)))
      expect(holding).toHaveLength(1)
      expect(holding[0]!.text).toContain(normalise(`${row.clauseOrdinal}. ${row.description}`))
      if (row.note) expect(holding[0]!.text).toContain(normalise(row.note))
    }
    expect(pages.map((page) => page.text).join(' ')).toContain(normalise(groupedDistricts.join(' ')))
  })

  it('breaks a row taller than a page across pages, header repeated, every line printed once', async () => {
    const paragraphs = Array.from({ length: 45 }, (_, i) => `[${i + 1}] rà soát, tổng hợp ý kiến của đơn vị.`)
    const giant: AnnexRow = { ...baseRows[1]!, ordinal: 2, description: paragraphs.join('\n') }
    const pages = await readPdf(await renderAnnexPdf({ ...annex, rows: [baseRows[0]!, giant, baseRows[2]!] }))
    expect(pages.length).toBeGreaterThanOrEqual(2)
    for (const page of pages) expect(page.text).toContain(columnTitles.join(' '))
    const all = pages.map((page) => page.text).join(' ')
    // Each paragraph once, in order (a paragraph may wrap over the page break, so its marker is what is counted).
    const positions = paragraphs.map((_, i) => {
      expect(all.split(`[${i + 1}]`)).toHaveLength(2)
      return all.indexOf(`[${i + 1}]`)
    })
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(pages.at(-1)!.text).toContain(normalise(baseRows[2]!.title))
  })
})

describe('an empty table', () => {
  it('still prints the heading and the column header in every format', async () => {
    const empty = { ...annex, rows: [] }
    const [page, ...rest] = await readPdf(await renderAnnexPdf(empty))
    expect(rest).toHaveLength(0)
    expect(page!.text).toContain(`${sharedTitleLine} ${columnTitles.join(' ')}`)
    const { tables } = await openDocx(await renderAnnexDocx(empty))
    expect(rowsOf(tables.at(-1)!).map(paragraphTexts)).toEqual([columnTitles])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderAnnexXlsx(empty)) as unknown as ArrayBuffer)
    expect(wb.getWorksheet('Phân công')!.rowCount).toBe(annexSheetHeaderRow)
  })
})

// --- XLSX ---------------------------------------------------------------------------------------------------------

describe('renderAnnexXlsx', () => {
  it('writes one sheet "Phân công": header frozen and filtered, every row, due dates as dates shown dd/mm/yyyy', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderAnnexXlsx(longAnnex)) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Phân công'])
    const ws = wb.getWorksheet('Phân công')!
    expect(ws.getCell('A1').value).toBe('THÀNH ỦY HÀ NỘI')
    expect(ws.getCell('A3').value).toBe(sharedTitleLine)
    const header = ws.getRow(annexSheetHeaderRow).values as unknown[]
    expect(header.slice(1, 3)).toEqual(['STT', 'Nhiệm vụ'])
    expect(header).toEqual(
      expect.arrayContaining(['Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kỳ báo cáo', 'Trạng thái']),
    )
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: annexSheetHeaderRow })
    expect(ws.autoFilter).toBeTruthy()
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '4:4' })
    expect(ws.rowCount).toBe(annexSheetHeaderRow + longAnnex.rows.length)

    const dueColumn = header.indexOf('Thời hạn')
    const first = ws.getRow(annexSheetHeaderRow + 1)
    const due = first.getCell(dueColumn)
    expect(due.value).toBeInstanceOf(Date)
    expect((due.value as Date).toISOString()).toBe('2021-08-02T00:00:00.000Z')
    expect(due.numFmt).toBe('dd/mm/yyyy')
    expect(first.getCell(1).value).toBe(1)
    expect(first.getCell(2).value).toBe(longAnnex.rows[0]!.title)
    expect(first.getCell(2).alignment?.wrapText).toBe(true)
    expect(ws.getRow(annexSheetHeaderRow + 3).getCell(dueColumn).value).toBeNull()
    const eighth = ws.getRow(annexSheetHeaderRow + 8).getCell(header.indexOf('Đơn vị phối hợp'))
    expect(String(eighth.value).split('\n')).toEqual(districts)
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(1).width!)
  })
})

// --- Wording and wrapping -----------------------------------------------------------------------------------------

describe('annex wording', () => {
  it('cites the parent document in running text', () => {
    expect(attachedToLine(annex)).toBe(sharedTitleLine)
    const state = { ...annex, layout: 'state' as const, issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', issuedBy: null }
    expect(attachedToLine({ ...state, directiveNumber: '17/CT-UBND', issuedAt: '2022-01-05' })).toBe(
      '(Kèm theo Chỉ thị số 17/CT-UBND ngày 05/01/2022 của Ủy ban nhân dân thành phố Hà Nội)',
    )
    expect(
      attachedToLine({ ...annex, directiveNumber: null, issuedAt: '2021-08-12', documentKind: 'Thông báo kết luận' }),
    ).toBe('(Kèm theo Thông báo kết luận ngày 12/8/2021 của Ban Thường vụ Thành ủy)')
    expect(issuerInRunningText('Thành ủy Hà Nội')).toBe('Thành ủy Hà Nội')
    expect(issuerInRunningText('QUẬN ỦY TÂY HỒ')).toBe('Quận ủy Tây Hồ')
  })

  it('groups a long list of units by kind of area, keeping units alone in their kind whole', () => {
    expect(
      groupUnits(['Sở Y tế', 'UBND quận Tây Hồ', 'UBND quận Ba Đình', 'Quận ủy Tây Hồ', 'UBND huyện Ba Vì']),
    ).toEqual(['Sở Y tế;', 'UBND các quận: Tây Hồ, Ba Đình;', 'Quận ủy Tây Hồ;', 'UBND huyện Ba Vì'])
  })

  it('wraps within the width, breaking a word longer than the column', () => {
    const text = 'Ủy ban nhân dân quận Tây Hồ Sởgiaothôngvậntảithànhphố'
    const lines = wrapText(text, 'regular', 12, 60)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(measureText(line, 'regular', 12)).toBeLessThanOrEqual(60)
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
  })
})
