// The main screens in Chromium on a real hub, as a keyboard and screen-reader user meets them: Vietnamese
// page language, one h1 and no skipped heading level, every control named in Chromium's accessibility tree,
// the main actions and navigation reached by Tab with a visible focus.

import type { BrowserContext, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ApiSession, apiLogin } from '../helpers/api'
import { newContext, signedInPage, useHubAndBrowser } from '../helpers/browser'

/** Roles that take input or act: each needs an accessible name. */
const NAMED_ROLES = new Set([
  'button',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'menuitem',
  'tab',
  'link',
])

interface AxNode {
  ignored: boolean
  role?: { value: string }
  name?: { value: string }
  properties?: { name: string; value: { value: unknown } }[]
  backendDOMNodeId?: number
}

/** What Chromium itself computes as the accessibility tree: controls without a name, by role. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }
    const out: string[] = []
    for (const n of nodes) {
      const role = n.role?.value ?? ''
      if (n.ignored || !NAMED_ROLES.has(role)) continue
      const hidden = n.properties?.some((p) => p.name === 'hidden' && p.value.value === true)
      if (hidden) continue
      if (!String(n.name?.value ?? '').trim()) {
        const { outerHTML } = (await cdp
          .send('DOM.getOuterHTML', { backendNodeId: n.backendDOMNodeId })
          .catch(() => ({ outerHTML: '?' }))) as { outerHTML: string }
        out.push(`${role}: ${outerHTML.slice(0, 160)}`)
      }
    }
    return out
  } finally {
    await cdp.detach()
  }
}

/** The little of a DOM element the focus check needs (the test project has no DOM typings). */
interface FocusTarget {
  ownerDocument: { activeElement: unknown }
  contains(other: unknown): boolean
}

/** Waits for the screen's data: no loader left, the network quiet. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page
    .waitForFunction('!document.querySelector(".mantine-Loader-root")', undefined, { timeout: 15_000 })
    .catch(() => {})
  await page.waitForTimeout(250)
}

/**
 * Presses Tab from the top of the page until every target has had the focus (or the budget runs
 * out); returns the targets never reached, and those whose focus was not visibly drawn.
 */
async function tabThrough(page: Page, targets: Record<string, Locator>, budget = 150) {
  await page.evaluate('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)')
  await page.locator('body').focus()
  const pending = new Map(Object.entries(targets))
  const invisible: string[] = []
  for (let i = 0; i < budget && pending.size > 0; i++) {
    await page.keyboard.press('Tab')
    for (const [name, loc] of pending) {
      const focused = await loc
        .first()
        .evaluate(
          (el: FocusTarget) => {
            const active = el.ownerDocument.activeElement
            return el === active || el.contains(active)
          },
          undefined,
          { timeout: 1000 },
        )
        .catch(() => false)
      if (!focused) continue
      pending.delete(name)
      // A focus ring: an outline or a box shadow on the focused element.
      const drawn = await page.evaluate<boolean>(`(() => {
        const el = document.activeElement
        if (!el) return false
        const s = getComputedStyle(el)
        return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none'
      })()`)
      if (!drawn) invisible.push(name)
    }
  }
  return { unreached: [...pending.keys()], invisible }
}

/** The checks every main screen must pass. */
async function checkScreen(page: Page, primary: Locator, withNav = true) {
  await settle(page)
  expect(await page.evaluate('document.documentElement.lang')).toBe('vi')
  expect(await page.locator('h1:visible, [role="heading"][aria-level="1"]:visible').count(), 'one h1').toBe(1)
  // Heading levels never skip downwards (h1 → h3 without an h2).
  const levels = await page.evaluate<number[]>(
    `[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName[1]))`,
  )
  for (let i = 1; i < levels.length; i++)
    expect(levels[i]! - levels[i - 1]!, `headings ${levels}`).toBeLessThanOrEqual(1)
  expect(await unnamedControls(page)).toEqual([])

  await primary.first().waitFor({ timeout: 10_000 })
  const nav = page.getByRole('navigation').getByRole('link')
  const targets: Record<string, Locator> = { primary }
  if (withNav) {
    targets.myWork = nav.filter({ hasText: 'Việc của tôi' })
    targets.board = nav.filter({ hasText: 'Bảng nhiệm vụ' })
    targets.notifications = nav.filter({ hasText: 'Thông báo' })
  }
  const { unreached, invisible } = await tabThrough(page, targets)
  expect(unreached, 'reached by Tab').toEqual([])
  expect(invisible, 'focus drawn').toEqual([])
}

