// `npm run backup -- [file]`: a consistent copy of the embedded database (PGlite) in HUB_DATA_DIR,
// as a gzipped tar (default backups/hub-<date-time>.tar.gz). A running hub writes it through its own
// connection (asked with SIGUSR2); a stopped folder is copied directly. PostgreSQL: use pg_dump.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DataDirLockedError, dumpStoppedFolder } from '@hub/db'
import { requestBackup } from '../backup-requests'
import { readEnv } from '../env'

const { positionals } = parseArgs({ allowPositionals: true })
const env = readEnv()
if (env.DATABASE_URL) {
  console.error(
    'DATABASE_URL is set: back PostgreSQL up with pg_dump -Fc (see README, Backups). / Dùng pg_dump cho PostgreSQL.',
  )
  process.exit(2)
}
const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-')
const file = resolve(positionals[0] ?? `backups/hub-${stamp}.tar.gz`)
mkdirSync(dirname(file), { recursive: true })
let bytes: number
let from: string
try {
  const dump = await dumpStoppedFolder(env.HUB_DATA_DIR)
  writeFileSync(file, dump)
  bytes = dump.length
  from = 'the stopped data folder'
} catch (e) {
  if (!(e instanceof DataDirLockedError)) {
    console.error((e as Error).message)
    process.exit(1)
  }
  bytes = await requestBackup(env.HUB_DATA_DIR, e.holderPid, file)
  from = `the running hub (process ${e.holderPid})`
}
console.log(`Đã sao lưu / Backed up ${resolve(env.HUB_DATA_DIR)} from ${from}: ${file} (${bytes} bytes)`)
