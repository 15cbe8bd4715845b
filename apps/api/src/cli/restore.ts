// `npm run restore -- <file>`: restores a backup made by `npm run backup` into HUB_DATA_DIR while no
// hub runs on it. The database found there is kept aside (pg.before-restore-<date-time>), never
// deleted. PostgreSQL: use pg_restore.
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DataDirLockedError, embeddedDatabaseDir, lockDataDir, restoreEmbedded } from '@hub/db'
import { readEnv } from '../env'

const { positionals } = parseArgs({ allowPositionals: true })
const env = readEnv()
if (env.DATABASE_URL) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore (see README, Backups).')
  process.exit(2)
}
const file = positionals[0]
if (!file || !existsSync(file)) {
  console.error('Usage: npm run restore -- backups/hub-<date>.tar.gz   (with the hub stopped)')
  process.exit(1)
}
const dataDir = resolve(env.HUB_DATA_DIR)
let release: () => void
try {
  release = lockDataDir(dataDir)
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(`Dừng hệ thống trước / Stop the hub first: ${e.message}`)
    process.exit(2)
  }
  throw e
}
try {
  const pgDir = embeddedDatabaseDir(dataDir)
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    const aside = `${pgDir}.before-restore-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}`
    renameSync(pgDir, aside)
    console.log(`Dữ liệu cũ để riêng / The previous database is kept in ${aside}`)
  }
  const tables = await restoreEmbedded(pgDir, readFileSync(file))
  console.log(`Đã khôi phục / Restored ${resolve(file)} into ${dataDir} (${tables} tables). Start the hub: npm start`)
} finally {
  release()
}
