// Two people drafting one directive in two Chromium contexts on a real hub: each sees the other's text and
// named caret, edits made offline survive a closed tab and merge on reconnect, and comparing two versions
// marks only the words added.

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

async function openDraft(page: Page, id: string) {
  await page.goto(`/directives/${id}`)
  await page.getByTestId('collab-editor').waitFor()
  // Synced with the collab server before anyone types: text typed now is shared.
  await page.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
}

async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByTestId('collab-editor')
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(text, { delay: 15 })
}

describe('two people drafting one directive', () => {
  const { hub, browser } = useHubAndBrowser()

  /** A new draft of the office's, open in the office's browser (a) and in the secretary's (b). */
  async function draftOpenByTwo(kind: string, title: string) {
    const office = await apiLogin(hub.base, 'vanphong')
    const { directive } = await office.post<{ directive: { id: string } }>('/directives', { kind, title })
    const { context: ctxA, page: a } = await signedInPage(browser, hub.base, 'vanphong')
    const { context: ctxB, page: b } = await signedInPage(browser, hub.base, 'bithu')
    await openDraft(a, directive.id)
    await openDraft(b, directive.id)
    return { office, directive, ctxA, a, ctxB, b }
  }

  it('each sees the other’s text and caret with the name', async () => {
    const secretary = await apiLogin(hub.base, 'bithu')
    const { office, ctxA, a, ctxB, b } = await draftOpenByTwo(
      'CT',
      'về tăng cường kiểm soát người ra vào khu phong tỏa (thử soạn chung)',
    )

    const fromOffice = 'Văn phòng Thành ủy đề xuất: các chốt kiểm soát hoạt động 24/24 giờ.'
    const fromSecretary = 'Ý kiến Bí thư: người đứng đầu chịu trách nhiệm trực tiếp.'
    await typeAtEnd(a, fromOffice)
    await typeAtEnd(b, fromSecretary)

    const textOf = (p: Page) => p.getByTestId('collab-editor').textContent()
    await expect.poll(() => textOf(a), { timeout: 20_000 }).toContain(fromSecretary)
    await expect.poll(() => textOf(b), { timeout: 20_000 }).toContain(fromOffice)
    await expect.poll(() => textOf(a), { timeout: 5_000 }).toContain(fromOffice)

    // Carets of the other person, labelled with the name.
    await a.locator('.collaboration-carets__label', { hasText: secretary.user.fullName }).waitFor({ timeout: 15_000 })
    await b.locator('.collaboration-carets__label', { hasText: office.user.fullName }).waitFor({ timeout: 15_000 })
    // And both appear among "who is here".
    await a.locator(`[data-testid="collab-peers"] [data-peer-name="${secretary.user.fullName}"]`).waitFor()
    await b.locator(`[data-testid="collab-peers"] [data-peer-name="${office.user.fullName}"]`).waitFor()

    await screenshot(a, 'collab-office-view')
    await screenshot(b, 'collab-secretary-view')
    await ctxA.close()
    await ctxB.close()
  })

  it('keeps edits made offline in the browser and merges them on reconnect', async () => {
    const { directive, ctxA, a, ctxB, b } = await draftOpenByTwo(
      'KH',
      'triển khai phiếu đi chợ thống nhất (thử mất mạng)',
    )

    await ctxA.setOffline(true)
    await a.locator('[data-testid="collab-status"][data-status="offline"]').waitFor({ timeout: 10_000 })
    const offlineText = 'Bổ sung khi mất mạng: mẫu phiếu in sẵn tại tổ dân phố.'
    await typeAtEnd(a, offlineText)
    await a.getByTestId('collab-status').filter({ hasText: 'thay đổi được giữ trên máy' }).waitFor()
    await screenshot(a, 'collab-offline')
    await b.waitForTimeout(1000)
    expect(await b.getByTestId('collab-editor').textContent()).not.toContain(offlineText)

    // The tab is closed while offline: the edit now lives only in the browser (IndexedDB).
    await a.close()
    await ctxA.setOffline(false)
    const again = await ctxA.newPage()
    await openDraft(again, directive.id)
    await expect.poll(() => b.getByTestId('collab-editor').textContent(), { timeout: 20_000 }).toContain(offlineText)
    await ctxA.close()
    await ctxB.close()
  })

  it('compares two versions word by word: a few words added to a long paragraph are all that is marked', async () => {
    const office = await apiLogin(hub.base, 'vanphong')
    const { directive } = await office.post<{ directive: { id: string } }>('/directives', {
      kind: 'CT',
      title: 'về so sánh phiên bản (thử)',
    })
    const { context: ctx, page } = await signedInPage(browser, hub.base, 'vanphong')
    await openDraft(page, directive.id)
    const paragraph =
      'Các quận ủy, huyện ủy, thị ủy chỉ đạo các xã, phường, thị trấn rà soát toàn bộ người về từ vùng dịch, lập danh sách theo từng tổ dân phố'
    await typeAtEnd(page, paragraph)
    const save = async (label: string) => {
      await page.getByRole('tab', { name: 'Phiên bản' }).click()
      await page.getByLabel('Tên phiên bản').fill(label)
      await page.getByRole('button', { name: 'Lưu phiên bản' }).click()
      await page.getByText(label, { exact: true }).waitFor()
      await page.getByRole('tab', { name: 'Nội dung' }).click()
    }
    await save('Bản một')
    // Forty characters more at the end of the same paragraph.
    const added = ' và báo cáo Thường trực Thành ủy hằng ngày'
    await page.getByTestId('collab-editor').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(added, { delay: 10 })
    await save('Bản hai')
    await page.getByRole('tab', { name: 'Phiên bản' }).click()
    const pick = async (label: string, option: string) => {
      await page.getByRole('textbox', { name: label }).click()
      await page.getByRole('option', { name: new RegExp(option) }).click()
    }
    await pick('Từ phiên bản', 'Bản một')
    await pick('Đến phiên bản', 'Bản hai')
    const words = page.getByTestId('diff-words')
    await words.waitFor()
    expect(await words.locator('ins').allTextContents()).toEqual([added])
    expect(await words.locator('del').count()).toBe(0)
    // The paragraph is not shown struck out and added again.
    expect(await page.locator('del', { hasText: 'rà soát toàn bộ' }).count()).toBe(0)
    await screenshot(page, 'version-diff-words')
    await ctx.close()
  })
})
