// The web as a phone meets it (issue 18): the gzip size of the JavaScript each main route loads when
// opened on its own, the field path's (login, "Việc của tôi", a task) together, and the time until the
// board is usable in Chromium on a phone profile (4× CPU slowdown, a slow mobile network), cold cache.
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { demoEmail, PASSWORD } from '../helpers/accounts'
import { launchBrowser, newContext, newPhoneContext } from '../helpers/chromium'
import { call, cleanup, login, once, type Row, startProcess, summarise } from './harness'

/** Lighthouse's mobile network (a "slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }

/**
 * Records the same-origin scripts a page loads (the service worker blocked, so its precache is not
 * counted). Their sizes are taken afterwards from the hub: a response's body read in the page is lost
 * when the page navigates on, which counted some of the field path's scripts as 0.
 */
function recordScripts(page: Page, base: string): Set<string> {
  const urls = new Set<string>()
  page.on('request', (r) => {
    const url = r.url()
    if (url.startsWith(base) && /\.m?js(\?|$)/.test(url)) urls.add(url)
  })
  return urls
}

/** Each script's gzip size (level 9, each on its own, as the hub would send them), in KB, by chunk name. */
async function gzipSizes(urls: Set<string>): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  for (const url of urls) {
    const res = await fetch(url)
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    const name = new URL(url).pathname.replace(/^.*\//, '').replace(/-[\w-]{8}\.m?js$|\.m?js$/, '')
    sizes.set(name, (sizes.get(name) ?? 0) + gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length / 1024)
  }
  return sizes
}

const kb = async (urls: Set<string>) => [...(await gzipSizes(urls)).values()].reduce((a, b) => a + b, 0)

/** The largest scripts of a visit, for the note: what makes the figure. */
async function largest(urls: Set<string>, n: number): Promise<string> {
  const sizes = [...(await gzipSizes(urls))].sort((a, b) => b[1] - a[1]).slice(0, n)
  return sizes.map(([name, size]) => `${name} ${size.toFixed(0)}`).join(', ')
}

async function signedIn(browser: Browser, base: string, phone = false): Promise<BrowserContext> {
  const context = phone
    ? await newPhoneContext(browser, base)
    : await newContext(browser, base, { serviceWorkers: 'block' })
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { email: demoEmail('tayho'), password: PASSWORD },
    headers: { Origin: base },
  })
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`)
  return context
}

export async function web(): Promise<Row[]> {
  const hub = await startProcess()
  const browser = await launchBrowser()
  try {
    const cookie = await login(hub.base, demoEmail('tayho'))
    const { tasks } = (await call(hub.base, cookie, 'GET', '/api/tasks?limit=1')).json
    const { directives } = (await call(hub.base, cookie, 'GET', '/api/directives?limit=1')).json
    const taskPath = `/tasks/${tasks[0].id}`
    const routes: [string, string, string][] = [
      ['/login', 'login', 'form'],
      ['/', '"Việc của tôi"', 'main'],
      [taskPath, 'a task', 'main'],
      ['/board', 'the board', '[data-testid="board-columns"]'],
      [`/directives/${directives[0].id}`, 'a directive (editor)', 'main'],
      ['/accountability', 'accountability', 'main'],
    ]
    const rows: Row[] = []
    const one = (bench: string, v: number, unit: string, note: string, target?: string) =>
      once(bench, v, unit, note, target ? { target } : {})
    for (const [path, name, ready] of routes) {
      const context =
        path === '/login'
          ? await newContext(browser, hub.base, { serviceWorkers: 'block' })
          : await signedIn(browser, hub.base)
      const page = await context.newPage()
      const sizes = recordScripts(page, hub.base)
      await page.goto(path, { waitUntil: 'networkidle' })
      await page.locator(ready).first().waitFor()
      rows.push(
        one(
          `web: JavaScript of ${name}, opened alone`,
          await kb(sizes),
          'KB gzip',
          `${sizes.size} scripts; ${path.replace(/[0-9a-f-]{36}/, ':id')}`,
        ),
      )
      await context.close()
    }

    // The field path in one visit: the login form, then "Việc của tôi", then a task.
    {
      const context = await newContext(browser, hub.base, { serviceWorkers: 'block' })
      const page = await context.newPage()
      const sizes = recordScripts(page, hub.base)
      await page.goto('/login', { waitUntil: 'networkidle' })
      await page.getByLabel(/Thư điện tử|Email/).fill(demoEmail('tayho'))
      await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD)
      await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/login'))
      await page.waitForLoadState('networkidle')
      await page.goto(taskPath, { waitUntil: 'networkidle' })
      rows.push(
        one(
          'web: JavaScript of the field path (login → "Việc của tôi" → a task)',
          await kb(sizes),
          'KB gzip',
          `${sizes.size} scripts, all the visit loads; largest (KB gzip): ${await largest(sizes, 5)}`,
          '≤ 150 KB',
        ),
      )
      await context.close()
    }

    // The board on a phone: 4× slower CPU, slow network, nothing cached; from navigation to a task card.
    const usable: number[] = []
    for (let i = 0; i < 3; i++) {
      const context = await signedIn(browser, hub.base, true)
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK)
      const t0 = performance.now()
      await page.goto('/board')
      await page.getByTestId('task-card').first().waitFor({ timeout: 120_000 })
      usable.push(performance.now() - t0)
      await context.close()
    }
    rows.push({
      bench: 'web: board usable on a phone (4× CPU, slow 4G, cold)',
      ...summarise(usable),
      unit: 'ms',
      note: 'Tây Hồ district head; navigation to the first task card; 3 cold runs',
    })
    return rows
  } finally {
    await browser.close()
    await hub.stop()
    cleanup(hub.dataDir)
  }
}
