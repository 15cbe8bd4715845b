/**
 * The city's report of a period in Chromium: the office opens "Báo cáo của thành phố" from the
 * accountability area, composes this week's report from the districts' reports (Tây Hồ's, sent just
 * before, is in the draft), types in the collaborative editor, and downloads the DOCX and the PDF,
 * both carrying what was typed.
 */
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { download, launchBrowser, loginViaApi, newContext, screenshot } from '../helpers/browser'
import { type Hub, startHub } from '../helpers/hub'

describe('the city report', () => {
  let hub: Hub
  let browser: Browser

  beforeAll(async () => {
    hub = await startHub()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await hub?.stop()
  })

  it('the office composes the week’s report, edits it together and exports DOCX and PDF', async () => {
    // Tây Hồ's head reports for today (the daily report every district owes).
    const head = await apiLogin(hub.base, 'tayho')
    const units = await head.get<{ units: { id: string; name: string }[] }>('/units?kind=district')
    const tayho = units.units.find((u) => u.name === 'Quận Tây Hồ')!
    await head.post('/reports', {
      unitId: tayho.id,
      body: 'Tây Hồ duy trì 14 chốt kiểm soát, không phát sinh ca mắc mới trong cộng đồng.',
      figures: { 'Chốt kiểm soát': { value: 14, unit: 'chốt' } },
    })

    const context = await newContext(browser, hub.base)
    await loginViaApi(context, hub.base, 'vanphong')
    const page = await context.newPage()
    await page.goto('/accountability')
    await page.getByRole('link', { name: 'Báo cáo của thành phố' }).first().click()
    await page.waitForURL('**/accountability/city-reports')
    await page.getByRole('heading', { name: 'Báo cáo của thành phố', level: 1 }).waitFor()
    // The week is the default; the period is said in words before composing.
    await expect.poll(() => page.getByTestId('compose-period').textContent()).toMatch(/Kỳ báo cáo: tuần \d+\/\d{4}/)
    await page.getByRole('button', { name: 'Tổng hợp báo cáo' }).click()
    await page.waitForURL(/\/accountability\/city-reports\/[0-9a-f-]{36}$/)
    await page.getByTestId('city-report-title').waitFor()
    expect(await page.getByTestId('city-report-title').textContent()).toMatch(
      /^BÁO CÁO Kết quả thực hiện nhiệm vụ tuần/,
    )

    const editor = page.getByTestId('collab-editor')
    await page.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
    // The composed draft: Tây Hồ's report, the summed figure, who did not report.
    await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain('Tây Hồ duy trì 14 chốt kiểm soát')
    const draft = (await editor.textContent()) ?? ''
    expect(draft).toContain('Chốt kiểm soát:')
    expect(draft).toContain('Chưa báo cáo:')
    expect(draft).toContain('VI. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI')

    const typed = 'Đề nghị Thường trực Thành ủy chỉ đạo tăng cường lực lượng trực chốt ban đêm.'
    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(typed, { delay: 10 })
    await page.locator('[data-testid="collab-storage"][data-state="saved"]').waitFor({ timeout: 10_000 })
    await screenshot(page, 'city-report')

    // The export reads the document as the server holds it: wait until the typed line is there.
    const exported = async (format: 'docx' | 'pdf') =>
      download(page, () => page.getByRole('link', { name: format === 'docx' ? 'Tải DOCX' : 'Tải PDF' }).click())
    let docx = await exported('docx')
    const docxText = async (bytes: Buffer) =>
      (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
    for (let i = 0; i < 20 && !(await docxText(docx.bytes)).includes(typed); i++) {
      await page.waitForTimeout(250)
      docx = await exported('docx')
    }
    expect(docx.fileName).toMatch(/^bao-cao-\d{4}-W\d{2}\.docx$/)
    const words = await docxText(docx.bytes)
    for (const s of ['THÀNH ỦY HÀ NỘI', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', '-BC/TU', typed, 'Tây Hồ duy trì 14 chốt'])
      expect(words).toContain(s)

    const pdf = await exported('pdf')
    expect(pdf.fileName).toMatch(/\.pdf$/)
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const doc = await getDocument({ data: new Uint8Array(pdf.bytes), useSystemFonts: false }).promise
    let text = ''
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ')
    expect(text.replace(/\s+/g, ' ')).toContain(typed)

    // Back on the list, the week's report is there.
    await page.getByRole('link', { name: 'Báo cáo của thành phố' }).first().click()
    await page
      .getByTestId('city-reports')
      .getByRole('link', { name: /Kết quả thực hiện nhiệm vụ tuần/ })
      .waitFor()
    await context.close()
  })
})
