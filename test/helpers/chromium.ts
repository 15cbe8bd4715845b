// Chromium as the tests and benchmarks launch it (Debian's, never a download), and fresh contexts as a
// Vietnamese user has them; no test runner in here, so the benchmarks use it too.
import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core'

/** Debian's Chromium, installed by scripts/ensure-chromium.sh; playwright never downloads its own. */
export const CHROMIUM = '/usr/bin/chromium'
export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1366, height: 900 }

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
