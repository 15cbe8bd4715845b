// The English UI in Chromium on a real hub says things in English only: a missing task's error (with the way
// home, not "try again") and notifications rendered from their kind and data.

import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { loginViaApi, newContext, screenshot, useHubAndBrowser } from '../helpers/browser'

/** Vietnamese letters outside ASCII: an English sentence has none. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i

describe('the English UI speaks English', () => {
  const { hub, browser } = useHubAndBrowser()

  async function englishPage() {
    const context = await newContext(browser, hub.base)
    await context.addInitScript({ content: "localStorage.setItem('hub.lang', 'en')" })
    await loginViaApi(context, hub.base, 'tayho')
    return { context, page: await context.newPage() }
  }

  it('a task that does not exist: one language, and the way home instead of "try again"', async () => {
    const { context, page } = await englishPage()
    await page.goto('/tasks/00000000-0000-4000-8000-000000000000')
    const alert = page.getByRole('alert').filter({ hasText: /not found/i })
    await alert.first().waitFor({ timeout: 15_000 })
    const said = await alert.first().innerText()
    expect(said).not.toMatch(VIETNAMESE)
    expect(said).not.toContain(' / ')
    expect(await page.getByRole('button', { name: /Try again|Thử lại/ }).count()).toBe(0)
    await page.getByRole('link', { name: 'Go to My work' }).waitFor()
    await screenshot(page, 'en-task-not-found')
    await context.close()
  })

  it('notifications are said in English, from their kind and data', async () => {
    const secretary = await apiLogin(hub.base, 'bithu')
    const head = await apiLogin(hub.base, 'tayho')
    const title = `Rà soát điểm tiêm lưu động ${Date.now()}`
    await secretary.post('/tasks', { title, leadUnitId: head.user.unitId })
    await expect
      .poll(
        async () =>
          (
            await head.get<{ notifications: { kind: string; data: { title?: string } | null }[] }>('/notifications')
          ).notifications.some((n) => n.kind === 'task.assigned' && n.data?.title === title),
        { timeout: 15_000 },
      )
      .toBe(true)
    const { context, page } = await englishPage()
    await page.goto('/notifications')
    await page.getByText(`New task: ${title}`).first().waitFor({ timeout: 15_000 })
    expect(await page.getByText(`Nhiệm vụ mới: ${title}`).count()).toBe(0)
    await screenshot(page, 'en-notifications')
    await context.close()
  })
})
