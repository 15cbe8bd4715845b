// Logging in through the form in Chromium on a real hub: a visitor is sent to the login page, the head of Tây
// Hồ lands on "Việc của tôi" (names with diacritics, dd/mm/yyyy deadlines), switches to English and back,
// logs out; a wrong password is said plainly.

import { describe, expect, it } from 'vitest'
import { newContext, submitLoginForm, useHubAndBrowser } from '../helpers/browser'

describe('login', () => {
  const { hub, browser } = useHubAndBrowser()

  it('sends a visitor to the login page and brings the head of Tây Hồ to "my work"', async () => {
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    await page.goto('/')
    await page.waitForURL(/\/login/)
    expect(await page.getAttribute('html', 'lang')).toBe('vi')

    await submitLoginForm(page, 'tayho')

    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    // The user's name and unit, Vietnamese diacritics intact.
    await page.getByText('Phạm Minh Tuấn').first().waitFor()
    await page
      .getByText(/Quận Tây Hồ/)
      .first()
      .waitFor()
    // Groups by deadline, each with tasks shown as cards with dd/mm/yyyy deadlines.
    await page.getByTestId('group-overdue').waitFor()
    await page.getByTestId('group-week').waitFor()
    await page.getByTestId('group-later').waitFor()
    await page.getByTestId('task-card').first().waitFor()
    const dueTexts = await page.getByTestId('task-card').allInnerTexts()
    expect(dueTexts.some((t) => /Hạn \d{2}\/\d{2}\/\d{4}/.test(t))).toBe(true)

    // English on request, Vietnamese again after; then log out.
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.getByRole('button', { name: 'Language' }).click()
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click()
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await page.getByRole('button', { name: 'Tài khoản' }).click()
    await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click()
    await page.waitForURL(/\/login/)
    await page.goto('/board')
    await page.waitForURL(/\/login/)
    await context.close()
  })

  it('says plainly when the password is wrong', async () => {
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    await page.goto('/login')
    await submitLoginForm(page, 'tayho', 'not-the-password')
    await page.getByRole('alert').filter({ hasText: 'Email hoặc mật khẩu không đúng' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })
})
