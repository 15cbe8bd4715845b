// The installable app on a phone in Chromium on a real hub: manifest, icons and service worker served with
// the right types; Chromium finds the app installable and the worker controls the page under the CSP;
// offline, a reload still opens the app shell.

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginViaApi, newPhoneContext, useHubAndBrowser } from '../helpers/browser'

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

/** Content-security-policy violations and errors the page reports. */
function watchProblems(page: Page) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|service ?worker/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(String(e)))
  return problems
}

describe('installable app (PWA) on a phone', () => {
  const { hub, browser } = useHubAndBrowser()
  let context: BrowserContext

  beforeAll(async () => {
    context = await newPhoneContext(browser, hub.base)
  })
  afterAll(async () => {
    await context?.close()
  })

  it('the hub serves a valid manifest, its icons and the service worker with the right types', async () => {
    const manifestRes = await context.request.get('/manifest.webmanifest')
    expect(manifestRes.status()).toBe(200)
    expect(manifestRes.headers()['content-type']).toMatch(/^application\/manifest\+json/)
    const manifest = await manifestRes.json()
    expect(manifest).toMatchObject({
      name: 'Hệ thống điều phối',
      short_name: 'Điều phối',
      start_url: '/',
      display: 'standalone',
      lang: 'vi',
    })
    const sizes = new Set<string>()
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[]) {
      const res = await context.request.get(icon.src)
      expect(res.status(), icon.src).toBe(200)
      expect(res.headers()['content-type']).toBe('image/png')
      expect(pngSize(await res.body()), icon.src).toBe(icon.sizes)
      sizes.add(icon.sizes)
    }
    // Chromium installs with a 192 and a 512 icon; Android masks the maskable one.
    expect([...sizes].sort()).toEqual(['192x192', '512x512'])
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true)

    const sw = await context.request.get('/sw.js')
    expect(sw.status()).toBe(200)
    expect(sw.headers()['content-type']).toMatch(/javascript/)
    const swText = await sw.text()
    // The worker falls back to the app shell for navigations, but never for the API.
    expect(swText).toContain('/index.html')
    expect(swText).toContain('api')

    const html = await (await context.request.get('/')).text()
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/) // no inline script: the CSP allows none
  })

  it('Chromium finds the app installable; the worker registers under the CSP and controls the page', async () => {
    await loginViaApi(context, hub.base, 'quangan')
    const page = await context.newPage()
    const problems = watchProblems(page)
    await page.goto('/')
    await page.getByRole('heading', { level: 1 }).first().waitFor()

    const cdp = await context.newCDPSession(page)
    const { url, errors } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] }
    expect(url).toBe(`${hub.base}/manifest.webmanifest`)
    expect(errors).toEqual([])
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[]
    }
    // Playwright's contexts are incognito-like, which alone keeps Chromium from offering the install;
    // every other check (manifest fields, icons, start URL, display, secure origin) passes.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([])

    const scope = await page.evaluate('navigator.serviceWorker.ready.then((r) => r.scope)')
    expect(scope).toBe(`${hub.base}/`)
    // The first visit is not controlled (no clients.claim: a new worker waits for the user); the next one is.
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await page.evaluate('navigator.serviceWorker.controller?.state')).toBe('activated')
    // The app shell is precached; no API answer is.
    const cached = (await page.evaluate(`(async () => {
      const urls = []
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
      return urls
    })()`)) as string[]
    expect(cached).toContain('/index.html')
    expect(cached.some((u) => u.startsWith('/assets/') && u.endsWith('.js'))).toBe(true)
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })

  it('offline, a reload still opens the app shell from the service worker', async () => {
    const page = await context.newPage()
    const problems = watchProblems(page)
    await page.goto('/')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true)

    await context.setOffline(true)
    try {
      const assets: { url: string; fromSw: boolean; status: number }[] = []
      const failed: string[] = []
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.startsWith('/assets/'))
          assets.push({ url: r.url(), fromSw: r.fromServiceWorker(), status: r.status() })
      })
      page.on('requestfailed', (r) => {
        // The API and the live socket are offline by design; everything else is the shell.
        if (!/^\/(api|socket\.io|collab)\//.test(new URL(r.url()).pathname)) failed.push(r.url())
      })
      const res = await page.reload({ waitUntil: 'load' })
      expect(res?.status()).toBe(200)
      expect(res?.fromServiceWorker()).toBe(true)
      expect(await page.title()).toBe('Hệ thống điều phối')
      // Scripts and styles of the shell came from the worker's cache, none failed.
      expect(assets.length).toBeGreaterThan(3)
      expect(assets.filter((a) => !a.fromSw || a.status !== 200)).toEqual([])
      expect(failed).toEqual([])
      // The app's code ran offline: its own module graph is loaded and React mounted the router.
      await page.waitForFunction(`(document.getElementById('root')?.childElementCount ?? 0) > 0`)
    } finally {
      await context.setOffline(false)
    }
    expect(problems.filter((p) => /Content Security Policy/.test(p))).toEqual([])
    await page.close()
  })
})
