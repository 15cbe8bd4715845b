// PDF exports of directives read back with pdf.js: every line with its diacritics, A4 with only Tinos
// embedded, drafts, pagination of a long directive and a signature never left alone on its page.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { bundledFontName } from './fonts'
import { renderPdf } from './pdf-layout'
import { longPartyDirective, partyDirective, partyDraft, stateDirective } from './test-fixtures'

/** Text compared the way a reader sees it: NFC, any run of white space one space (lines wrap at spaces). */
const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

interface PageText {
  text: string
  size: [number, number]
  fonts: string[]
}

/** Each page's text, size and font names, as pdf.js reads them. */
async function readPdf(buffer: Buffer): Promise<PageText[]> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise
  const pages: PageText[] = []
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent()
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
    // Fonts are loaded into commonObjs while the page's operator list is built.
    await page.getOperatorList()
    const fonts = Object.keys(content.styles).map((id) => (page.commonObjs.get(id) as { name: string }).name)
    const [, , width, height] = page.view as [number, number, number, number]
    pages.push({ text: normalise(text), size: [width, height], fonts })
  }
  await pdf.destroy()
  return pages
}

function expectText(haystack: string, needles: readonly string[]) {
  for (const needle of needles) expect(haystack).toContain(normalise(needle))
}

describe('renderPdf, Party layout (36-HD/VPTW)', () => {
  it('prints header, number, date, kind, subject, every clause, recipients and signer with their diacritics', async () => {
    const [page, ...rest] = await readPdf(await renderPdf(partyDirective))
    expect(rest).toHaveLength(0)
    expectText(page!.text, [
      'THÀNH ỦY HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 05-CT/TU',
      'Hà Nội, ngày 30 tháng 7 năm 2021',
      'CHỈ THỊ CỦA BAN THƯỜNG VỤ THÀNH ỦY',
      partyDirective.title,
      ...partyDirective.clauses.map((clause) => `${clause.ordinal}. ${clause.text}`),
      partyDirective.closing,
      'Nơi nhận:',
      '- Văn phòng Trung ương Đảng (để b/c),',
      '- Đảng đoàn HĐND Thành phố,',
      '- Lưu Văn phòng Thành ủy.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn Đức',
    ])
    expect(page!.text).toMatch(/THÀNH ỦY HÀ NỘI \* ĐẢNG CỘNG SẢN VIỆT NAM Số 05-CT\/TU/)
  })

  it('is A4 and embeds only Tinos', async () => {
    const buffer = await renderPdf(partyDirective)
    const [page] = await readPdf(buffer)
    expect(page!.size[0]).toBeCloseTo(595.28, 1)
    expect(page!.size[1]).toBeCloseTo(841.89, 1)
    expect(page!.fonts.length).toBeGreaterThanOrEqual(3)
    for (const font of page!.fonts) expect(font).toMatch(new RegExp(`^[A-Z]{6}\\+${bundledFontName}-`))
    // A subset (the six-letter tag) of each face travels inside the file as a TrueType program.
    expect(buffer.toString('latin1').match(/\/FontFile2 /g)?.length).toBe(page!.fonts.length)
  })

  it('shows the blanks of a draft', async () => {
    const [page] = await readPdf(await renderPdf(partyDraft))
    expectText(page!.text, ['Số      -CT/TU', 'Hà Nội, ngày    tháng    năm 20..'])
  })

  it('paginates a long directive, numbering later pages and keeping the foot whole', async () => {
    const pages = await readPdf(await renderPdf(longPartyDirective))
    expect(pages.length).toBeGreaterThan(1)
    // The number sits in the top margin but is drawn last, so pdf.js reads it at the end of the page's text.
    for (const [index, page] of pages.entries()) {
      if (index > 0) expect(page.text.endsWith(` ${index + 1}`)).toBe(true)
    }
    expect(pages[0]!.text).not.toMatch(/ 1$/)
    const all = pages.map((page, index) => (index === 0 ? page.text : page.text.replace(/ \d+$/, ''))).join(' ')
    for (const clause of longPartyDirective.clauses) expectText(all, [`${clause.ordinal}. ${clause.text}`])
    const last = pages.at(-1)!
    expectText(last.text, ['Nơi nhận:', '- Lưu Văn phòng Thành ủy.', 'T/M BAN THƯỜNG VỤ', 'Nguyễn Văn Đức'])
    for (const page of pages) expect(page.size[1]).toBeCloseTo(841.89, 1)
  })
  it('never leaves the signature alone on the last page: the closing paragraph goes over with it', async () => {
    // Around 28 clauses the foot no longer fits under the closing paragraph; each length must keep them together.
    for (const count of [27, 28, 29]) {
      const pages = await readPdf(
        await renderPdf({ ...longPartyDirective, clauses: longPartyDirective.clauses.slice(0, count) }),
      )
      const pageOf = (needle: string) => pages.findIndex((page) => page.text.includes(normalise(needle)))
      const closing = pageOf(partyDirective.closing)
      expect(closing).toBeGreaterThan(0)
      expect(pageOf('Nơi nhận:')).toBe(closing)
      expect(pageOf('Nguyễn Văn Đức')).toBe(closing)
    }
  })
})

describe('renderPdf, state layout (decree 30/2020)', () => {
  it('prints the national title, motto, "Số:" and the people’s committee signature', async () => {
    const [page] = await readPdf(await renderPdf(stateDirective))
    expectText(page!.text, [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HÀ NỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 17/CT-UBND',
      'Hà Nội, ngày 23 tháng 7 năm 2021',
      'CHỈ THỊ',
      stateDirective.title,
      ...stateDirective.clauses.map((clause) => `${clause.ordinal}. ${clause.text}`),
      '- Thường trực Thành ủy (để b/c);',
      '- Lưu: VT, KGVX.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Chu Ngọc Đăng Khoa',
    ])
    expect(page!.text).not.toContain('ĐẢNG CỘNG SẢN')
  })
})
