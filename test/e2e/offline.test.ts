// A ward official on a phone without a connection: what he opened still reads (with the "Ngoại tuyến"
// banner), his progress update, report and his ward's periodic report with a photo taken on the phone
// (downscaled there) wait in the outbox across closing the tab, and arrive exactly once when the
// connection returns (even when an answer is lost on the way); the lead unit's board shows them live; a
// change made meanwhile by someone else is shown with both values for him to decide.

import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin, type Task } from '../helpers/api'
import { login, newContext, newPhoneContext, screenshot, useHubAndBrowser } from '../helpers/browser'
import { keptKeys, readKept, waitForKept } from '../helpers/kept-cache'

interface KeptQuery {
  queryKey: unknown[]
  state: { data?: { version?: number } }
}
interface Report {
  id: string
  narrative: string
  difficulties: string
  progress: number | null
}

/** The width and height of a JPEG, from its first frame header (SOF0-SOF3). */
function jpegSize(b: Uint8Array): { width: number; height: number } {
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) throw new Error('not a JPEG marker')
    const marker = b[i + 1]!
    const len = (b[i + 2]! << 8) | b[i + 3]!
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    i += 2 + len
  }
  throw new Error('no frame header')
}

/** A camera-sized photo (2400 × 1800 JPEG) drawn in the page, as the phone's camera would hand it over. */
const cameraPhoto = `(() => {
  const c = document.createElement('canvas')
  c.width = 2400
  c.height = 1800
  const g = c.getContext('2d')
  for (let y = 0; y < 1800; y += 60)
    for (let x = 0; x < 2400; x += 60) {
      g.fillStyle = 'rgb(' + ((x * 7) % 255) + ',' + ((y * 3) % 255) + ',' + ((x + y) % 255) + ')'
      g.fillRect(x, y, 60, 60)
    }
  return c.toDataURL('image/jpeg', 0.95).split(',')[1]
})()`

