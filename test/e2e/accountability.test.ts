// The accountability dashboard in Chromium on a real hub: the secretary drills from the city to a district's
// overdue task, inspectors record and publish inspections (a district head may not publish), a head sees only
// his report form, and anyone finds a district's hotline and who is on duty without logging in.

import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { loginViaApi, newContext, screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

/** An instant's day in Vietnam as dd/mm/yyyy. */
const vnDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d)

interface Row {
  unitId: string
  unitName: string
  score: number | null
  inspections: Record<string, number>
}

describe('the accountability dashboard', () => {
  const { hub, browser } = useHubAndBrowser()

  it('the secretary drills from the city to a district to the overdue task behind its figure', async () => {
    const bithu = await apiLogin(hub.base, 'bithu')
    const { rows } = await bithu.get<{ rows: Row[] }>('/measure?kind=district')
    const tayho = rows.find((r) => r.unitName === 'Quận Tây Hồ')!
    const title = 'Tổng hợp danh sách hộ cần hỗ trợ lương thực (quá hạn)'
    const { task } = await bithu.post<{ task: { id: string } }>('/tasks', {
      title,
      leadUnitId: tayho.unitId,
      dueAt: '2021-07-28',
    })

    const { context, page } = await signedInPage(browser, hub.base, 'bithu')
    await page.goto('/accountability')
    await page.getByRole('heading', { level: 1, name: 'Thước đo trách nhiệm' }).waitFor()
    // The ranking lists the 30 districts, each coloured by its rating.
    const links = page.getByRole('link', { name: /^Xem chi tiết / })
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(30)
    await screenshot(page, 'accountability-dashboard')

    await page.getByRole('link', { name: 'Xem chi tiết Quận Tây Hồ' }).click()
    await page.getByRole('heading', { level: 1, name: 'Quận Tây Hồ' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/accountability/${tayho.unitId}`)
    // Its eight wards are there to drill into, and the city is one step up.
    await expect.poll(() => page.getByRole('link', { name: /^Xem chi tiết (Phường|Xã)/ }).count()).toBe(8)
    await expect(page.getByRole('link', { name: 'Toàn thành phố' }).count()).resolves.toBe(1)
    // Its score over the last eight weeks, the current week last.
    await expect
      .poll(async () => ((await page.getByTestId('trend-caption').textContent()) ?? '').split(';').length)
      .toBe(8)
    await screenshot(page, 'accountability-district')

    // The district's head answers for the same figures: his card shows his score and, opened, the new task.
    const { heads } = await bithu.get<{ heads: { name: string; to: string | null; figures: { score: number } }[] }>(
      `/measure/${tayho.unitId}`,
    )
    const head = heads.find((h) => h.to === null)!
    const card = page.getByTestId('heads')
    await card.getByText(head.name, { exact: true }).waitFor()
    await card.getByRole('button', { name: new RegExp(head.name) }).click()
    await card.getByRole('link', { name: title }).waitFor()
    expect(await card.getByTestId('head-score').allTextContents()).toContain(String(head.figures.score))

    await page.getByRole('link', { name: title }).first().click()
    await page.waitForURL(`**/tasks/${task.id}`)
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    // The task's history: who created it, when.
    await page.getByRole('button', { name: /Lịch sử thay đổi/ }).click()
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Trần Quốc Hưng')

    // Two districts side by side.
    const hoankiem = rows.find((r) => r.unitName === 'Quận Hoàn Kiếm')!
    await page.goto(`/accountability/compare?a=${tayho.unitId}&b=${hoankiem.unitId}`)
    await page.getByRole('heading', { level: 1, name: 'So sánh hai đơn vị' }).waitFor()
    await page.getByRole('link', { name: 'Quận Hoàn Kiếm' }).waitFor()
    await page.getByRole('link', { name: 'Quận Tây Hồ' }).waitFor()
    await context.close()
  })

  it('an inspector records an unannounced inspection from the unit’s page and its score moves', async () => {
    const kiemtra = await apiLogin(hub.base, 'kiemtra')
    const { rows } = await kiemtra.get<{ rows: Row[] }>('/measure?kind=district')
    const target = rows.find((r) => r.unitName !== 'Quận Tây Hồ' && (r.score ?? 0) > 10)!
    const before = target.score!

    const { context, page } = await signedInPage(browser, hub.base, 'kiemtra')
    await page.goto(`/accountability/${target.unitId}`)
    const score = page.getByTestId('unit-score')
    await expect.poll(() => score.textContent(), { timeout: 15_000 }).toBe(String(before))
    // An inspector is offered the inspection form, not the report form.
    await expect(page.getByRole('button', { name: 'Gửi báo cáo' }).count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('radio', { name: 'Đột xuất' }).check({ force: true })
    await dialog.getByLabel('Kết quả kiểm tra, nhận xét').fill('Chốt kiểm soát cửa ngõ bỏ trống lúc 23 giờ.')
    await dialog.getByLabel('Việc đơn vị phải khắc phục').fill('Bố trí đủ lực lượng trực chốt ban đêm')
    await dialog.getByLabel('Kết luận').click()
    await page.getByRole('option', { name: 'Kỷ luật' }).click()
    await dialog.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await expect.poll(async () => Number(await score.textContent()), { timeout: 15_000 }).toBeLessThan(before)
    const after = (await kiemtra.get<{ rows: Row[] }>('/measure?kind=district')).rows.find(
      (r) => r.unitId === target.unitId,
    )!
    expect(after.inspections.discipline).toBe((target.inspections.discipline ?? 0) + 1)
    expect(Number(await score.textContent())).toBe(after.score)
    const { inspections } = await kiemtra.get<{ inspections: { kind: string; outcome: string; findings: string }[] }>(
      `/inspections?unitId=${target.unitId}`,
    )
    expect(inspections.find((i) => i.findings.includes('bỏ trống lúc 23 giờ'))).toMatchObject({
      kind: 'unannounced',
      outcome: 'discipline',
    })
    // The follow-up became the unit's task.
    const { tasks } = await kiemtra.get<{ tasks: { title: string; leadUnitId: string }[] }>(
      `/tasks?unitId=${target.unitId}&q=${encodeURIComponent('trực chốt ban đêm')}`,
    )
    expect(tasks.map((x) => x.title)).toContain('Bố trí đủ lực lượng trực chốt ban đêm')
    await screenshot(page, 'accountability-inspection')
    await context.close()
  })

  it('an inspector publishes an inspection’s conclusion; the district’s head reads it and may not publish', async () => {
    const kiemtra = await apiLogin(hub.base, 'kiemtra')
    const tayhoHead = await apiLogin(hub.base, 'tayho')
    const unitId = tayhoHead.user.unitId!
    const today = vnDate(new Date()).split('/').reverse().join('-')
    // A visit the inspector recorded and has not published yet.
    const { inspection: pending } = await kiemtra.post<{ inspection: { id: string } }>('/inspections', {
      unitId,
      kind: 'planned',
      date: today,
      findings: 'Sổ theo dõi người cách ly tại nhà chưa cập nhật hằng ngày.',
      outcome: 'remind',
    })

    const { context, page } = await signedInPage(browser, hub.base, 'kiemtra')
    await page.goto(`/accountability/${unitId}`)
    await page.getByRole('heading', { level: 1, name: 'Quận Tây Hồ' }).waitFor()
    await page.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click()
    const form = page.getByRole('dialog')
    // The segmented control's radio is hidden under its label: click the label, as a person does.
    await form.getByText('Theo kế hoạch', { exact: true }).click()
    await expect(form.getByRole('radio', { name: 'Theo kế hoạch' }).isChecked()).resolves.toBe(true)
    const findings = 'Công khai đầy đủ danh sách hộ được hỗ trợ tại 8 phường.'
    await form.getByLabel('Kết quả kiểm tra, nhận xét').fill(findings)
    await form.getByLabel('Kết luận').click()
    await page.getByRole('option', { name: 'Biểu dương' }).click()
    await form.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click()
    await form.waitFor({ state: 'hidden' })

    const { inspections } = await kiemtra.get<{ inspections: { id: string; findings: string; published: boolean }[] }>(
      `/inspections?unitId=${unitId}`,
    )
    const recorded = inspections.find((i) => i.findings === findings)!
    expect(recorded.published).toBe(false)
    const block = page.locator(`[data-inspection="${recorded.id}"]`)
    await expect.poll(() => block.getByTestId('publication').textContent(), { timeout: 15_000 }).toBe('Chưa công bố')
    // The recorder is offered publication of both his inspections.
    await expect(page.getByRole('button', { name: /^Công bố kết luận/ }).count()).resolves.toBe(2)
    await block.getByRole('button', { name: /^Công bố kết luận/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Công bố kết luận kiểm tra' })
    // Cancelling publishes nothing.
    await confirm.getByRole('button', { name: 'Hủy' }).click()
    await confirm.waitFor({ state: 'hidden' })
    expect(
      (
        await kiemtra.get<{ inspections: { id: string; published: boolean }[] }>(`/inspections?unitId=${unitId}`)
      ).inspections.find((i) => i.id === recorded.id)?.published,
    ).toBe(false)
    await block.getByRole('button', { name: /^Công bố kết luận/ }).click()
    await confirm.getByRole('button', { name: 'Công bố', exact: true }).click()
    await confirm.waitFor({ state: 'hidden' })

    const published = (
      await kiemtra.get<{ inspections: { id: string; published: boolean; publishedAt: string }[] }>(
        `/inspections?unitId=${unitId}`,
      )
    ).inspections.find((i) => i.id === recorded.id)!
    expect(published.published).toBe(true)
    const shown = `Đã công bố ngày ${vnDate(new Date(published.publishedAt))}`
    await expect.poll(() => block.getByTestId('publication').textContent()).toBe(shown)
    await expect(block.getByRole('button', { name: /^Công bố kết luận/ }).count()).resolves.toBe(0)
    await screenshot(page, 'accountability-inspection-published')
    await context.close()

    // The district's head reads the published conclusion and its date, the other one unpublished, and publishes neither.
    const { context: headContext, page: head } = await signedInPage(browser, hub.base, 'tayho')
    await head.goto(`/accountability/${unitId}`)
    await head.getByRole('heading', { level: 1, name: 'Quận Tây Hồ' }).waitFor()
    const seen = head.locator(`[data-inspection="${recorded.id}"]`)
    await expect.poll(() => seen.getByTestId('publication').textContent(), { timeout: 15_000 }).toBe(shown)
    expect(await seen.textContent()).toContain(findings)
    expect(await seen.textContent()).toContain('Biểu dương')
    await expect
      .poll(() => head.locator(`[data-inspection="${pending.id}"]`).getByTestId('publication').textContent())
      .toBe('Chưa công bố')
    await expect(head.getByRole('button', { name: /^Công bố kết luận/ }).count()).resolves.toBe(0)
    await screenshot(head, 'accountability-inspection-unit-view')
    await headContext.close()
  })

  it('a district head sees the report form for his own district, and no inspection form', async () => {
    const context = await newContext(browser, hub.base)
    const me = await loginViaApi(context, hub.base, 'tayho')
    const page = await context.newPage()
    await page.goto(`/accountability/${me.unitId}`)
    await page.getByRole('heading', { level: 1, name: 'Quận Tây Hồ' }).waitFor()
    await expect(page.getByRole('button', { name: 'Gửi báo cáo' }).count()).resolves.toBe(1)
    await expect(page.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).count()).resolves.toBe(0)
    await context.close()
  })

  it('anyone, without logging in, finds a district’s hotline and who is on duty now', async () => {
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByRole('link', { name: 'Đường dây nóng và lịch trực' }).click()
    await page.getByRole('heading', { level: 1, name: 'Đường dây nóng và lịch trực' }).waitFor()
    await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('tay ho')
    const card = page.locator('[data-unit="Quận Tây Hồ"]')
    await card.waitFor()
    expect(await card.textContent()).toContain('Đang trực')
    expect(await card.getByRole('link').first().getAttribute('href')).toMatch(/^tel:024/)
    await screenshot(page, 'public-duty')
    await context.close()
  })
})
