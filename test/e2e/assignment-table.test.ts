/**
 * The assignment table in Chromium (issue 12): the secretary and the office edit one directive's
 * table in two browsers (each sees the other's cell edit and where the other is), "Đề xuất từ văn bản"
 * fills it, rows move, are removed and restored, an offline edit merges, the annex downloads, the
 * secretary settles and the Tây Hồ head sees his task on his board without a reload (and the table
 * read-only); the meeting's table settles onto the board too; on a phone-sized screen the rows are cards, their problems show on them and settling is reachable.
 */
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin } from '../helpers/api'
import { download, openLiveBoard, SCREENSHOTS, screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

const textNumbered = (no: number) =>
  [
    'THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM',
    `Số ${no}-CT/TU\t\tHà Nội, ngày 20 tháng 11 năm 2026`,
    '',
    '\tCHỈ THỊ',
    '\tCỦA BAN THƯỜNG VỤ THÀNH ỦY',
    '\tvề giữ gìn cảnh quan ven hồ Tây',
    '',
    'Ban Thường vụ Thành ủy yêu cầu:',
    '',
    '1. Quận ủy Tây Hồ chủ trì rà soát các điểm lấn chiếm ven hồ, hoàn thành trước ngày 30/6/2027.',
    '',
    '2. Sở Công Thương phối hợp kiểm tra các cơ sở kinh doanh ven hồ, báo cáo hằng tháng về Văn phòng Thành ủy.',
    '',
    'Chỉ thị này phổ biến đến chi bộ./.',
    '',
    'Nơi nhận:\t\tT/M BAN THƯỜNG VỤ',
    '- Quận ủy Tây Hồ, (để thực hiện)\t\tBÍ THƯ',
    '- Lưu Văn phòng Thành ủy.\t\tĐinh Tiến Dũng',
  ].join('\n')

const NEW_TITLE = 'Rà soát, xử lý dứt điểm các điểm lấn chiếm ven hồ Tây'

interface Directive {
  id: string
  version: number
  status: string
}

async function importDirective(office: ApiSession, no: number, issue: ApiSession | null): Promise<Directive> {
  const { directive } = await office.post<{ directive: Directive }>('/directives/import', { text: textNumbered(no) })
  if (!issue) return directive
  const submitted = await office.post<{ directive: Directive }>(`/directives/${directive.id}/transition`, {
    action: 'submit',
    version: directive.version,
  })
  const issued = await issue.post<{ directive: Directive }>(`/directives/${directive.id}/transition`, {
    action: 'issue',
    version: submitted.directive.version,
    issuedAt: '2026-11-20',
    signer: { name: 'Đinh Tiến Dũng', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' },
  })
  expect(issued.directive.status).toBe('issued')
  return issued.directive
}

/** Opens the directive's "Phân công" tab and waits until the table is synced with the collab server. */
async function openTable(page: Page, directiveId: string) {
  await page.goto(`/directives/${directiveId}`)
  await page.getByRole('tab', { name: 'Phân công' }).click()
  await page.getByTestId('assignment-table').waitFor()
  await page
    .locator('[data-testid="assignment-table"] [data-testid="collab-status"][data-status="connected"]')
    .waitFor({ timeout: 30_000 })
}

/** What the screen shows now (not the whole page): for looking at a phone's viewport. */
const viewShot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })

const rowWithLead = (page: Page, unit: string): Locator =>
  page.getByTestId('assignment-row').filter({ has: page.getByTestId('cell-lead').getByText(unit, { exact: true }) })

