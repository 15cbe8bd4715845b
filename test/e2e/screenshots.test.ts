// Screenshots of the main screens (test/artifacts/screenshots), each screen checked to show what it
// is for, with no error in the page.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { login, newContext, newPhoneContext, SCREENSHOTS, screenshot, useHubAndBrowser } from '../helpers/browser'

/** Waits until nothing says "loading" any more, then a little for fonts and transitions. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page
    .waitForFunction('!document.querySelector(".mantine-Loader-root")', undefined, { timeout: 15_000 })
    .catch(() => {})
  await page.waitForTimeout(400)
}

/** Errors thrown in the page, gathered for the end of a test. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return errors
}

/** The screenshot was written, and is an image of some size, not an empty file. */
const written = (name: string) => expect(statSync(join(SCREENSHOTS, `${name}.png`)).size).toBeGreaterThan(5000)

describe('screenshots of the main screens', () => {
  const { hub, browser } = useHubAndBrowser()

  it('login, my work, board, task, unit (as the head of Tây Hồ)', async () => {
    const api = await apiLogin(hub.base, 'tayho')
    // The secretary assigns two tasks to Tây Hồ first, so the head has fresh work and notifications.
    const secretary = await apiLogin(hub.base, 'bithu')
    for (const [title, days] of [
      ['Báo cáo nhanh tình hình kiểm soát người ra vào địa bàn', 1],
      ['Kiểm tra việc phát phiếu đi chợ tại các phường', 4],
    ] as const) {
      const due = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
      await secretary.post('/tasks', { title, leadUnitId: api.user.unitId, accountableUserId: api.user.id, dueAt: due })
    }
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    const errors = pageErrors(page)

    await page.goto('/login')
    await settle(page)
    await screenshot(page, '01-login')

    await login(page, 'tayho')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await settle(page)
    await screenshot(page, '02-my-work')

    await page.goto('/board')
    await page.getByTestId('board-columns').waitFor()
    await settle(page)
    await screenshot(page, '03-board-by-status')

    await page.goto('/board?view=unit')
    await page.getByTestId('unit-table').waitFor()
    await settle(page)
    await screenshot(page, '04-board-by-unit')

    const { tasks } = await api.get<{ tasks: { id: string; leadUnitId: string; status: string }[] }>(
      `/tasks?unitId=${api.user.unitId}&limit=50`,
    )
    const task = tasks.find((t) => t.status !== 'done') ?? tasks[0]!
    await page.goto(`/tasks/${task.id}`)
    await page.getByTestId('progress-form').waitFor()
    await settle(page)
    await screenshot(page, '05-task-detail')

    await page.goto(`/units/${api.user.unitId}`)
    await page.getByTestId('unit-title').waitFor()
    await settle(page)
    await screenshot(page, '06-unit')
    // Hotlines dial on a phone.
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0)

    await page.goto('/notifications')
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor()
    await settle(page)
    await screenshot(page, '07-notifications')
    expect(errors).toEqual([])
    for (const n of ['01-login', '02-my-work', '03-board-by-status', '04-board-by-unit', '05-task-detail', '06-unit'])
      written(n)
    await context.close()
  })

  it('directive draft with its editor (as the Party office drafter)', async () => {
    const api = await apiLogin(hub.base, 'vanphong')
    const { directives } = await api.get<{ directives: { id: string; status: string }[] }>('/directives?limit=100')
    const draft = directives.find((d) => d.status === 'draft') ?? directives[0]!
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    const errors = pageErrors(page)
    await login(page, 'vanphong')
    await page.goto(`/directives/${draft.id}`)
    await page.getByTestId('directive-title').waitFor()
    await page.getByTestId('collab-editor').waitFor()
    // The draft's text has come from the server into the editor.
    await page.waitForFunction(
      `(document.querySelector('[data-testid="collab-editor"]')?.textContent ?? '').trim().length > 0`,
      undefined,
      { timeout: 15_000 },
    )
    await settle(page)
    await page.waitForTimeout(1500)
    await screenshot(page, '08-directive-editor')

    // Named versions of the draft: save one, see it listed.
    await page.getByRole('tab', { name: 'Phiên bản' }).click()
    const label = 'Bản trình Thường trực ngày 28/7'
    await page.getByLabel('Tên phiên bản').fill(label)
    await page.getByRole('button', { name: 'Lưu phiên bản' }).click()
    await page.getByTestId('document-versions').getByText(label).waitFor()
    await settle(page)
    await screenshot(page, '08b-directive-versions')

    await page.goto('/directives')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle(page)
    await screenshot(page, '09-directives')
    expect(errors).toEqual([])
    for (const n of ['08-directive-editor', '08b-directive-versions', '09-directives']) written(n)
    await context.close()
  })

  it('meeting room (as the secretary)', async () => {
    const api = await apiLogin(hub.base, 'bithu')
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    const errors = pageErrors(page)
    await login(page, 'bithu')
    const { meetings } = await api.get<{ meetings: { id: string; title: string }[] }>('/meetings')
    // The demo city has meetings; the room shows the first one by its title.
    expect(meetings.length).toBeGreaterThan(0)
    await page.goto(`/meetings/${meetings[0]!.id}`)
    await page.getByTestId('meeting-title').waitFor()
    expect((await page.getByTestId('meeting-title').textContent())?.trim()).toBe(meetings[0]!.title)
    await settle(page)
    await page.waitForTimeout(1000)
    await screenshot(page, '10-meeting-room')
    expect(errors).toEqual([])
    written('10-meeting-room')
    await context.close()
  })

  it('my work on a phone (390×844), with the menu folded into a burger', async () => {
    const context = await newPhoneContext(browser, hub.base)
    const page = await context.newPage()
    const errors = pageErrors(page)
    await login(page, 'tayho')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await settle(page)
    await screenshot(page, '11-phone-my-work')
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true)

    const burger = page.getByRole('button', { name: 'Mở menu điều hướng' })
    await burger.tap()
    await page.getByRole('link', { name: 'Bảng nhiệm vụ' }).waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${process.cwd()}/test/artifacts/screenshots/12-phone-menu.png` })
    await page.getByRole('link', { name: 'Bảng nhiệm vụ' }).tap()
    await page.getByRole('heading', { level: 1, name: 'Bảng nhiệm vụ' }).waitFor()
    await settle(page)
    await screenshot(page, '13-phone-board')
    expect(errors).toEqual([])
    for (const n of ['11-phone-my-work', '12-phone-menu', '13-phone-board']) written(n)
    await context.close()
  })
})
