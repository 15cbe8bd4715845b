// The prepared demo city: named by its inputs, built once, copied into a new data folder only.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, schema } from '@hub/db'
import { count } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { demoFolder, demoFolderKey } from './demo-folder'

const scratch = mkdtempSync(join(tmpdir(), 'hub-demo-folder-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('prepared demo city', () => {
  it('is named by its inputs: another password or tree is another folder', () => {
    const key = demoFolderKey({ password: 'demo1234', tree: 'today' })
    expect(demoFolderKey({ password: 'demo1234', tree: 'today' })).toBe(key)
    expect(demoFolderKey({ password: 'other-pass', tree: 'today' })).not.toBe(key)
    expect(demoFolderKey({ password: 'demo1234', tree: '2021' })).not.toBe(key)
  })

  it('is built once, then copied into a new data folder and never over an existing one', async () => {
    const opts = { password: 'demo1234', tree: '2021' as const, cacheDir: join(scratch, 'cache') }
    const first = await demoFolder(opts)
    expect(first.built).toBe(true)
    const again = await demoFolder(opts)
    expect(again).toEqual({ folder: first.folder, built: false })
    let asked = 0
    const initialFolder = async () => {
      asked++
      return first.folder
    }
    const dataDir = join(scratch, 'data')
    const h = await createDb({ dataDir, initialFolder })
    const [users] = await h.db.select({ n: count() }).from(schema.users)
    const [units] = await h.db.select({ n: count() }).from(schema.units)
    expect(users!.n).toBeGreaterThan(0)
    expect(units!.n).toBeGreaterThan(600)
    await h.close()
    const reopened = await createDb({ dataDir, initialFolder })
    await reopened.close()
    expect(asked).toBe(1)
  })
})
