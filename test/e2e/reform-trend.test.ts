// A ward's measure trend across Hà Nội's 2025 reform, in Chromium on a real hub with today's unit tree: the
// months before the reform, measured on its predecessors, are marked and the seam is drawn.

import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

describe('the measure across the reform', () => {
  const { hub, browser } = useHubAndBrowser({ env: { HUB_DEMO_TREE: 'today' } })

  it('shows phường Tây Hồ’s months around the reform, the seam drawn and the earlier months marked', async () => {
    const api = await apiLogin(hub.base, 'bithu@demo.local')
    const { units } = await api.get<{ units: { id: string; name: string }[] }>('/units?validOn=&kind=commune')
    const tayHo = units.find((u) => u.name === 'Phường Tây Hồ')!
    const { page } = await signedInPage(browser, hub.base, 'bithu')
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
