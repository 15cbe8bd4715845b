// A field official on a phone (Chromium, phone screen) updates a task's progress in three taps from "Việc của
// tôi", with no sideways scrolling; the real hub's API then shows the new progress and version.

import { describe, expect, it } from 'vitest'
import { apiLogin, type Task } from '../helpers/api'
import { login, newPhoneContext, screenshot, useHubAndBrowser } from '../helpers/browser'

describe('a ward official on a phone', () => {
  const { hub, browser } = useHubAndBrowser()

  it('updates a task’s progress in three taps from "my work", and the API shows it', async () => {
    const api = await apiLogin(hub.base, 'tayho')
    const unitId = api.user.unitId!
    const { tasks } = await api.get<{ tasks: Task[] }>(`/tasks?unitId=${unitId}&limit=100`)
    const task = tasks.find((t) => t.leadUnitId === unitId && t.status !== 'done')
    expect(task, 'a task led by Tây Hồ that is not done').toBeDefined()
    const target = [25, 50, 75, 100].find((v) => v !== task!.progress && v !== 100)!

    const context = await newPhoneContext(browser, hub.base)
    const page = await context.newPage()
    await login(page, 'tayho')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    // No sideways scrolling on a phone.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true)

    // Tap 1: the task.
    await page.locator(`[data-testid="task-card"][data-task-id="${task!.id}"]`).first().tap()
    await page.waitForURL(new RegExp(`/tasks/${task!.id}$`))
    await page.getByTestId('progress-form').waitFor()
    // Tap 2: the new progress.
    await page.getByTestId(`progress-${target}`).tap()
    expect(await page.getByTestId('progress-value').textContent()).toBe(`${target}%`)
    await screenshot(page, 'phone-task-update')
    // Tap 3: send.
    await page.getByTestId('send-update').tap()
    await page
      .getByText(/Đã gửi cập nhật tiến độ|Đã cập nhật tiến độ/)
      .first()
      .waitFor()

    await expect
      .poll(async () => (await api.get<{ task: Task }>(`/tasks/${task!.id}`)).task.progress, { timeout: 10_000 })
      .toBe(target)
    const after = (await api.get<{ task: Task }>(`/tasks/${task!.id}`)).task
    expect(after.version).toBeGreaterThan(task!.version)
    await context.close()
  })
})
