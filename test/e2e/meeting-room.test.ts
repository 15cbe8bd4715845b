import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { launchBrowser, loginViaApi, newContext, screenshot } from '../helpers/browser'
import { type Hub, startHub } from '../helpers/hub'

/** dd/mm/yyyy a few days from now in Vietnam. */
function dueInDays(days: number) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000)
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
}

describe('the meeting room', () => {
  let hub: Hub
  let browser: Browser

  beforeAll(async () => {
    hub = await startHub()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await hub?.stop()
  })

  it('a task the secretary assigns to Tây Hồ appears on the head of Tây Hồ’s board without reloading', async () => {
    const secretary = await apiLogin(hub.base, 'bithu')
    const head = await apiLogin(hub.base, 'tayho')
    const { meetings } = await secretary.get<{ meetings: { id: string; status: string }[] }>('/meetings')
    const meeting = meetings.find((m) => m.status !== 'concluded') ?? meetings[0]
    expect(meeting, 'a seeded meeting').toBeDefined()

    // The head of Tây Hồ watches his board.
    const ctxHead = await newContext(browser, hub.base)
    await loginViaApi(ctxHead, hub.base, 'tayho')
    const board = await ctxHead.newPage()
    await board.goto('/board')
    await board.getByTestId('board-columns').waitFor()
    await board.locator('[data-live-state="connected"]').waitFor({ timeout: 20_000 })
    // A marker in the page: it survives only if the page is never reloaded.
    await board.evaluate('window.__sameDocument = true')

    // The secretary, in the meeting room, assigns a task to Tây Hồ.
    const ctxChair = await newContext(browser, hub.base)
    await loginViaApi(ctxChair, hub.base, 'bithu')
    const room = await ctxChair.newPage()
    await room.goto(`/meetings/${meeting!.id}`)
    await room.getByTestId('meeting-title').waitFor()
    const title = `Rà soát chốt kiểm soát ra vào địa bàn, báo cáo trước giao ban (${Date.now()})`
    const form = room.getByTestId('assign-task-form')
    await form.getByLabel(/Nội dung nhiệm vụ/).fill(title)
    await form.getByLabel(/Đơn vị chủ trì/).fill('Tây Hồ')
    await room.getByRole('option', { name: 'Quận Tây Hồ' }).click()
    await form.getByLabel(/Hạn hoàn thành/).fill(dueInDays(3))
    await form.getByLabel(/Hạn hoàn thành/).press('Tab')
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click()
    await room.getByTestId('meeting-tasks').getByText(title).waitFor({ timeout: 15_000 })

    // It reaches the head's board live: same document, no reload.
    await board.getByTestId('board-columns').getByText(title).waitFor({ timeout: 15_000 })
    expect(await board.evaluate<boolean>('window.__sameDocument === true')).toBe(true)
    await screenshot(board, 'meeting-task-on-board')
    await screenshot(room, 'meeting-room-after-assign')

    // And the API agrees: led by Tây Hồ, from this meeting.
    const { tasks } = await head.get<{ tasks: { title: string; leadUnitId: string; meetingId: string | null }[] }>(
      `/tasks?unitId=${head.user.unitId}&q=${encodeURIComponent('Rà soát chốt kiểm soát')}`,
    )
    const created = tasks.find((t) => t.title === title)
    expect(created?.leadUnitId).toBe(head.user.unitId)
    expect(created?.meetingId).toBe(meeting!.id)
    await ctxHead.close()
    await ctxChair.close()
  })
})
