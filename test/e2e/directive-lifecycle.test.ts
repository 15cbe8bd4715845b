// A directive from paste to export in Chromium on a real hub: the office imports a pasted text, fills and
// settles the assignment table and submits; the secretary issues it in another browser, the held tasks go
// out, PDF and DOCX download; the assignment table also on a phone.

import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import {
  download,
  login,
  newContext,
  newPhoneContext,
  screenshot,
  signedInPage,
  useHubAndBrowser,
} from '../helpers/browser'

/**
 * A Party directive as people paste it from a PDF: the two header columns broken into tabs, a stray
 * space in the number, the subject split over lines, and "Nơi nhận" beside the signing block.
 */
const PASTED = [
  'THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM',
  '*\t\t',
  'Số 07 -CT/TU\t\tHà Nội, ngày 02 tháng 8 năm 2021',
  '',
  '\tCHỈ THỊ',
  '\tCỦA BAN THƯỜNG VỤ THÀNH ỦY',
  '\tvề tăng cường kiểm soát người ra vào',
  '\tcác khu vực phong tỏa trên địa bàn Thành phố',
  '',
  'Thực hiện Chỉ thị số 05-CT/TU, ngày 30/7/2021 của Ban Thường vụ Thành ủy và Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, Ban Thường vụ Thành ủy yêu cầu:',
  '',
  '1. Ban cán sự đảng UBND Thành phố chỉ đạo lập chốt kiểm soát tại các lối ra vào khu phong tỏa; hoàn thành trong ngày 04/8/2021.',
  'Các chốt hoạt động 24/24 giờ, có lực lượng công an, dân quân tự vệ.',
  '',
  '2. Các quận ủy, huyện ủy, thị ủy chỉ đạo các phường, xã rà soát người ra vào địa bàn, báo cáo kết quả hằng ngày về Văn phòng Thành ủy.',
  '',
  '3. Ngành Công Thương thống nhất một mẫu phiếu đi chợ dùng chung toàn Thành phố, hoàn thành trước ngày 06/8/2021.',
  '',
  'Chỉ thị này phổ biến đến chi bộ và Nhân dân./.',
  '',
  'Nơi nhận:\t\tT/M BAN THƯỜNG VỤ',
  '- Ban Bí thư Trung ương Đảng, (để b/c)\t\tBÍ THƯ',
  '- Các quận ủy, huyện ủy, thị ủy, (để thực hiện)\t\t',
  '- Ban cán sự đảng UBND Thành phố,\t\t(Đã ký)',
  '- Lưu Văn phòng Thành ủy.\t\tĐinh Tiến Dũng',
].join('\n')

const NUMBER = '07-CT/TU'
const SIGNER = 'Đinh Tiến Dũng'
const EDITED_TITLE = 'Lập chốt kiểm soát 24/24 giờ tại mọi lối ra vào khu phong tỏa'
/** The 2021 deadlines are gone by: the rows are given one to come. */
const DUE = '31/12/2027'

interface Task {
  id: string
  title: string
  parentTaskId: string | null
  leadUnitId: string
  dueAt: string | null
}

const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim()
const noSidewaysScroll = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')

