// The task page for each role in Chromium on a real hub (desktop and phone): a concurrent change is shown and
// the form's own change re-applied on top, a supporting unit reports without the status form, "Giao nhiệm vụ"
// offered only to those who may assign, and a handed-down task's progress comes from its wards.

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin, type Task } from '../helpers/api'
import { loginViaApi, newContext, newPhoneContext, screenshot, useHubAndBrowser } from '../helpers/browser'

const devices = [
  ['desktop', (b: Browser, base: string) => newContext(b, base)],
  ['phone', (b: Browser, base: string) => newPhoneContext(b, base)],
] as const

describe('the task page for each role, and edits made at the same time', () => {
  const { hub, browser } = useHubAndBrowser()
  let head: ApiSession
  let secretary: ApiSession
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    head = await apiLogin(hub.base, 'tayho')
    secretary = await apiLogin(hub.base, 'bithu')
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
  })

  /** A fresh task led by Tây Hồ, so each test starts from a known state. */
  async function tayhoTask(title: string): Promise<Task> {
    return (await secretary.post<{ task: Task }>('/tasks', { title, leadUnitId: head.user.unitId, progress: 20 })).task
  }

  for (const [device, open] of devices) {
    it(`keeps the version the form was opened with: a concurrent change is shown, then re-applied (${device})`, async () => {
      const task = await tayhoTask(`Rà soát hộ cần hỗ trợ, sửa đồng thời (${device} ${Date.now()})`)
      const context = await open(browser, hub.base)
      contexts.push(context)
      await loginViaApi(context, hub.base, 'tayho')
      const page = await context.newPage()
      await page.goto(`/tasks/${task.id}`)
      await page.getByTestId('progress-form').waitFor()
      await page.locator('[data-live-state="connected"]').first().waitFor({ timeout: 20_000 })

      // He picks 50% ...
      await page.getByTestId('progress-50').click()
      expect(await page.getByTestId('progress-value').textContent()).toBe('50%')

      // ... while the secretary pauses the task at 75%; the live update reaches his page.
      const other = (
        await secretary.patch<{ task: Task }>(`/tasks/${task.id}`, {
          version: task.version,
          status: 'paused',
          progress: 75,
        })
      ).task
      await page.getByText('Tạm dừng').first().waitFor({ timeout: 15_000 })
      // His form still shows his change and the version he opened.
      expect(await page.getByTestId('progress-value').textContent()).toBe('50%')
      expect(await page.getByTestId('progress-form').getAttribute('data-version')).toBe(String(task.version))

      // Sending is refused: what changed is shown, and nothing was overwritten.
      await page.getByTestId('send-update').click()
      const alert = page.getByTestId('task-conflict')
      await alert.waitFor({ timeout: 10_000 })
      const said = await alert.innerText()
      expect(said).toContain('75%')
      expect(said).toContain('Tạm dừng')
      expect(said).toContain('50%')
      await screenshot(page, `task-conflict-${device}`)
      const kept = (await head.get<{ task: Task }>(`/tasks/${task.id}`)).task
      expect({ progress: kept.progress, status: kept.status, version: kept.version }).toEqual({
        progress: 75,
        status: 'paused',
        version: other.version,
      })

      // He re-applies his change on top of the other one.
      await page.getByTestId('conflict-reapply').click()
      await expect
        .poll(async () => (await head.get<{ task: Task }>(`/tasks/${task.id}`)).task.progress, { timeout: 10_000 })
        .toBe(50)
      await alert.waitFor({ state: 'detached' })
    })

    it(`a supporting unit reports its part and is not offered the status form (${device})`, async () => {
      const hoanKiem = (
        await secretary.get<{ units: { id: string; name: string }[] }>('/units?kind=district')
      ).units.find((u) => u.name.includes('Hoàn Kiếm'))!
      const task = (
        await secretary.post<{ task: Task }>('/tasks', {
          title: `Phối hợp kiểm tra chợ đầu mối (${device} ${Date.now()})`,
          leadUnitId: hoanKiem.id,
          supportUnitIds: [head.user.unitId],
        })
      ).task
      const context = await open(browser, hub.base)
      contexts.push(context)
      await loginViaApi(context, hub.base, 'tayho')
      const page = await context.newPage()
      await page.goto(`/tasks/${task.id}`)
      const form = page.getByTestId('support-report-form')
      await form.waitFor()
      expect(await page.getByTestId('progress-form').count()).toBe(0)
      expect(await page.getByLabel('Trạng thái').count()).toBe(0)
      await form.getByLabel(/Kết quả thực hiện/).fill('Quận Tây Hồ đã cử 12 cán bộ phối hợp trực chốt.')
      await screenshot(page, `task-support-report-${device}`)
      await page.getByTestId('send-support-report').click()
      await page.getByText('Đã gửi báo cáo phần việc của đơn vị').first().waitFor({ timeout: 10_000 })
      expect(await page.getByText('Bạn chỉ có quyền xem nhiệm vụ này').count()).toBe(0)
      const after = (await secretary.get<{ task: Task }>(`/tasks/${task.id}`)).task
      expect({ status: after.status, progress: after.progress }).toEqual({
        status: task.status,
        progress: task.progress,
      })
      const { reports } = await secretary.get<{ reports: { narrative: string; submittedByName: string | null }[] }>(
        `/tasks/${task.id}/reports`,
      )
      expect(reports.map((r) => r.narrative)).toContain('Quận Tây Hồ đã cử 12 cán bộ phối hợp trực chốt.')
    })

    it(`the inspector is not offered "Giao nhiệm vụ", the district head is (${device})`, async () => {
      for (const [who, offered] of [
        ['kiemtra', 0],
        ['tayho', 1],
      ] as const) {
        const context = await open(browser, hub.base)
        contexts.push(context)
        await loginViaApi(context, hub.base, who)
        const page = await context.newPage()
        await page.goto('/board')
        await page.getByTestId('board-count').waitFor()
        // The unit directory is loaded once the board counts its tasks; the button depends on it.
        await expect.poll(() => page.getByTestId('new-task').count(), { timeout: 10_000 }).toBe(offered)
        if (who === 'kiemtra') await screenshot(page, `board-inspector-${device}`)
      }
    })
  }

  it('the lead of a task handed down to wards reports on it, but its status and progress come from the wards', async () => {
    const { tasks } = await head.get<{ tasks: Task[] }>(`/tasks?unitId=${head.user.unitId}&limit=200`)
    let parent: Task | undefined
    for (const t of tasks.filter((x) => x.leadUnitId === head.user.unitId)) {
      const view = await head.get<{ total: number }>(`/tasks/${t.id}/cascade`)
      if (view.total > 0) {
        parent = t
        break
      }
    }
    expect(parent, 'Tây Hồ’s copy handed down to its wards').toBeDefined()
    const context = await newPhoneContext(browser, hub.base)
    contexts.push(context)
    await loginViaApi(context, hub.base, 'tayho')
    const page = await context.newPage()
    await page.goto(`/tasks/${parent!.id}`)
    await page.getByTestId('progress-derived').waitFor()
    expect(await page.getByTestId('progress-50').isVisible()).toBe(false)
    expect(await page.getByTestId('progress-value').textContent()).toBe(`${parent!.progress}%`)
    await screenshot(page, 'task-parent-derived-phone')
  })
})