describe('the assignment table, live', () => {
  const { hub, browser } = useHubAndBrowser()

  it('the secretary and the office fill it together; settling puts the task on the Tây Hồ board at once', async () => {
    const errors: string[] = []
    const vanphong = await apiLogin(hub.base, 'vanphong')
    const bithu = await apiLogin(hub.base, 'bithu')
    const directive = await importDirective(vanphong, 41, bithu)

    // The head of Tây Hồ watches his board.
    const { context: ctxHead, board } = await openLiveBoard(browser, hub.base, 'tayho')

    const { context: ctxOffice, page: office } = await signedInPage(browser, hub.base, 'vanphong')
    const { context: ctxSecretary, page: secretary } = await signedInPage(browser, hub.base, 'bithu')
    for (const p of [office, secretary]) p.on('pageerror', (e) => errors.push(String(e)))
    await openTable(office, directive.id)
    await openTable(secretary, directive.id)

    // Each sees the other among the people at the table.
    await office.locator(`[data-testid="assignment-peers"] [data-peer-name="${bithu.user.fullName}"]`).waitFor()
    await secretary.locator(`[data-testid="assignment-peers"] [data-peer-name="${vanphong.user.fullName}"]`).waitFor()

    // "Đề xuất từ văn bản" fills the table from the clauses, for everyone.
    await office.getByRole('button', { name: 'Đề xuất từ văn bản' }).click()
    await office.getByText(/Đã thêm \d+ dòng mới/).waitFor()
    const proposed = await office.getByTestId('assignment-row').count()
    expect(proposed).toBeGreaterThanOrEqual(2)
    await expect.poll(() => secretary.getByTestId('assignment-row').count(), { timeout: 15_000 }).toBe(proposed)
    const officeRow = rowWithLead(office, 'Quận Tây Hồ')
    await officeRow.waitFor()
    const rowId = (await officeRow.getAttribute('data-row-id')) as string
    const secretaryRow = secretary.locator(`[data-testid="assignment-row"][data-row-id="${rowId}"]`)
    // Proposing again adds nothing: the rows are there already.
    await office.getByRole('button', { name: 'Đề xuất từ văn bản' }).click()
    await office.getByText('Không có đề xuất mới').waitFor()
    expect(await office.getByTestId('assignment-row').count()).toBe(proposed)

    // The office edits the title: the secretary sees where the office is, then the new text.
    const title = officeRow.getByRole('textbox', { name: /^Nhiệm vụ/ })
    await title.click()
    await secretaryRow
      .locator(`[data-field="title"] [data-testid="cell-presence"][data-peer-name="${vanphong.user.fullName}"]`)
      .waitFor({ timeout: 15_000 })
    await title.fill(NEW_TITLE)
    await expect
      .poll(() => secretaryRow.getByRole('textbox', { name: /^Nhiệm vụ/ }).inputValue(), { timeout: 15_000 })
      .toBe(NEW_TITLE)

    // The secretary edits another cell of the same row, the deadline: the office sees it; both edits stand.
    const due = secretaryRow.getByRole('textbox', { name: /^Thời hạn/ })
    await due.click()
    await officeRow
      .locator(`[data-field="dueAt"] [data-testid="cell-presence"][data-peer-name="${bithu.user.fullName}"]`)
      .waitFor({ timeout: 15_000 })
    await due.fill('31/12/2027')
    await expect
      .poll(() => officeRow.getByRole('textbox', { name: /^Thời hạn/ }).inputValue(), { timeout: 15_000 })
      .toBe('31/12/2027')
    expect(await title.inputValue()).toBe(NEW_TITLE)
    await viewShot(office, 'assignment-table-office')
    await screenshot(secretary, 'assignment-table-secretary')

    // The office moves the second row up: the secretary's table follows.
    const firstId = async (p: Page) => p.getByTestId('assignment-row').first().getAttribute('data-row-id')
    const secondId = await office.getByTestId('assignment-row').nth(1).getAttribute('data-row-id')
    await office.getByRole('button', { name: 'Chuyển dòng 2 lên' }).click()
    await expect.poll(() => firstId(office)).toBe(secondId)
    await expect.poll(() => firstId(secretary), { timeout: 15_000 }).toBe(secondId)

    // A row added and left empty shows its problems on itself and is skipped by settling.
    await office.getByRole('button', { name: 'Thêm dòng' }).click()
    const empty = office.getByTestId('assignment-row').last()
    await empty.locator('[data-testid="row-problem"][data-code="noTitle"]').waitFor()
    await empty.locator('[data-testid="row-problem"][data-code="noLead"]').waitFor()

    // The secretary settles: the dialog says how many rows go and how many are skipped.
    await expect.poll(() => secretary.getByTestId('assignment-row').count(), { timeout: 15_000 }).toBe(proposed + 1)
    await secretary.getByTestId('settle').click()
    const dialog = secretary.getByTestId('settle-dialog')
    await dialog.getByText('1 dòng còn lỗi sẽ được bỏ qua.').waitFor()
    await dialog.getByTestId('settle-confirm').click()
    await secretaryRow.getByTestId('row-settled').waitFor({ timeout: 20_000 })
    // The office's open table hears of it too.
    await office
      .locator(`[data-testid="assignment-row"][data-row-id="${rowId}"] [data-testid="row-settled"]`)
      .waitFor({ timeout: 20_000 })

    // The head of Tây Hồ has it on his board: live, same document.
    await board.getByTestId('board-columns').getByText(NEW_TITLE).first().waitFor({ timeout: 20_000 })
    expect(await board.evaluate<boolean>('window.__sameDocument === true')).toBe(true)
    await screenshot(board, 'assignment-task-on-board')
    await screenshot(secretary, 'assignment-table-settled')

    // The office removes the empty row; the secretary finds it under "Đã xóa (1)" and restores it.
    await office.getByTestId('assignment-row').last().getByTestId('row-remove').click()
    await expect.poll(() => secretary.getByTestId('assignment-row').count(), { timeout: 15_000 }).toBe(proposed)
    await secretary.getByRole('button', { name: 'Đã xóa (1)' }).click()
    await secretary.getByTestId('removed-rows').getByRole('button', { name: 'Khôi phục' }).click()
    await expect.poll(() => office.getByTestId('assignment-row').count(), { timeout: 15_000 }).toBe(proposed + 1)

    // An edit made offline is kept on the device and merges on reconnect.
    await ctxOffice.setOffline(true)
    await office
      .locator('[data-testid="assignment-table"] [data-testid="collab-status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 })
    const offlineNote = 'Ghi chú lúc mất mạng: phối hợp Công an quận'
    await officeRow.getByLabel(/^Ghi chú/).fill(offlineNote)
    await ctxOffice.setOffline(false)
    await expect.poll(() => secretaryRow.getByLabel(/^Ghi chú/).inputValue(), { timeout: 30_000 }).toBe(offlineNote)

    // The annex downloads from the table, with the settled row in it.
    await secretary.getByRole('button', { name: 'Tải phụ lục phân công' }).click()
    const docx = await download(secretary, () => secretary.getByRole('menuitem', { name: 'Phụ lục DOCX' }).click())
    expect(docx.fileName).toMatch(/\.docx$/)
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain('Tây Hồ')
    await secretary.getByRole('button', { name: 'Tải phụ lục phân công' }).click()
    const xlsx = await download(secretary, () => secretary.getByRole('menuitem', { name: 'Bảng tính XLSX' }).click())
    expect(xlsx.fileName).toMatch(/\.xlsx$/)
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')

    // The head of Tây Hồ reads the table (the directive was sent to him) but cannot change it.
    const headPage = await ctxHead.newPage()
    await openTable(headPage, directive.id)
    await headPage.getByText('Chỉ xem').waitFor()
    const headRow = headPage.locator(`[data-testid="assignment-row"][data-row-id="${rowId}"]`)
    await headRow.getByTestId('row-settled').waitFor()
    expect(await headRow.getByLabel(/^Nhiệm vụ/).isDisabled()).toBe(true)
    expect(await headPage.getByRole('button', { name: 'Thêm dòng' }).count()).toBe(0)
    expect(await headPage.getByTestId('settle').count()).toBe(0)

    // Settling again creates nothing more for the row.
    const again = await bithu.post<{ created: unknown[]; already: string[] }>(
      `/directives/${directive.id}/assignments/settle`,
      {},
    )
    expect(again.created).toEqual([])
    expect(again.already).toContain(rowId)
    const head = await apiLogin(hub.base, 'tayho')
    const mine = await head.get<{ tasks: { title: string }[] }>(`/tasks?directiveId=${directive.id}&limit=200`)
    expect(mine.tasks.filter((t) => t.title === NEW_TITLE).length).toBe(1)

    expect(errors).toEqual([])
    await ctxOffice.close()
    await ctxSecretary.close()
    await ctxHead.close()
  })

  it('in the meeting room: the chair fills a row and settles it; it is on the Tây Hồ board and in the meeting at once', async () => {
    const chair = await apiLogin(hub.base, 'bithu')
    const { meetings } = await chair.get<{ meetings: { id: string; status: string }[] }>('/meetings')
    const meeting = meetings.find((m) => m.status !== 'concluded') ?? meetings[0]
    expect(meeting, 'a seeded meeting').toBeDefined()

    const { context: ctxHead, board } = await openLiveBoard(browser, hub.base, 'tayho')

    const { context: ctxChair, page: room } = await signedInPage(browser, hub.base, 'bithu')
    const errors: string[] = []
    room.on('pageerror', (e) => errors.push(String(e)))
    await room.goto(`/meetings/${meeting!.id}`)
    const table = room.getByTestId('assignment-table')
    await table.waitFor()
    expect(await table.getAttribute('data-doc')).toBe(`meeting-assignments:${meeting!.id}`)
    await table.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 30_000 })

    await table.getByRole('button', { name: 'Thêm dòng' }).click()
    const row = table.getByTestId('assignment-row').last()
    const title = `Kiểm tra chốt ra vào ven hồ, báo cáo trước giao ban (${Date.now()})`
    await row.getByLabel(/^Nhiệm vụ/).fill(title)
    await row.getByTestId('cell-lead').locator('input').fill('Tây Hồ')
    await room.getByRole('option', { name: 'Quận Tây Hồ', exact: true }).click()
    await row.getByLabel(/^Thời hạn/).fill('31/12/2027')
    await expect.poll(() => row.getAttribute('data-errors')).toBe('0')

    await table.getByTestId('settle').click()
    await room.getByTestId('settle-dialog').getByTestId('settle-confirm').click()
    await row.getByTestId('row-settled').waitFor({ timeout: 20_000 })
    await board.getByTestId('board-columns').getByText(title).waitFor({ timeout: 20_000 })
    expect(await board.evaluate<boolean>('window.__sameDocument === true')).toBe(true)
    await room.getByTestId('meeting-tasks').getByText(title).waitFor({ timeout: 20_000 })
    await screenshot(room, 'assignment-meeting-room')
    expect(errors).toEqual([])
    await ctxChair.close()
    await ctxHead.close()
  })

  it('on a phone: rows are cards with their problems on them, and settling a draft holds its tasks', async () => {
    const vanphong = await apiLogin(hub.base, 'vanphong')
    const directive = await importDirective(vanphong, 42, null)
    const { context, page } = await signedInPage(browser, hub.base, 'vanphong', 'phone')
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await openTable(page, directive.id)
    await page.getByRole('button', { name: 'Đề xuất từ văn bản' }).tap()
    await page.getByText(/Đã thêm \d+ dòng mới/).waitFor()
    await page.getByRole('button', { name: 'Thêm dòng' }).tap()
    const empty = page.getByTestId('assignment-row').last()
    const problem = empty.locator('[data-testid="row-problem"][data-code="noLead"]')
    await problem.scrollIntoViewIfNeeded()
    expect(await problem.isVisible()).toBe(true)
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true)
    await viewShot(page, 'assignment-row-problems-phone')
    await screenshot(page, 'assignment-table-phone')

    const settle = page.getByTestId('settle')
    await settle.scrollIntoViewIfNeeded()
    await settle.tap()
    const dialog = page.getByTestId('settle-dialog')
    await dialog.getByText('Giao việc sẽ được gửi khi văn bản được ban hành', { exact: false }).waitFor()
    await dialog.getByText('1 dòng còn lỗi sẽ được bỏ qua.').waitFor()
    await viewShot(page, 'assignment-settle-phone')
    await dialog.getByTestId('settle-confirm').tap()
    await page.getByTestId('row-held').first().waitFor({ timeout: 20_000 })
    // Held rows made no task yet: the district sees nothing of the draft.
    const head = await apiLogin(hub.base, 'tayho')
    const seen = await head.get<{ tasks: unknown[] }>(`/tasks?directiveId=${directive.id}&limit=200`)
    expect(seen.tasks.length).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
