// Handing a district task down to its wards in Chromium on a real hub: the cascade dialog, a ward's progress
// rolling up live on the district's page without a reload, the phone layout, and the board's per-unit chart.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin, type Task } from '../helpers/api'
import { SCREENSHOTS, screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

interface Unit {
  id: string
  name: string
  parentId: string | null
}
interface Cascade {
  parent: Task
  children: Task[]
  summary: Record<'on_time' | 'late' | 'open' | 'overdue', number>
}

/** Tây Hồ's copy of a city task, not yet handed down: one from the seed, or a new pair made by the secretary. */
async function districtCopy(tayho: ApiSession, bithu: ApiSession, district: string): Promise<Task> {
  const { tasks } = await tayho.get<{ tasks: Task[] }>(`/tasks?unitId=${district}&limit=300`)
  for (const t of tasks.filter((x) => x.leadUnitId === district && x.parentTaskId && x.status !== 'done')) {
    const view = await tayho.get<Cascade>(`/tasks/${t.id}/cascade`)
    if (view.children.length === 0) return t
  }
  const { units } = await bithu.get<{ units: Unit[] }>('/units')
  const city = units.find((u) => !u.parentId)!
  const parent = (await bithu.post<{ task: Task }>('/tasks', { title: 'Kiểm tra chốt kiểm soát', leadUnitId: city.id }))
    .task
  return (
    await bithu.post<{ task: Task }>('/tasks', {
      title: parent.title,
      leadUnitId: district,
      parentTaskId: parent.id,
    })
  ).task
}

describe('cascading a district task to its wards', () => {
  const { hub, browser } = useHubAndBrowser()

  it('the head of Tây Hồ hands his copy to three wards and sees a ward’s progress roll up live', async () => {
    const tayho = await apiLogin(hub.base, 'tayho')
    const bithu = await apiLogin(hub.base, 'bithu')
    const quangan = await apiLogin(hub.base, 'quangan')
    const district = tayho.user.unitId!
    const task = await districtCopy(tayho, bithu, district)
    const { units: wards } = await tayho.get<{ units: Unit[] }>(`/units?parentId=${district}`)
    const quanganWard = wards.find((w) => w.id === quangan.user.unitId)
    expect(quanganWard, 'Quảng An is a ward of Tây Hồ').toBeDefined()
    const chosen = [quanganWard!, ...wards.filter((w) => w.id !== quanganWard!.id).slice(0, 2)]

    const { context, page } = await signedInPage(browser, hub.base, 'tayho')
    await page.goto(`/tasks/${task.id}`)
    await page.getByTestId('cascade-panel').waitFor()

    // Hand it down through the dialog: three wards, the task's own due date.
    await page.getByRole('button', { name: 'Giao tiếp cho đơn vị trực thuộc' }).click()
    const dialog = page.getByRole('dialog')
    for (const w of chosen) await dialog.getByRole('checkbox', { name: w.name, exact: true }).check()
    await dialog.getByRole('button', { name: 'Giao cho 3 đơn vị' }).click()
    await page.getByTestId('cascade-result').waitFor()
    expect(await page.getByTestId('cascade-result').textContent()).toContain('Đã giao cho 3 đơn vị')

    const rows = page.locator('[data-testid="cascade-children"] [data-child-unit]')
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3)
    for (const w of chosen) await expect(page.locator(`[data-child-unit="${w.id}"]`).count()).resolves.toBe(1)
    // The dialog now marks them as handed down and offers only the rest.
    await page.getByRole('button', { name: 'Giao tiếp cho đơn vị trực thuộc' }).click()
    for (const w of chosen) {
      await expect(dialog.locator(`[data-already="${w.id}"]`).count()).resolves.toBe(1)
      await expect(dialog.getByRole('checkbox', { name: w.name, exact: true }).count()).resolves.toBe(0)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    const count = async (state: string) => Number(await page.getByTestId(`count-${state}`).getAttribute('data-count'))
    const progress = async () => Number(await page.getByTestId('cascade-progress').getAttribute('data-progress'))
    const finishedBefore = (await count('on_time')) + (await count('late'))
    const progressBefore = await progress()
    expect(finishedBefore).toBe(0)
    await screenshot(page, 'task-cascade')

    // The ward's head finishes his copy through the API; the district's page follows without a reload.
    await page.evaluate('window.__noReload = true')
    const view = await tayho.get<Cascade>(`/tasks/${task.id}/cascade`)
    const child = view.children.find((c) => c.leadUnitId === quanganWard!.id)!
    await quangan.patch(`/tasks/${child.id}`, { version: child.version, progress: 100 })

    await expect.poll(progress, { timeout: 10_000 }).toBeGreaterThan(progressBefore)
    await expect.poll(async () => (await count('on_time')) + (await count('late')), { timeout: 10_000 }).toBe(1)
    const server = await tayho.get<Cascade>(`/tasks/${task.id}/cascade`)
    expect(await progress()).toBe(server.parent.progress)
    for (const s of ['on_time', 'late', 'open', 'overdue'] as const) expect(await count(s)).toBe(server.summary[s])
    expect(await page.evaluate('window.__noReload')).toBe(true)
    // The district's own progress form follows the roll-up too (nothing was typed there).
    expect(await page.getByTestId('progress-value').textContent()).toBe(`${server.parent.progress}%`)
    const row = page.locator(`[data-child-unit="${quanganWard!.id}"]`)
    expect(await row.textContent()).toContain('100%')
    await screenshot(page, 'task-cascade')
    await context.close()

    // The same view on a phone: cards instead of a table, no sideways scrolling.
    const { context: phone, page: phonePage } = await signedInPage(browser, hub.base, 'tayho', 'phone')
    await phonePage.goto(`/tasks/${task.id}`)
    await phonePage.locator('[data-testid="cascade-children"] [data-child-unit]').first().waitFor()
    expect(await phonePage.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(
      true,
    )
    await phonePage.getByTestId('cascade-panel').scrollIntoViewIfNeeded()
    await phonePage.getByTestId('cascade-panel').screenshot({ path: join(SCREENSHOTS, 'task-cascade-phone.png') })
    await phone.close()
  })

  it('the board by unit draws the four states per unit above the table', async () => {
    const { context, page } = await signedInPage(browser, hub.base, 'bithu')
    await page.goto('/board?view=unit')
    await page.getByTestId('unit-chart').locator('.recharts-bar-rectangle').first().waitFor()
    expect(await page.getByTestId('unit-table').isVisible()).toBe(true)
    expect(await page.locator('figure figcaption').first().textContent()).toMatch(/Biểu đồ \d+ trên \d+ đơn vị/)
    await screenshot(page, 'board-by-unit-chart')
    await context.close()

    const { context: phone, page: phonePage } = await signedInPage(browser, hub.base, 'bithu', 'phone')
    await phonePage.goto('/board?view=unit')
    await phonePage.getByTestId('unit-chart').waitFor()
    expect(await phonePage.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(
      true,
    )
    await screenshot(phonePage, 'board-by-unit-chart-phone')
    await phone.close()
  })
})
