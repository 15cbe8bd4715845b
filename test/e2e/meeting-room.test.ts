// The meeting room in Chromium on a real hub: a task the secretary assigns there reaches the head of Tây Hồ's
// open board live, without a reload, and the API has it led by Tây Hồ and linked to the meeting.

import { describe, expect, it } from 'vitest'
import { apiLogin } from '../helpers/api'
import { openLiveBoard, screenshot, signedInPage, useHubAndBrowser } from '../helpers/browser'

/** dd/mm/yyyy a few days from now in Vietnam. */
function dueInDays(days: number) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000)
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
}

describe('the meeting room', () => {
  const { hub, browser } = useHubAndBrowser()

  it('a task the secretary assigns to Tây Hồ appears on the head of Tây Hồ’s board without reloading', async () => {
    const secretary = await apiLogin(hub.base, 'bithu')
    const head = await apiLogin(hub.base, 'tayho')
    const { meetings } = await secretary.get<{ meetings: { id: string; status: string }[] }>('/meetings')
    const meeting = meetings.find((m) => m.status !== 'concluded') ?? meetings[0]
    expect(meeting, 'a seeded meeting').toBeDefined()

    // The head of Tây Hồ watches his board.
    const { context: ctxHead, board } = await openLiveBoard(browser, hub.base, 'tayho')

    // The secretary, in the meeting room, assigns a task to Tây Hồ.
    const { context: ctxChair, page: room } = await signedInPage(browser, hub.base, 'bithu')
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
