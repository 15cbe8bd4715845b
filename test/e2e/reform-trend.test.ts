// Chromium test of the measure across Hà Nội's 2025 reform (issue 17) on the city through the reform:
// phường Tây Hồ's score over the months around 01/07/2025 is drawn with the seam marked, and the
// months before it are measured on its predecessors, said so beside the chart.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { launchBrowser, loginViaApi, newContext, screenshot } from '../helpers/browser'
import { type Hub, startHub } from '../helpers/hub'

describe('the measure across the reform', () => {
  let hub: Hub
  let browser: Browser

  beforeAll(async () => {
    hub = await startHub({ env: { HUB_DEMO_TREE: 'today' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await hub?.stop()
  })

  it('shows phường Tây Hồ’s months around the reform, the seam drawn and the earlier months marked', async () => {
    const api = await apiLogin(hub.base, 'bithu@demo.local')
    const { units } = await api.get<{ units: { id: string; name: string }[] }>('/units?validOn=&kind=commune')
    const tayHo = units.find((u) => u.name === 'Phường Tây Hồ')!
    const context = await newContext(browser, hub.base)
    await loginViaApi(context, hub.base, 'bithu')
    const page = await context.newPage()
    await page.goto(`/accountability/${tayHo.id}`)
    await page.getByRole('heading', { level: 1, name: 'Phường Tây Hồ' }).waitFor()
    const caption = page.getByTestId('trend-caption')
    // The last eight weeks are all after the reform: nothing is marked.
    await expect.poll(async () => ((await caption.textContent()) ?? '').split(';').length).toBe(8)
    expect(await caption.textContent()).not.toContain('trước sắp xếp')

    await page.getByText('Qua sắp xếp', { exact: true }).click()
    await expect.poll(() => caption.textContent()).toContain('07/2025')
    const [series, note] = ((await caption.textContent()) ?? '').split('. ')
    const months = series!.split('; ')
    expect(months).toHaveLength(8)
    // March to June 2025 were measured on the predecessors, July on the new ward.
    for (const m of months.slice(0, 4)) expect(m).toMatch(/^0[3-6]\/2025: .* \(trước sắp xếp\)$/)
    for (const m of months.slice(4)) expect(m).not.toContain('trước sắp xếp')
    expect(note).toMatch(/^Trước 01\/07\/2025: tính trên các đơn vị tiền thân .*Phường Bưởi/)
    expect(note).toContain('Quận Tây Hồ (một phần)')
    await page.locator('svg text', { hasText: 'Sắp xếp đơn vị hành chính 01/07/2025' }).waitFor()
    await screenshot(page, 'measure-across-reform')
  })
})
