// `npm run backup` / `npm run restore` on the embedded database, with real processes: a backup taken
// while the hub runs and edits are live, restored into a new folder, holds every record and every
// document's text; a stopped folder's backup restores to an identical database.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@hub/db'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { api, loginCookie } from '../../apps/api/src/testing/live-hub'
import { openDoc, until } from '../../apps/api/src/testing/ydoc'
import { type HubProcess, reportFaults, root, startHubProcess, stopHub } from './processes'

const scratch = mkdtempSync(join(tmpdir(), 'hub-backup-'))
const original = join(scratch, 'original')
const restored = join(scratch, 'restored')
const copy = join(scratch, 'copy')
let hub: HubProcess | undefined
afterAll(async () => {
  await stopHub(hub)
  rmSync(scratch, { recursive: true, force: true })
})

const npmRun = (script: string, dataDir: string, ...args: string[]) =>
  spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: root,
    env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '', npm_config_update_notifier: 'false' },
    encoding: 'utf8',
    timeout: 300_000,
  })

/** Every public table of a stopped data folder: its row count and a digest of its rows. */
async function tables(dataDir: string): Promise<Record<string, { rows: number; digest: string }>> {
  const dbh = await createDb({ dataDir })
  const query = async <T>(q: SQL) => ((await dbh.db.execute(q)) as unknown as { rows: T[] }).rows
  try {
    const names = await query<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
    )
    const out: Record<string, { rows: number; digest: string }> = {}
    for (const { name } of names) {
      const [r] = await query<{ rows: number; digest: string }>(
        sql`select count(*)::int as rows, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${sql.identifier(name)} x`,
      )
      out[name] = r!
    }
    return out
  } finally {
    await dbh.close()
  }
}

const durable = async (base: string, admin: string) =>
  (await api(base, admin, 'GET', '/api/metrics')).json.collab.durableLatency.count as number

describe('backup and restore of the embedded database', () => {
  it('a backup of the running hub restores every record and document', async () => {
    hub = await startHubProcess({ HUB_DATA_DIR: original })
    const drafter = await loginCookie(hub.base, 'vanphong@demo.local')
    const admin = await loginCookie(hub.base, 'quantri@demo.local')
    // Records and documents written just before the backup, an editor still open on one of them.
    const texts = new Map<string, string>()
    const taskIds: string[] = []
    const units = (await api(hub.base, drafter, 'GET', '/api/units?kind=district')).json.units
    for (let i = 0; i < 3; i++) {
      const d = (await api(hub.base, drafter, 'POST', '/api/directives', { kind: 'KH', title: `sao lưu ${i}` })).json
        .directive
      const doc = await openDoc(hub.base, d.docName, drafter)
      const before = await durable(hub.base, admin)
      const text = `Kế hoạch số ${i}: kiểm tra trước khi sao lưu`
      doc.setParagraphs([text])
      await until(async () => (await durable(hub!.base, admin)) > before, 10_000, 'the edit to be durable')
      texts.set(d.docName, text)
      if (i < 2) doc.close()
      const t = await api(hub.base, drafter, 'POST', '/api/tasks', {
        title: `Việc trước sao lưu ${i}`,
        leadUnitId: units[i].id,
      })
      expect(t.status).toBe(201)
      taskIds.push(t.json.task.id)
    }

    // A hub holds the folder: restore refuses; backup asks the hub.
    const refused = npmRun('restore', original, join(scratch, 'none.tar.gz'))
    expect(refused.status).not.toBe(0)
    const live = npmRun('backup', original, join(scratch, 'live.tar.gz'))
    expect(live.stderr).toBe('')
    expect(live.status).toBe(0)
    expect(live.stdout).toContain('from the running hub')
    await stopHub(hub)

    const r = npmRun('restore', restored, join(scratch, 'live.tar.gz'))
    expect(r.status).toBe(0)
    // Every table is there; every table is identical but those the hub writes by itself on the way
    // down (documents are compacted; the scheduler's lease is let go): their content is checked below.
    const [a, b] = [await tables(original), await tables(restored)]
    expect(Object.keys(b)).toEqual(Object.keys(a))
    const ownWrites = new Set(['y_documents', 'y_updates', 'leases'])
    for (const name of Object.keys(a).filter((n) => !ownWrites.has(n))) expect([name, b[name]]).toEqual([name, a[name]])

    // The restored hub serves the records and every document's text.
    hub = await startHubProcess({ HUB_DATA_DIR: restored, HUB_SEED_DEMO: 'never' })
    const again = await loginCookie(hub.base, 'vanphong@demo.local')
    for (const id of taskIds) expect((await api(hub.base, again, 'GET', `/api/tasks/${id}`)).status).toBe(200)
    for (const [docName, text] of texts) {
      const doc = await openDoc(hub.base, docName, again)
      expect(doc.text()).toBe(text)
      doc.close()
    }
    await stopHub(hub)

    // A stopped folder's backup restores to the very same database, table for table.
    expect(npmRun('backup', original, join(scratch, 'stopped.tar.gz')).status).toBe(0)
    expect(npmRun('restore', copy, join(scratch, 'stopped.tar.gz')).status).toBe(0)
    expect(await tables(copy)).toEqual(a)
    // Restoring over a database keeps the old one aside.
    expect(npmRun('restore', copy, join(scratch, 'live.tar.gz')).status).toBe(0)
    expect(await tables(copy)).toEqual(b)
    expect(readdirSync(copy).filter((n) => n.startsWith('pg.before-restore-'))).toHaveLength(1)

    reportFaults('backup and restore', {
      faults: ['backup while running with an editor open', 'hub stopped', 'restore into a new folder'],
      checked: {
        tables: Object.keys(a).length,
        rows: Object.values(a).reduce((n, t) => n + t.rows, 0),
        documents: texts.size,
        tasks: taskIds.length,
      },
      lost: 0,
    })
  }, 600_000)
})
