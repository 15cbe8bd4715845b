// The command-line tools as an operator runs them (real processes on a PGlite folder): create-admin makes one
// administrator over the real unit directory with no demo data and refuses a weak password or a second use of
// the address; seed refuses a database that is not empty.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createDb, schema } from '@hub/db'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', `apps/api/src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, HUB_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  })

describe('command-line tools', () => {
  it('create-admin makes a real administrator on an empty database with the unit directory but no demo data', () => {
    const weak = run('create-admin', ['--email', 'Admin@Hanoi.vn', '--name', 'Nguyễn Quản Trị'], {
      HUB_ADMIN_PASSWORD: 'short',
    })
    expect(weak.status).not.toBe(0)
    const ok = run('create-admin', ['--email', 'Admin@Hanoi.vn', '--name', 'Nguyễn Quản Trị'], {
      HUB_ADMIN_PASSWORD: 'a-strong-password-2021',
    })
    expect(ok.status, ok.stderr).toBe(0)
    const again = run('create-admin', ['--email', 'admin@hanoi.vn', '--name', 'X'], {
      HUB_ADMIN_PASSWORD: 'a-strong-password-2021',
    })
    expect(again.status).not.toBe(0)
  })

  it('left no demo accounts or work, and seed refuses a non-empty database', async () => {
    const seed = run('seed', [])
    expect(seed.stdout).toContain('not empty')
    const dbh = await createDb({ dataDir })
    try {
      const [admin] = await dbh.db.select().from(schema.users).where(eq(schema.users.email, 'admin@hanoi.vn'))
      expect(admin).toBeTruthy()
      expect((await dbh.db.select({ n: count() }).from(schema.users))[0]!.n).toBe(1)
      expect((await dbh.db.select({ n: count() }).from(schema.tasks))[0]!.n).toBe(0)
      // The real directory through Hà Nội's 2025 reform: the 579 communes of 2021 closed on
      // 30/06/2025, the 126 communes and wards in force since 01/07/2025.
      const communes = (day: 'validTo' | 'validFrom', on: string) =>
        dbh.db
          .select({ n: count() })
          .from(schema.units)
          .where(and(eq(schema.units.kind, 'commune'), eq(schema.units[day], on)))
      expect((await communes('validTo', '2025-06-30'))[0]!.n).toBe(579)
      expect((await communes('validFrom', '2025-07-01'))[0]!.n).toBe(126)
      const [m] = await dbh.db.select().from(schema.memberships).where(eq(schema.memberships.userId, admin!.id))
      expect(m!.role).toBe('admin')
    } finally {
      await dbh.close()
    }
  })
})
