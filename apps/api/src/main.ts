// `npm start`: the hub's process. Opens the database while the rest loads, starts the hub, prints where
// it is served and the demo accounts, answers backup requests, and stops cleanly on SIGTERM or SIGINT.

import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DataDirLockedError } from '@hub/db'
import pino from 'pino'
import { answerBackupRequests } from './backup-requests'
import { openDatabase } from './database'
import { readEnv } from './env'
import type { startHub } from './hub'
import { safeSerializers } from './log-safety'

const here = dirname(fileURLToPath(import.meta.url))

/** The composition root: reads the environment, starts the hub, stops it cleanly on a signal. */
async function main() {
  const env = readEnv()
  const log = pino({ level: env.LOG_LEVEL, base: { service: 'hub' }, serializers: safeSerializers })
  const webDist = resolve(env.WEB_DIST ?? join(here, '..', '..', 'web', 'dist'))
  if (!existsSync(join(webDist, 'index.html'))) log.warn({ webDist }, 'web app not built; run `npm run build`')
  if (!env.PUBLIC_URL)
    log.warn(
      'PUBLIC_URL is not set: writes and websockets are accepted only from http://localhost or an IP address (a host name could be rebound by DNS); set PUBLIC_URL to serve the hub under a name',
    )
  let hub: Awaited<ReturnType<typeof startHub>>
  const config = {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HUB_DATA_DIR,
    port: env.PORT,
    host: env.HOST,
    redisUrl: env.REDIS_URL,
    services: env.SERVICES,
    publicUrl: env.PUBLIC_URL,
    trustProxy: env.TRUST_PROXY,
    seed: env.HUB_SEED_DEMO,
    demoPassword: env.HUB_DEMO_PASSWORD,
    webDist,
    log,
    scheduler: { intervalMs: env.SCHEDULER_INTERVAL_MS },
    metricsToken: env.METRICS_TOKEN,
  }
  try {
    // The database opens (a new folder copied, PGlite started) while the rest of the hub loads.
    const database = openDatabase(config)
    database.catch(() => {}) // awaited and reported by startHub
    const hubModule = await import('./hub').catch(async (e) => {
      await (await database.catch(() => null))?.close()
      throw e
    })
    hub = await hubModule.startHub(config, database)
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`)
      process.exit(2)
    }
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EROFS' || code === 'ENOSPC' || code === 'EACCES') {
      console.error(
        `\nThư mục dữ liệu không ghi được / The data folder ${resolve(env.HUB_DATA_DIR)} cannot be written (${code}); nothing in it was changed. Make it writable or free space, then start again.\n`,
      )
      process.exit(2)
    }
    throw e
  }
  console.log(`\nHệ thống điều phối / Coordination hub: ${hub.url}`)
  console.log(
    `Cơ sở dữ liệu / Database: ${hub.deps.dbh.kind === 'pglite' ? `PGlite (${resolve(env.HUB_DATA_DIR)})` : 'PostgreSQL'}`,
  )
  if (env.HUB_SEED_DEMO !== 'never' && (!env.DATABASE_URL || env.HUB_SEED_DEMO === 'always')) {
    console.log(
      `Tài khoản thử / Demo accounts (mật khẩu / password: ${env.HUB_DEMO_PASSWORD === 'demo1234' ? 'demo1234' : 'HUB_DEMO_PASSWORD'}):`,
    )
    const { demoAccounts } = await import('@hub/seed')
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.position}`)
  }
  console.log('')
  // `npm run backup` asks this process for a consistent copy of its embedded database.
  if (hub.deps.dbh.kind === 'pglite') answerBackupRequests(hub.deps.dbh, env.HUB_DATA_DIR, log)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    // Bounded: a stuck connection must not keep the data folder locked forever.
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    await hub.close()
    clearTimeout(force)
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
