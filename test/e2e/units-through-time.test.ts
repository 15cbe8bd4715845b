// The unit directory through time, in Chromium on a real hub with today's unit tree: the tree on a chosen
// day, who receives now for a 2021 directive's recipients, and the office handing an abolished ward's tasks
// to its successor and checking a reorganisation file.

import { describe, expect, it } from 'vitest'
import { screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

describe('units through time', () => {
  const { hub, browser } = useHubAndBrowser({ env: { HUB_DEMO_TREE: 'today' } })

  it('switches the tree’s date and sees the city of 2021, then today’s', async () => {
    const { context, page } = await signedInPage(browser, hub.base, 'vanphong')
    await page.goto('/units')
    const summary = page.getByTestId('tree-summary')
    await summary.filter({ hasText: '0 quận, huyện, thị xã; 126 xã, phường, thị trấn' }).waitFor()
    await page.getByRole('button', { name: /Xã, phường, thị trấn \(126\)/ }).waitFor()
    expect(await page.getByRole('button', { name: /Quận, huyện, thị xã/ }).count()).toBe(0)

    const day = page.getByLabel('Cây đơn vị ngày')
    await day.fill('30/07/2021')
    await day.press('Enter')
    await summary.filter({ hasText: '30 quận, huyện, thị xã; 579 xã, phường, thị trấn' }).waitFor()
    await page.getByRole('link', { name: 'Quận Tây Hồ' }).waitFor()
    await screenshot(page, 'units-2021')

    await day.fill('01/12/2026')
    await day.press('Enter')
    await summary.filter({ hasText: '0 quận, huyện, thị xã; 126 xã, phường, thị trấn' }).waitFor()
    await page.getByLabel('Tìm đơn vị').fill('tay ho')
    await page.getByRole('link', { name: 'Phường Tây Hồ' }).click()
    await page.getByTestId('unit-title').filter({ hasText: 'Phường Tây Hồ' }).waitFor()

    // Its predecessors, and the tasks of 2021 it inherited, each marked with whose it was.
    const predecessors = page.getByRole('region', { name: 'Đơn vị tiền thân', exact: true })
    await predecessors.getByRole('link', { name: 'Quận Tây Hồ' }).waitFor()
    await predecessors.getByRole('link', { name: 'Phường Quảng An' }).waitFor()
    const inherited = page.getByTestId('inherited')
    await inherited.waitFor()
    await inherited.getByText('của Quận Tây Hồ').first().waitFor()
    await screenshot(page, 'unit-inherited')

    // The abolished district says who receives its work now.
    await predecessors.getByRole('link', { name: 'Quận Tây Hồ' }).click()
    await page.getByTestId('unit-ceased').filter({ hasText: '30/06/2025' }).waitFor()
    await page.getByTestId('unit-ceased').getByRole('link', { name: 'Phường Tây Hồ' }).waitFor()
    await context.close()
  })

  it('shows who receives now for a 2021 directive sent to the districts', async () => {
    const { context, page } = await signedInPage(browser, hub.base, 'bithu')
    const list = (await (await context.request.get(`${hub.base}/api/directives`)).json()).directives as { id: string }[]
    let target: string | null = null
    for (const d of list) {
      const one = (await (await context.request.get(`${hub.base}/api/directives/${d.id}`)).json()).directive
      if (one.status !== 'draft' && one.recipients.some((r: { name: string }) => r.name === 'Quận Tây Hồ')) {
        target = d.id
        break
      }
    }
    expect(target).not.toBeNull()
    await page.goto(`/directives/${target}`)
    await page.getByRole('tab', { name: 'Nơi nhận' }).click()
    const row = page.getByTestId('recipients-table').getByRole('row').filter({ hasText: 'Quận Tây Hồ' })
    await row.getByTestId('receives-now').getByRole('link', { name: 'Phường Tây Hồ' }).waitFor()
    await context.close()
  })

  it('lets the office hand an abolished ward’s open tasks to its successor and check a reorganisation file', async () => {
    const { context, page } = await signedInPage(browser, hub.base, 'vanphong')
    await page.goto('/units')
    await page.getByRole('link', { name: 'Sắp xếp đơn vị' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sắp xếp đơn vị' }).waitFor()
    const unit = page.getByRole('textbox', { name: 'Đơn vị đã giải thể' })
    await unit.click()
    await unit.fill('Phường Bưởi')
    await page.getByRole('option', { name: 'Phường Bưởi' }).click()
    const table = page.getByTestId('handover-table')
    await table.waitFor()
    // Passed whole: the one successor is proposed for every task.
    const rows = await table.locator('tbody tr').count()
    expect(rows).toBeGreaterThan(0)
    const picks = await Promise.all((await table.getByRole('textbox').all()).map((box) => box.inputValue()))
    expect(new Set(picks)).toEqual(new Set(['Phường Tây Hồ (toàn bộ)']))
    await page.getByRole('button', { name: `Chuyển giao ${rows} nhiệm vụ` }).click()
    await page.getByText(`Đã chuyển giao ${rows} nhiệm vụ.`).waitFor()

    // A file leaving a closing unit without successor is refused before anything is written.
    const bad = {
      source: 'Thử nghiệm',
      validFrom: '2099-01-01',
      units: [
        {
          code: '99001',
          name: 'Phường Thử',
          kind: 'ward',
          predecessors: [{ code: '99999', name: 'Phường Không Có', part: 'whole' }],
        },
      ],
    }
    await page.locator('input[type="file"]').setInputFiles({
      name: 'sap-xep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    })
    await page.getByTestId('reorg-problems').filter({ hasText: '99999' }).waitFor()
    expect(await page.getByRole('button', { name: 'Ghi sắp xếp' }).isDisabled()).toBe(true)
    await context.close()
  })
})
