// The query cache the web app keeps in IndexedDB (offline/persist.ts), read from a test's page: what a
// phone would show without a connection.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The kept query cache as stored in IndexedDB (empty until the app has written it). */
export const readKept = `(async () => {
  // Never open the database before the app created it (an empty one would lack its store).
  if (!(await indexedDB.databases()).some((d) => d.name === 'hub-query-cache')) return ''
  return await new Promise((resolve) => {
    const open = indexedDB.open('hub-query-cache')
    open.onsuccess = () => {
      const get = open.result.transaction('queries').objectStore('queries').get('hub.queries')
      get.onsuccess = () => { open.result.close(); resolve(String(get.result ?? '')) }
      get.onerror = () => resolve('')
    }
    open.onerror = () => resolve('')
  })
})()`

/** The keys of the queries kept in IndexedDB. */
export async function keptKeys(page: Page): Promise<string[]> {
  const s = (await page.evaluate(readKept)) as string
  if (!s) return []
  return (JSON.parse(s).clientState.queries as { queryKey: unknown[] }[]).map((q) => JSON.stringify(q.queryKey))
}

/** Resolves once a kept query's key (as JSON) starts with this prefix (the cache is written at most once a second). */
export async function waitForKept(page: Page, prefix: string) {
  await expect
    .poll(async () => (await keptKeys(page)).some((k) => k.startsWith(prefix)), { timeout: 15_000 })
    .toBe(true)
}
