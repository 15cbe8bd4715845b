// Chromium for the browser tests: launching it, contexts as a Vietnamese user has them, signing in,
// screenshots and downloads, and the hooks that give a test file one hub and one Chromium.
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { lateBound } from '../../apps/api/src/testing/late-bound'
import { demoEmail, PASSWORD } from './accounts'
import { launchBrowser, newContext, newPhoneContext } from './chromium'
import { type Hub, type HubOptions, startHub } from './hub'

export { demoEmail, PASSWORD }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export { CHROMIUM, DESKTOP, launchBrowser, newContext, newPhoneContext, PHONE } from './chromium'
export const SCREENSHOTS = join(root, 'test', 'artifacts', 'screenshots')

/** Fills in and sends the login form already on screen (for tests of the form itself, wrong passwords included). */
export async function submitLoginForm(page: Page, who: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(/Thư điện tử|Email/).fill(demoEmail(who))
  await page.getByLabel(/Mật khẩu|Password/).fill(password)
  await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click()
}

/** Logs in through the login form, as a person would, and waits to leave the login page. */
export async function login(page: Page, who: string, password = PASSWORD): Promise<void> {
  await page.goto('/login')
  await submitLoginForm(page, who, password)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Logs a context in through the API (faster; the cookie lands in the context). */
export async function loginViaApi(context: BrowserContext, base: string, who: string, password = PASSWORD) {
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { email: demoEmail(who), password },
    headers: { Origin: base },
  })
  if (!res.ok()) throw new Error(`login ${who} failed: ${res.status()} ${await res.text()}`)
  return (await res.json()).user as { id: string; unitId: string | null; fullName: string }
}

/** A fresh context (desktop, or a phone's) signed in through the API as a demo account, and a page in it. */
export async function signedInPage(
  browser: Browser,
  base: string,
  who: string,
  device: 'desktop' | 'phone' | BrowserContextOptions = 'desktop',
): Promise<{ context: BrowserContext; page: Page; user: Awaited<ReturnType<typeof loginViaApi>> }> {
  const context = await (device === 'phone'
    ? newPhoneContext(browser, base)
    : newContext(browser, base, device === 'desktop' ? {} : device))
  const user = await loginViaApi(context, base, who)
  return { context, page: await context.newPage(), user }
}

/**
 * A demo account's task board, open and connected to the live events, with a marker in the page
 * (`window.__sameDocument`) that survives only if the page is never reloaded.
 */
export async function openLiveBoard(browser: Browser, base: string, who: string) {
  const { context, page } = await signedInPage(browser, base, who)
  await page.goto('/board')
  await page.getByTestId('board-columns').waitFor()
  await page.locator('[data-live-state="connected"]').waitFor({ timeout: 20_000 })
  await page.evaluate('window.__sameDocument = true')
  return { context, board: page }
}

/** Saves a full-page screenshot under test/artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Clicks what starts a download and returns the file as the browser saved it. */
export async function download(page: Page, start: () => Promise<void>): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()])
  const path = await file.path()
  return { fileName: file.suggestedFilename(), bytes: readFileSync(path) }
}

/**
 * The usual setup of a browser test file, as hooks: a hub (see startHub) and Chromium, started before
 * the file's tests and closed after them (after the file's own afterAll hooks).
 */
export function useHubAndBrowser(options: HubOptions = {}): { hub: Hub; browser: Browser } {
  const hub = lateBound<Hub>('the hub')
  const browser = lateBound<Browser>('the browser')
  let started: Hub | undefined
  let launched: Browser | undefined
  beforeAll(async () => {
    started = await startHub(options)
    hub.set(started)
    launched = await launchBrowser()
    browser.set(launched)
  })
  afterAll(async () => {
    await launched?.close()
    await started?.stop()
  })
  return { hub: hub.value, browser: browser.value }
}