describe('in the field: offline reading and the outbox', () => {
  const { hub, browser } = useHubAndBrowser()
  let phone: BrowserContext
  let desk: BrowserContext
  let tayho: ApiSession
  let quangan: ApiSession
  const tag = `NT${Date.now().toString(36)}`
  let taskA: Task // led by Quảng An: its head updates progress
  let taskB: Task // led by Tây Hồ, Quảng An supporting: its head reports on his part
  let taskC: Task // led by Quảng An: changed by someone else while he is offline

  beforeAll(async () => {
    tayho = await apiLogin(hub.base, 'tayho')
    quangan = await apiLogin(hub.base, 'quangan')
    const quangAn = quangan.user.unitId!
    const create = async (title: string, body: Record<string, unknown>) =>
      (await tayho.post<{ task: Task }>('/tasks', { title: `${title} ${tag}`, dueAt: '2030-12-31', ...body })).task
    taskA = await create('Kiểm tra chốt chợ Quảng An', { leadUnitId: quangAn })
    taskB = await create('Rà soát hộ kinh doanh ven hồ', {
      leadUnitId: tayho.user.unitId!,
      supportUnitIds: [quangAn],
    })
    taskC = await create('Cập nhật sổ theo dõi tạm trú', { leadUnitId: quangAn })
    phone = await newPhoneContext(browser, hub.base)
    desk = await newContext(browser, hub.base)
  })
  afterAll(async () => {
    await phone?.close()
    await desk?.close()
  })

  it('offline: reads what was opened, queues an update and a report across closing the tab; online: each arrives once and shows live', async () => {
    // The lead unit's board (Tây Hồ, with its wards) and task B's page are open at the district.
    const board = await desk.newPage()
    await login(board, 'tayho')
    await board.goto(`/board?unitId=${tayho.user.unitId}&q=${tag}`)
    await board.locator(`[data-task-id="${taskA.id}"]`).first().waitFor()
    const deskTaskB = await desk.newPage()
    await deskTaskB.goto(`/tasks/${taskB.id}`)
    await deskTaskB.getByTestId('task-title').waitFor()

    // Online first: the worker installs (it controls the page from the second load) and the screens
    // the official opens are kept in the browser.
    let page = await phone.newPage()
    await login(page, 'quangan')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await page.evaluate('navigator.serviceWorker.ready')
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true)
    for (const [task, form] of [
      [taskA, 'progress-form'],
      [taskB, 'support-report-form'],
      [taskC, 'progress-form'],
    ] as const) {
      await page.goto(`/tasks/${task.id}`)
      await page.getByTestId(form).waitFor()
      await waitForKept(page, JSON.stringify(['task', task.id]))
    }
    // His unit's page (hotlines, duty) and board.
    await page.goto(`/units/${quangan.user.unitId}`)
    await page.getByTestId('unit-title').waitFor()
    await waitForKept(page, JSON.stringify(['unit', quangan.user.unitId]))
    await page.goto('/board')
    await page.locator(`[data-task-id="${taskA.id}"]`).first().waitFor()
    await waitForKept(page, '["tasks",{"includeSubunits":true,"limit"')
    // His ward's measure page, where its periodic report is sent from.
    await page.goto(`/accountability/${quangan.user.unitId}`)
    await page.getByRole('button', { name: 'Gửi báo cáo' }).waitFor()
    await waitForKept(page, `["accountability","unit","${quangan.user.unitId}"`)
    await page.goto('/')
    await page.locator(`[data-testid="task-card"][data-task-id="${taskA.id}"]`).first().waitFor()
    await waitForKept(page, `["task-pages",{"assigneeId":"${quangan.user.id}"`)

    // No connection: a reload opens "Việc của tôi" from the kept cache, not a blank page waiting for /api/auth/me.
    const kept = await keptKeys(page)
    for (const task of [taskA, taskB, taskC]) expect(kept).toContain(JSON.stringify(['task', task.id]))
    await phone.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    expect(await keptKeys(page)).toEqual(expect.arrayContaining(kept))
    const banner = page.getByTestId('offline-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/Ngoại tuyến — dữ liệu lúc \d{2}:\d{2}/)
    await screenshot(page, 'offline-banner')
    // The unit's page and board read offline too (each a reload served by the worker).
    const { unit } = await quangan.get<{ unit: { name: string } }>(`/units/${quangan.user.unitId}`)
    await page.goto(`/units/${quangan.user.unitId}`)
    expect(await page.getByTestId('unit-title').textContent()).toContain(unit.name)
    await page.getByTestId('offline-banner').waitFor()
    await page.goto('/board')
    await page.locator(`[data-task-id="${taskA.id}"]`).first().waitFor()
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()

    // The progress update on task A (opened from the list), with a difficulty.
    await page.locator(`[data-testid="task-card"][data-task-id="${taskA.id}"]`).first().tap()
    await page.getByTestId('progress-form').waitFor()
    await page.getByTestId('progress-75').tap()
    const formA = page.getByTestId('progress-form')
    await formA.getByRole('textbox', { name: 'Kết quả thực hiện' }).fill(`Đã lập chốt kiểm tra ${tag}`)
    await formA.getByRole('textbox', { name: /Khó khăn/ }).fill(`Thiếu biển báo ${tag}`)
    await page.getByTestId('send-update').tap()
    await page.getByTestId('outbox-toggle').getByText('Đang chờ gửi (1)').waitFor()

    // The supporting unit's report on task B.
    await page.goto(`/tasks/${taskB.id}`)
    const formB = page.getByTestId('support-report-form')
    await formB.waitFor()
    await formB.getByRole('textbox', { name: 'Kết quả thực hiện' }).fill(`Phường đã rà soát 42 hộ ${tag}`)
    await page.getByTestId('send-support-report').tap()
    await page.getByTestId('outbox-toggle').getByText('Đang chờ gửi (2)').waitFor()

    // His ward's periodic report, with a photo from the camera: downscaled on the phone, kept with the report.
    const original = Buffer.from((await page.evaluate(cameraPhoto)) as string, 'base64')
    await page.goto(`/accountability/${quangan.user.unitId}`)
    await page.getByRole('button', { name: 'Gửi báo cáo' }).tap()
    const reportForm = page.getByRole('dialog', { name: 'Báo cáo định kỳ của đơn vị' })
    await reportForm.getByRole('textbox', { name: 'Nội dung báo cáo' }).fill(`Chợ Quảng An đóng đúng giờ ${tag}`)
    const input = reportForm.locator('input[type="file"]')
    expect(await input.getAttribute('accept')).toBe('image/*')
    expect(await input.getAttribute('capture')).toBe('environment')
    await input.setInputFiles({ name: 'cho-quang-an.jpg', mimeType: 'image/jpeg', buffer: original })
    await reportForm.getByTestId('photo-preview').waitFor()
    await reportForm.getByTestId('send-unit-report').tap()
    await page.getByTestId('outbox-toggle').getByText('Đang chờ gửi (3)').waitFor()

    // The tab is closed; nothing has reached the hub.
    await page.close()
    expect((await tayho.get<{ task: Task }>(`/tasks/${taskA.id}`)).task.progress).toBe(taskA.progress)

    // Reopened, still offline: the outbox is still there.
    page = await phone.newPage()
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await page.getByTestId('offline-banner').waitFor()
    await page.getByTestId('outbox-toggle').getByText('Đang chờ gửi (3)').waitFor()
    await page.getByTestId('outbox-toggle').tap()
    await page.locator('[data-testid="outbox-item"]').nth(2).waitFor()
    expect(
      await page
        .locator('[data-testid="outbox-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id') || e.getAttribute('data-kind'))),
    ).toEqual([taskA.id, taskB.id, 'unit-report'])
    expect(await page.getByTestId('outbox-photos').textContent()).toContain('1 ảnh kèm theo')
    await screenshot(page, 'offline-outbox')

    // The first answer to the report is lost on the way back (the hub recorded it); the retry carries
    // the same Idempotency-Key and gets the first answer instead of a second report.
    const reportKeys: string[] = []
    let dropped = 0
    await phone.route(`**/api/tasks/${taskB.id}/reports`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      reportKeys.push((await route.request().headerValue('idempotency-key')) ?? '')
      if (dropped === 0) {
        dropped++
        await route.fetch()
        return route.abort('connectionreset')
      }
      return route.continue()
    })

    // The photo's first answer is lost too: its retry carries its own key and stores it once.
    const photoKeys: string[] = []
    await phone.route('**/api/reports/*/photos', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      photoKeys.push((await route.request().headerValue('idempotency-key')) ?? '')
      if (photoKeys.length === 1) {
        await route.fetch()
        return route.abort('connectionreset')
      }
      return route.continue()
    })

    await phone.setOffline(false)
    await page.getByTestId('offline-bar').waitFor({ state: 'detached', timeout: 30_000 })

    const a = (await tayho.get<{ task: Task }>(`/tasks/${taskA.id}`)).task
    expect(a.progress).toBe(75)
    expect(a.version).toBe(taskA.version + 1)
    const reportsA = (await tayho.get<{ reports: Report[] }>(`/tasks/${taskA.id}/reports`)).reports
    expect(reportsA.filter((r) => r.narrative === `Đã lập chốt kiểm tra ${tag}`)).toMatchObject([
      { progress: 75, difficulties: `Thiếu biển báo ${tag}` },
    ])
    const reportsB = (await tayho.get<{ reports: Report[] }>(`/tasks/${taskB.id}/reports`)).reports
    expect(reportsB.filter((r) => r.narrative === `Phường đã rà soát 42 hộ ${tag}`)).toHaveLength(1)
    expect(dropped).toBe(1)
    expect(reportKeys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(reportKeys).size).toBe(1)
    expect(reportKeys[0]).not.toBe('')
    await phone.unroute(`**/api/tasks/${taskB.id}/reports`)
    await phone.unroute('**/api/reports/*/photos')

    // The ward's report arrived once, with one photo, downscaled on the phone.
    const unitReports = (
      await quangan.get<{ reports: { id: string; body: string }[] }>(`/reports?unitId=${quangan.user.unitId}`)
    ).reports.filter((r) => r.body === `Chợ Quảng An đóng đúng giờ ${tag}`)
    expect(unitReports).toHaveLength(1)
    const { photos } = await tayho.get<{ photos: { id: string; size: number; contentType: string }[] }>(
      `/reports/${unitReports[0]!.id}/photos`,
    )
    expect(photos).toHaveLength(1)
    expect(photoKeys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(photoKeys).size).toBe(1)
    const stored = new Uint8Array(
      await (
        await fetch(`${hub.base}/api/reports/${unitReports[0]!.id}/photos/${photos[0]!.id}`, {
          headers: { cookie: tayho.cookie },
        })
      ).arrayBuffer(),
    )
    const size = jpegSize(stored)
    expect(Math.max(size.width, size.height)).toBe(1600)
    expect(size.width / size.height).toBeCloseTo(2400 / 1800, 2)
    expect(stored.length).toBeLessThan(original.length)
    console.log(`photo: camera ${original.length} B 2400×1800 → sent ${stored.length} B ${size.width}×${size.height}`)

    // The district saw both arrive live: task A moved on its board, the report appeared on task B.
    await board
      .locator(`[data-testid="column-in_progress"] [data-task-id="${taskA.id}"]`)
      .getByText('75%')
      .waitFor({ timeout: 15_000 })
    await deskTaskB.getByText(`Phường đã rà soát 42 hộ ${tag}`).waitFor({ timeout: 15_000 })
    await page.close()
  })

  it('a conflicting offline update shows both values, and the official decides', async () => {
    const page = await phone.newPage()
    await page.goto(`/tasks/${taskC.id}`)
    await page.getByTestId('progress-form').waitFor()
    await phone.setOffline(true)
    await page.reload()
    await page.getByTestId('offline-banner').waitFor()
    await page.getByTestId('progress-50').tap()
    await page.getByTestId('send-update').tap()
    await page.getByTestId('outbox-toggle').getByText('Đang chờ gửi (1)').waitFor()

    // Meanwhile the district sets another value.
    const read = (await tayho.get<{ task: Task }>(`/tasks/${taskC.id}`)).task
    await tayho.patch(`/tasks/${taskC.id}`, { version: read.version, progress: 30 })

    await phone.setOffline(false)
    const conflict = page.getByTestId('outbox-conflict')
    await conflict.waitFor({ timeout: 30_000 })
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toContain('tiến độ 30%')
    expect(await conflict.getByTestId('conflict-mine').textContent()).toContain('tiến độ 50%')
    await screenshot(page, 'offline-conflict')
    // Nothing was dropped or overwritten on its own.
    expect((await quangan.get<{ task: Task }>(`/tasks/${taskC.id}`)).task.progress).toBe(30)

    await conflict.getByTestId('keep-mine').tap()
    await page.getByTestId('offline-bar').waitFor({ state: 'detached', timeout: 30_000 })
    const after = (await quangan.get<{ task: Task }>(`/tasks/${taskC.id}`)).task
    expect(after.progress).toBe(50)
    expect(after.version).toBe(read.version + 2)
    await page.close()
  })

  it('back online, the kept screens catch up from what changed since in one call, those not on screen too', async () => {
    const page = await phone.newPage()
    await page.goto(`/tasks/${taskA.id}`)
    await page.getByTestId('progress-form').waitFor()
    // Now on "Việc của tôi": the task's own page is kept but not on screen, so nothing reloads it.
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    const catchUps: string[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.pathname === '/api/changes') catchUps.push(url.searchParams.get('since') ?? '')
    })
    await phone.setOffline(true)
    await page.getByTestId('offline-banner').waitFor()
    const before = (await tayho.get<{ task: Task }>(`/tasks/${taskA.id}`)).task
    await tayho.patch(`/tasks/${taskA.id}`, { version: before.version, progress: 90 })

    await phone.setOffline(false)
    await page.getByTestId('offline-bar').waitFor({ state: 'detached', timeout: 30_000 })
    await expect.poll(() => catchUps.length, { timeout: 30_000 }).toBeGreaterThan(0)
    expect(catchUps[0]).toMatch(/^\d+$/)
    // The kept copy of the task's page has the district's change, ready for the next time offline.
    const keptTask = async () => {
      const s = (await page.evaluate(readKept)) as string
      const q = (JSON.parse(s || '{"clientState":{"queries":[]}}').clientState.queries as KeptQuery[]).find(
        (x) => JSON.stringify(x.queryKey) === JSON.stringify(['task', taskA.id]),
      )
      return q?.state.data?.version
    }
    await expect.poll(keptTask, { timeout: 15_000 }).toBe(before.version + 1)
    await phone.setOffline(true)
    await page.goto(`/tasks/${taskA.id}`)
    await page.getByTestId('offline-banner').waitFor()
    expect(await page.getByTestId('progress-form').getAttribute('data-version')).toBe(String(before.version + 1))
    await phone.setOffline(false)
    await page.close()
  })

  it('logging out leaves nothing of the person in the browser', async () => {
    const page = await phone.newPage()
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor()
    await page.getByRole('button', { name: 'Tài khoản' }).tap()
    await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).tap()
    await page.waitForURL(/\/login/)
    const kept = await page.evaluate(`(async () => {
      const read = (db, store, key) => new Promise((resolve) => {
        const open = indexedDB.open(db)
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).get(key)
          get.onsuccess = () => { open.result.close(); resolve(get.result ?? null) }
        }
      })
      return { cache: await read('hub-query-cache', 'queries', 'hub.queries'), outbox: await read('hub-outbox', 'items', 'items') }
    })()`)
    const { cache, outbox } = kept as { cache: string | null; outbox: unknown[] | null }
    expect(outbox ?? []).toEqual([])
    // Whatever the cache holds after the logout names no task of the person.
    for (const task of [taskA, taskB, taskC]) expect(String(cache ?? '')).not.toContain(task.id)
    await page.close()
  })
})
