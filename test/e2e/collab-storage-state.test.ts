// Chromium: the editor shows where the server keeps the edits. The collab server's storage-state
// message (type 100; the server side is proven in packages/collab/src/storage-state.test.ts with a
// failing database) is put on the real, proxied socket here, as the server sends it while the
// database fails and once it has written the edits.
import type { WebSocketRoute } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

const storageFrame = (state: object) => Buffer.concat([Buffer.from([100]), Buffer.from(JSON.stringify(state))])

describe('storage state beside the connection badge', () => {
  const { hub, browser } = useHubAndBrowser()

  it('says the edits are held in memory, how many, then saved', async () => {
    const office = await apiLogin(hub.base, 'vanphong')
    const { directive } = await office.post<{ directive: { id: string } }>('/directives', {
      kind: 'CT',
      title: 'về trạng thái lưu khi cơ sở dữ liệu gián đoạn (thử)',
    })
    const { context: ctx, page } = await signedInPage(browser, hub.base, 'vanphong')
    let socket: WebSocketRoute | null = null
    await page.routeWebSocket(/\/collab\//, (ws) => {
      ws.connectToServer()
      socket = ws
    })
    await page.goto(`/directives/${directive.id}`)
    await page.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
    const badge = page.getByTestId('collab-storage')
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Đã lưu')

    socket!.send(storageFrame({ state: 'pending', since: Date.now() - 60_000, held: 3 }))
    await expect
      .poll(() => badge.textContent(), { timeout: 10_000 })
      .toBe('Chưa lưu vào cơ sở dữ liệu — đang giữ 3 chỉnh sửa, sẽ lưu khi kết nối lại')
    expect(await badge.getAttribute('data-state')).toBe('pending')
    // the editor stays usable meanwhile
    await expect.poll(() => page.getByTestId('collab-editor').isVisible()).toBe(true)
    await screenshot(page, 'collab-storage-pending')

    socket!.send(storageFrame({ state: 'saved' }))
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Đã lưu')
    expect(await badge.getAttribute('data-state')).toBe('saved')
    await ctx.close()
  })
})
