// Typed deadlines in the assign form in Chromium on a real hub (desktop and phone): every way of writing a
// day is kept, a day that does not exist is said beside the field and nothing is sent, and the calendar never
// covers the button.

import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin } from '../helpers/api'
import { loginViaApi, newContext, newPhoneContext, screenshot, useHubAndBrowser } from '../helpers/browser'

interface Task {
  id: string
  title: string
  dueAt: string | null
}

/** Opens "Giao nhiệm vụ" on the board and returns the form. */
async function openAssignForm(page: Page) {
  await page.goto('/board')
  await page.getByTestId('new-task').click()
  const form = page.getByTestId('assign-task-form')
  await form.waitFor()
  return form
}

/** Types a task with a typed deadline into the assign form and sends it with a real click. */
async function assign(page: Page, title: string, typedDate: string) {
  const form = await openAssignForm(page)
  await form.getByLabel(/Nội dung nhiệm vụ/).fill(title)
  const due = form.getByLabel(/Hạn hoàn thành/)
  await due.click()
  await due.pressSequentially(typedDate)
  // A real click: it fails if the calendar (or anything) covers the button.
  await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click({ timeout: 5_000 })
  try {
    await form.waitFor({ state: 'detached', timeout: 15_000 })
  } catch (e) {
    await screenshot(page, 'typed-date-stuck')
    const said = await form.innerText()
    throw new Error(`the form stayed open after typing ${typedDate}: ${said}`, { cause: e })
  }
}

async function taskTitled(api: ApiSession, title: string): Promise<Task | undefined> {
  const { tasks } = await api.get<{ tasks: Task[] }>(
    `/tasks?unitId=${api.user.unitId}&q=${encodeURIComponent(title)}&limit=50`,
  )
  return tasks.find((t) => t.title === title)
}

describe('typed dates in the assign form', () => {
  const { hub, browser } = useHubAndBrowser()
  let api: ApiSession

  beforeAll(async () => {
    api = await apiLogin(hub.base, 'tayho')
  })

  for (const [device, open] of [
    ['desktop', (b: Browser, base: string) => newContext(b, base)],
    ['phone', (b: Browser, base: string) => newPhoneContext(b, base)],
  ] as const) {
    it(`keeps every way of writing 5 December 2026 as the deadline (${device})`, async () => {
      const context = await open(browser, hub.base)
      await loginViaApi(context, hub.base, 'tayho')
      const page = await context.newPage()
      const ways = device === 'desktop' ? ['05/12/2026', '5/12/26', '05.12.2026'] : ['05-12-2026', '5/12/2026']
      for (const typed of ways) {
        const title = `Kiểm tra hạn gõ tay ${typed} ${device} ${Date.now()}`
        await assign(page, title, typed)
        await expect.poll(async () => (await taskTitled(api, title))?.dueAt, { timeout: 10_000 }).toBe('2026-12-05')
      }
      await context.close()
    })

    it(`shows a day that does not exist beside the field and sends nothing (${device})`, async () => {
      const context = await open(browser, hub.base)
      await loginViaApi(context, hub.base, 'tayho')
      const page = await context.newPage()
      const form = await openAssignForm(page)
      const title = `Ngày không tồn tại ${device} ${Date.now()}`
      await form.getByLabel(/Nội dung nhiệm vụ/).fill(title)
      const due = form.getByLabel(/Hạn hoàn thành/)
      await due.click()
      await due.pressSequentially('31/02/2026')
      await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click({ timeout: 5_000 })
      await form.getByText('Ngày không hợp lệ', { exact: false }).waitFor({ timeout: 5_000 })
      // The typed text stays as typed, and the form is still open: nothing was sent.
      expect(await due.inputValue()).toBe('31/02/2026')
      expect(await form.isVisible()).toBe(true)
      await screenshot(page, `typed-date-invalid-${device}`)
      expect(await taskTitled(api, title)).toBeUndefined()

      // Corrected, it goes through with the deadline.
      await due.fill('28/2/2026')
      await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click({ timeout: 5_000 })
      await form.waitFor({ state: 'detached', timeout: 15_000 })
      await expect.poll(async () => (await taskTitled(api, title))?.dueAt, { timeout: 10_000 }).toBe('2026-02-28')
      await context.close()
    })

    it(`the calendar opened by a click closes when typing, so the button is reachable (${device})`, async () => {
      const context = await open(browser, hub.base)
      await loginViaApi(context, hub.base, 'tayho')
      const page = await context.newPage()
      const form = await openAssignForm(page)
      const due = form.getByLabel(/Hạn hoàn thành/)
      await due.click()
      await page.getByTestId('date-calendar').waitFor()
      await screenshot(page, `typed-date-calendar-${device}`)
      await due.pressSequentially('15/09/2026')
      await page.getByTestId('date-calendar').waitFor({ state: 'hidden' })
      expect(await due.inputValue()).toBe('15/09/2026')
      const button = form.getByRole('button', { name: 'Giao nhiệm vụ' })
      await button.scrollIntoViewIfNeeded()
      const box = (await button.boundingBox())!
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      const hit = await page.evaluate<string | null>(
        `document.elementFromPoint(${x}, ${y})?.closest('button')?.textContent ?? null`,
      )
      expect(hit).toContain('Giao nhiệm vụ')
      await context.close()
    })
  }
})
