// Chromium on a real hub: the web app works under its content security policy, with no violation while a user
// logs in, opens the board (charts), a directive with the live editor (collab websocket) and the meeting
// room; the administrator's page (hub numbers, unlocking an account) is his alone.

import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { login, newContext, screenshot, useHubAndBrowser } from '../helpers/browser'

describe('content security policy', () => {
  const { hub, browser } = useHubAndBrowser()

  it('sends the policy and the app runs under it with no violation', async () => {
    const res = await fetch(`${hub.base}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    // Plain HTTP: no HSTS (a browser ignores it there, and it would pin a test host).
    expect(res.headers.get('strict-transport-security')).toBeNull()

    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to load (CSP): ' + e.violatedDirective + ' ' + e.blockedURI))",
    })
    await login(page, 'vanphong')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.goto('/board')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const office = await apiLogin(hub.base, 'vanphong')
    const { directives } = await office.get<{ directives: { id: string; status: string }[] }>('/directives')
    const draft = directives.find((d) => d.status === 'draft')!
    await page.goto(`/directives/${draft.id}`)
    await page.locator('[data-testid="collab-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
    await page.getByTestId('collab-editor').click()
    await page.keyboard.type('Kiểm tra chính sách nội dung', { delay: 10 })
    await screenshot(page, 'csp-directive-editor')
    expect(violations).toEqual([])
  })

  it("shows the administrator the hub's numbers and lets him unlock an account; others see no such page", async () => {
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    await login(page, 'quantri')
    await page.getByRole('link', { name: 'Quản trị' }).click()
    await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor()
    await page.getByTestId('admin-throttle').waitFor()
    await page.getByLabel('Thư điện tử của tài khoản').fill('hoankiem@demo.local')
    await page.getByRole('button', { name: 'Mở khóa' }).click()
    await page.getByText('Đã mở khóa đăng nhập cho hoankiem@demo.local').waitFor()
    await screenshot(page, 'admin-page')
    await context.close()

    const other = await newContext(browser, hub.base)
    const secretary = await other.newPage()
    await login(secretary, 'bithu')
    await secretary.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await secretary.getByRole('link', { name: 'Quản trị' }).count()).toBe(0)
    await other.close()
  })
})