describe('accessibility of the main screens', () => {
  const { hub, browser } = useHubAndBrowser()
  let tayho: ApiSession
  let bithu: ApiSession
  let head: BrowserContext
  let secretary: BrowserContext

  beforeAll(async () => {
    tayho = await apiLogin(hub.base, 'tayho')
    bithu = await apiLogin(hub.base, 'bithu')
    // Fresh work for the head, so his notifications are not empty.
    await bithu.post('/tasks', { title: 'Rà soát chốt kiểm soát trên địa bàn', leadUnitId: tayho.user.unitId })
    head = (await signedInPage(browser, hub.base, 'tayho')).context
    secretary = (await signedInPage(browser, hub.base, 'bithu')).context
  })

  it('login', async () => {
    const context = await newContext(browser, hub.base)
    const page = await context.newPage()
    await page.goto('/login')
    await checkScreen(page, page.getByRole('button', { name: 'Đăng nhập' }), false)
    await context.close()
  })

  it('my work, board, notifications and the unit page', async () => {
    const page = await head.newPage()
    await page.goto('/')
    await page.getByTestId('task-card').first().waitFor()
    await checkScreen(page, page.getByTestId('task-card').first())

    await page.goto('/board')
    await checkScreen(page, page.getByRole('button', { name: 'Giao nhiệm vụ' }))
    await page.goto('/board?view=unit')
    await page.getByTestId('unit-chart').waitFor()
    await checkScreen(page, page.getByRole('button', { name: 'Giao nhiệm vụ' }))

    await page.goto('/notifications')
    await checkScreen(page, page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }))

    await page.goto(`/units/${tayho.user.unitId}`)
    await checkScreen(page, page.getByRole('button', { name: 'Mở bảng nhiệm vụ' }))
    await page.close()
  })

  it('a task page, with its cascade', async () => {
    const { tasks } = await tayho.get<{ tasks: { id: string; leadUnitId: string; parentTaskId: string | null }[] }>(
      `/tasks?unitId=${tayho.user.unitId}&limit=300`,
    )
    const task = tasks.find((t) => t.leadUnitId === tayho.user.unitId && t.parentTaskId)!
    const page = await head.newPage()
    await page.goto(`/tasks/${task.id}`)
    await page.getByTestId('cascade-panel').waitFor()
    // A task handed down to wards shows its derived progress (no buttons to set it): the primary action
    // reached by keyboard is handing it down further.
    await checkScreen(page, page.getByRole('button', { name: 'Giao tiếp cho đơn vị trực thuộc' }))
    // The cascade dialog: every field named, focus kept inside.
    await page.getByRole('button', { name: 'Giao tiếp cho đơn vị trực thuộc' }).click()
    await page.getByRole('dialog').waitFor()
    expect(await unnamedControls(page)).toEqual([])
    await page.close()
  })

  it('a directive and a meeting room (as the secretary)', async () => {
    const { directives } = await bithu.get<{ directives: { id: string; status: string }[] }>('/directives?limit=50')
    const directive = directives.find((d) => d.status === 'in_force' || d.status === 'issued') ?? directives[0]!
    const page = await secretary.newPage()
    await page.goto(`/directives/${directive.id}`)
    await page.getByTestId('directive-title').waitFor()
    await checkScreen(page, page.getByRole('link', { name: 'Tải DOCX' }))

    const { meetings } = await bithu.get<{ meetings: { id: string; status: string }[] }>('/meetings')
    const meeting = meetings.find((m) => m.status !== 'concluded') ?? meetings[0]!
    await page.goto(`/meetings/${meeting.id}`)
    await page.getByTestId('meeting-title').waitFor()
    await checkScreen(page, page.getByLabel('Kết luận của chủ trì'))
    await page.close()
  })
})
