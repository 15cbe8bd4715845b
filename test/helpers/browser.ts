import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { demoEmail, PASSWORD } from './accounts'

export { demoEmail, PASSWORD }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Debian's Chromium, installed by scripts/ensure-chromium.sh; playwright never downloads its own. */
export const CHROMIUM = '/usr/bin/chromium'
export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1366, height: 900 }
export const SCREENSHOTS = join(root, 'test', 'artifacts', 'screenshots')

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser context as a Vietnamese user would have it: vi-VN, Asia/Ho_Chi_Minh. */
export function newContext(
  browser: Browser,
  base: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: base,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: DESKTOP,
    ...options,
  })
}

/** A phone-sized context (390×844, touch). */
export function newPhoneContext(browser: Browser, base: string): Promise<BrowserContext> {
  return newContext(browser, base, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
}

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
