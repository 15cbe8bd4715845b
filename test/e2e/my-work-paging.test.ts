// "Việc của tôi" for a head with many tasks, on a phone: the first screen comes from one page (30), the
// rest with "Xem thêm" and by scrolling to the end; the pages read stay readable without a connection.

import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin } from '../helpers/api'
import { login, newPhoneContext, screenshot, useHubAndBrowser } from '../helpers/browser'
import { readKept } from '../helpers/kept-cache'

const N = 80

describe('"Việc của tôi" a page at a time', () => {
  const { hub, browser } = useHubAndBrowser()
  let phone: BrowserContext
  let quangan: ApiSession
  const tag = `PG${Date.now().toString(36)}`
  const ids: string[] = []

  beforeAll(async () => {
    const tayho = await apiLogin(hub.base, 'tayho')
    quangan = await apiLogin(hub.base, 'quangan')
    // Due after everything the demo city holds, so these are the last of his open tasks.
    for (let i = 0; i < N; i++) {
      const { task } = await tayho.post<{ task: { id: string } }>('/tasks', {
        title: `Kiểm tra hộ ${String(i).padStart(2, '0')} ${tag}`,
        leadUnitId: quangan.user.unitId,
        accountableUserId: quangan.user.id,
        dueAt: `2033-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      })
      ids.push(task.id)
    }
  })
  afterAll(async () => {
    await phone?.close()
  })

  it('shows one page first, more with "Xem thêm" and scrolling, and the pages read offline', async () => {
    phone = await newPhoneContext(browser, hub.base)
    const page = await phone.newPage()
    const listCalls: URL[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.pathname === '/api/tasks') listCalls.push(url)
    })
    await login(page, 'quangan')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    // The worker controls the page from its second load (for the offline reload below).
    await page.evaluate('navigator.serviceWorker.ready')
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    const cards = page.locator('[data-testid="task-card"]').filter({ hasText: tag })
    const more = page.getByTestId('more-open')
    await more.waitFor()
    const first = await cards.count()
    expect(first).toBeLessThan(N)
    // Every open-task list was asked a page at a time, never all at once.
    const open = listCalls.filter((u) => u.searchParams.get('timeliness') === 'open')
    expect(open.length).toBeGreaterThan(0)
    for (const u of open) expect(u.searchParams.get('limit')).toBe('30')
    expect(await more.textContent()).toMatch(/^Xem thêm \(\d+ việc nữa\)$/)
    await screenshot(page, 'my-work-first-page')

    // The button pressed where it is, below the screen: a tap scrolls it into view first, which starts
    // the reading on scroll (checked next) and can load every page before the tap lands.
    await more.dispatchEvent('click')
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(first)
    // Scrolling to the end of the list reads the next pages on its own.
    await expect
      .poll(
        async () => {
          if (await more.isVisible()) await more.scrollIntoViewIfNeeded()
          return await cards.count()
        },
        { timeout: 30_000 },
      )
      .toBe(N)
    await more.waitFor({ state: 'detached' })
    const shown = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')))
    expect(new Set(shown)).toEqual(new Set(ids))

    // Without a connection the pages read are still there (from the cache kept in IndexedDB).
    // Every task read is kept inside the paged lists themselves (not only somewhere in the cache).
    const keptInPages = async () => {
      const kept = (await page.evaluate(readKept)) as string
      if (!kept) return 0
      const queries = JSON.parse(kept).clientState.queries as {
        state: { data?: { pages?: { tasks: { id: string }[] }[] } }
      }[]
      const inPages = new Set(
        queries.flatMap((q) => (q.state.data?.pages ?? []).flatMap((p) => p.tasks.map((t) => t.id))),
      )
      return ids.filter((id) => inPages.has(id)).length
    }
    await expect.poll(keptInPages, { timeout: 15_000 }).toBe(N)
    await phone.setOffline(true)
    await page.reload()
    await page.getByTestId('offline-banner').waitFor()
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(N)
    await screenshot(page, 'my-work-paged-offline')
    await phone.setOffline(false)
    await page.close()
  })
})