describe('a directive from paste to export', () => {
  const { hub, browser } = useHubAndBrowser()

  it('the office imports, fills and settles the assignment table, submits; the secretary issues and the tasks go out; both formats download', async () => {
    const errors: string[] = []
    // The office drafter.
    const ctxOffice = await newContext(browser, hub.base)
    const office = await ctxOffice.newPage()
    office.on('pageerror', (e) => errors.push(String(e)))
    await login(office, 'vanphong')

    // 1. Import: paste, recognise, check what was read.
    await office.goto('/directives')
    await office.getByRole('link', { name: 'Nhập văn bản' }).click()
    await office.getByRole('heading', { level: 1, name: 'Nhập văn bản' }).waitFor()
    await office.getByLabel('Toàn văn văn bản').fill(PASTED)
    await office.getByRole('button', { name: 'Nhận dạng và tạo dự thảo' }).click()
    await office.getByTestId('import-result').waitFor()
    expect(await textOf(office, 'import-kind')).toBe('Chỉ thị')
    expect(await textOf(office, 'import-number')).toBe(NUMBER)
    expect(await textOf(office, 'import-date')).toBe('02/08/2021')
    expect(await textOf(office, 'import-place')).toBe('Hà Nội')
    expect(await textOf(office, 'import-issuer')).toBe('THÀNH ỦY HÀ NỘI')
    expect(await textOf(office, 'import-subject')).toBe(
      'Chỉ thị về tăng cường kiểm soát người ra vào các khu vực phong tỏa trên địa bàn Thành phố',
    )
    const signer = await textOf(office, 'import-signer')
    expect(signer).toContain('T/M BAN THƯỜNG VỤ')
    expect(signer).toContain('BÍ THƯ')
    expect(signer).toContain(SIGNER)
    const recipients = await textOf(office, 'import-recipients')
    expect(recipients).toMatch(/Ban Bí thư Trung ương Đảng\s+Để báo cáo/)
    // The group line prints once, with the number of units it stands for (one row each on the server).
    expect(recipients).toMatch(/Các quận ủy, huyện ủy, thị ủy\s+30 đơn vị\s+Để thực hiện/)
    expect(recipients).toMatch(/Văn phòng Thành ủy\s+Lưu/)
    // The signing block beside "Nơi nhận" is not a recipient.
    expect(recipients).not.toContain(SIGNER)
    expect(recipients).not.toContain('BÍ THƯ')
    expect(await office.getByTestId('import-clauses').locator('> div').count()).toBe(3)
    await screenshot(office, 'directive-import-review')

    // 2. The new draft keeps the number it carries.
    await office.getByRole('button', { name: 'Mở dự thảo' }).first().click()
    await office.waitForURL(/\/directives\/[0-9a-f-]{36}$/)
    const directiveId = new URL(office.url()).pathname.split('/').pop()!
    await office.getByTestId('directive-title').waitFor()
    expect(await textOf(office, 'directive-number')).toBe(NUMBER)
    await office.getByText('Số của văn bản gốc, giữ nguyên khi ban hành').waitFor()
    await office.locator('[data-testid="lifecycle"] [data-status="draft"]').waitFor()

    // 3. The assignment table, filled from the clauses with the matched units; a deadline gone by is said on
    // the row; edit one title and the deadlines; settle: on a draft the tasks are held until the issue.
    await office.getByRole('tab', { name: 'Phân công' }).click()
    await office
      .locator('[data-testid="assignment-table"] [data-testid="collab-status"][data-status="connected"]')
      .waitFor({ timeout: 30_000 })
    await office.getByRole('button', { name: 'Đề xuất từ văn bản' }).click()
    await office.getByText('Đã thêm 3 dòng mới').waitFor()
    const rows = office.getByTestId('assignment-row')
    expect(await rows.count()).toBe(3)
    const [first, second, third] = [rows.nth(0), rows.nth(1), rows.nth(2)]
    await first.getByTestId('cell-lead').getByText('Ban cán sự đảng UBND Thành phố', { exact: true }).waitFor()
    expect(await first.getByLabel(/^Thời hạn/).inputValue()).toBe('04/08/2021')
    await first.locator('[data-testid="row-problem"][data-code="duePast"]').getByText('Thời hạn đã qua').waitFor()
    // "Các quận ủy, huyện ủy, thị ủy" is every district: 30 units, folded after the first three.
    await second.getByRole('button', { name: '+27 đơn vị khác' }).waitFor()
    expect(await second.getByLabel(/^Định kỳ/).inputValue()).toBe('Hằng ngày')
    await third.getByTestId('cell-lead').getByText('Sở Công Thương', { exact: true }).waitFor()
    expect(await third.getByLabel(/^Thời hạn/).inputValue()).toBe('06/08/2021')
    await first.getByLabel(/^Nhiệm vụ/).fill(EDITED_TITLE)
    await first.getByLabel(/^Thời hạn/).fill(DUE)
    await third.getByLabel(/^Thời hạn/).fill(DUE)
    await office.getByTestId('settle-summary').getByText('Sẽ chốt 3 dòng thành nhiệm vụ.').waitFor()
    await screenshot(office, 'directive-assignments')
    await office.getByTestId('settle').click()
    const dialog = office.getByTestId('settle-dialog')
    await dialog.getByText('Giao việc sẽ được gửi khi văn bản được ban hành', { exact: false }).waitFor()
    await dialog.getByTestId('settle-confirm').click()
    await expect.poll(() => office.getByTestId('row-held').count(), { timeout: 20_000 }).toBe(3)

    const vanphong = await apiLogin(hub.base, 'vanphong')
    const held = await vanphong.get<{ tasks: Task[] }>(`/tasks?directiveId=${directiveId}&limit=200`)
    expect(held.tasks.length).toBe(0)

    // 4. Submit to the standing committee; the office cannot issue.
    await office.getByTestId('action-submit').getByText('Trình Thường trực').click()
    await office.locator('[data-testid="lifecycle"] [data-status="in_review"]').waitFor()
    await office.getByText('Đang chờ Thường trực xem xét, ban hành.').waitFor()
    expect(await office.getByTestId('action-issue').count()).toBe(0)

    // 5. The secretary, in another browser, issues it: the number it carries is kept.
    const { context: ctxSecretary, page: secretary } = await signedInPage(browser, hub.base, 'bithu')
    secretary.on('pageerror', (e) => errors.push(String(e)))
    await secretary.goto(`/directives/${directiveId}`)
    await secretary.locator('[data-testid="lifecycle"] [data-status="in_review"]').waitFor()
    const issue = secretary.getByTestId('action-issue')
    expect((await issue.innerText()).trim()).toBe('Ban hành')
    await issue.click()
    const form = secretary.getByTestId('issue-form')
    await form.waitFor()
    await form.getByText(`Văn bản đã có số ${NUMBER}`).waitFor()
    expect(await form.getByLabel('Họ và tên người ký').inputValue()).toBe(SIGNER)
    expect(await form.getByLabel('Chức vụ người ký').inputValue()).toBe('BÍ THƯ')
    expect(await form.getByLabel('Nơi ban hành').inputValue()).toBe('Hà Nội')
    expect(await form.getByLabel('Ngày ban hành').inputValue()).toBe('02/08/2021')
    await form.getByRole('button', { name: 'Ban hành' }).click()
    // Issuing sends the held tasks with it, which puts the directive in force.
    await secretary.locator('[data-testid="lifecycle"] [data-status="in_force"]').waitFor({ timeout: 20_000 })
    expect(await textOf(secretary, 'directive-number')).toBe(NUMBER)
    expect(await textOf(secretary, 'directive-issued-at')).toContain('02/08/2021')
    // The text is frozen: the editor is read-only.
    await secretary.getByText('Văn bản đã ban hành: nội dung được giữ nguyên, chỉ xem.').waitFor()
    await secretary.getByTestId('collab-editor').waitFor()
    expect(await secretary.getByTestId('collab-editor').getAttribute('contenteditable')).toBe('false')
    // Issuing reconnects open editors read-only; the page is live again after it.
    await secretary.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 20_000 })
    await screenshot(secretary, 'directive-issued')

    // The office's open page follows without a reload.
    await office.locator('[data-testid="lifecycle"] [data-status="in_force"]').waitFor({ timeout: 20_000 })

    // The held rows went out with the issue: one task for clause 1, one parent with 30 district children
    // for clause 2, one for clause 3.
    await expect
      .poll(
        async () => (await vanphong.get<{ tasks: Task[] }>(`/tasks?directiveId=${directiveId}&limit=200`)).tasks.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(33)
    const { tasks } = await vanphong.get<{ tasks: Task[] }>(`/tasks?directiveId=${directiveId}&limit=200`)
    expect(tasks.find((t) => t.title === EDITED_TITLE)?.dueAt).toBe('2027-12-31')
    expect(tasks.filter((t) => t.parentTaskId).length).toBe(30)

    // 6. Exports through the buttons.
    const pdf = await download(secretary, () => secretary.getByRole('link', { name: 'Tải PDF' }).click())
    expect(pdf.fileName).toMatch(/\.pdf$/)
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const docx = await download(secretary, () => secretary.getByRole('link', { name: 'Tải DOCX' }).click())
    expect(docx.fileName).toMatch(/\.docx$/)
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain(NUMBER)
    expect(xml).toContain(SIGNER)

    expect(errors).toEqual([])
    await ctxOffice.close()
    await ctxSecretary.close()
  })

  it('fills the assignment table on a phone without sideways scrolling', async () => {
    const vanphong = await apiLogin(hub.base, 'vanphong')
    const { directive } = await vanphong.post<{ directive: { id: string } }>('/directives/import', { text: PASTED })
    const context = await newPhoneContext(browser, hub.base)
    const page = await context.newPage()
    await login(page, 'vanphong')
    await page.goto(`/directives/${directive.id}`)
    await page.getByTestId('directive-title').waitFor()
    await page.getByRole('tab', { name: 'Phân công' }).tap()
    await page.getByRole('button', { name: 'Đề xuất từ văn bản' }).tap()
    await page.getByTestId('assignment-row').first().waitFor()
    expect(await page.getByTestId('assignment-row').count()).toBe(3)
    expect(await noSidewaysScroll(page)).toBe(true)
    await screenshot(page, 'directive-assignments-phone')
    await context.close()
  })
})
