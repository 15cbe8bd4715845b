import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAdaptorServer } from '@hono/node-server'
import { hashPassword } from '@hub/auth'
import { createDb, DataDirLockedError, demoAccounts, isEmpty, seedDemo } from '@hub/db'
import pino from 'pino'
import { createApp } from './app'
import type { Deps } from './context'
import { readEnv } from './env'
import { Outbox } from './services/outbox'
import { UnitDirectory } from './services/unit-directory'

const here = dirname(fileURLToPath(import.meta.url))

/** The composition root: reads config, opens the database, seeds a demo city, serves everything. */
async function main() {
  const env = readEnv()
  const log = pino({ level: env.LOG_LEVEL, base: { service: 'hub' } })
  let dbh: Awaited<ReturnType<typeof createDb>>
  try {
    dbh = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.HUB_DATA_DIR })
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
  const shouldSeed = env.HUB_SEED_DEMO === 'always' || (env.HUB_SEED_DEMO === 'auto' && !env.DATABASE_URL)
  if (shouldSeed && (await isEmpty(dbh.db))) {
    const started = Date.now()
    await seedDemo(dbh.db, { passwordHash: await hashPassword(env.HUB_DEMO_PASSWORD) })
    log.info({ ms: Date.now() - started }, 'demo city seeded')
  }
  const units = new UnitDirectory(dbh.db)
  await units.reload()
  const outbox = new Outbox(dbh.db, log)
  outbox.start()

  const publicOrigin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null
  const deps: Deps = {
    dbh,
    units,
    log,
    eventsWritten: () => void outbox.kick(),
    publicOrigin,
    secureCookies: publicOrigin?.startsWith('https:') ?? false,
    health: async () => {
      let database = 'ok'
      try {
        await dbh.ping()
      } catch {
        database = 'down'
      }
      return {
        database,
        databaseKind: dbh.kind === 'pglite' ? 'ok' : 'ok',
        redis: env.REDIS_URL ? 'unknown' : 'disabled',
      }
    },
  }
  const webDist = resolve(env.WEB_DIST ?? join(here, '..', '..', 'web', 'dist'))
  if (!existsSync(join(webDist, 'index.html'))) log.warn({ webDist }, 'web app not built; run `npm run build`')
  const app = createApp(deps, { webDist })
  const server = createAdaptorServer({ fetch: app.fetch })
  await new Promise<void>((res) => server.listen(env.PORT, env.HOST, res))
  const url = publicOrigin ?? `http://localhost:${env.PORT}`
  console.log(`\nHệ thống điều phối / Coordination hub: ${url}`)
  console.log(
    `Cơ sở dữ liệu / Database: ${dbh.kind === 'pglite' ? `PGlite (${resolve(env.HUB_DATA_DIR)})` : 'PostgreSQL'}`,
  )
  if (shouldSeed) {
    console.log(
      `Tài khoản thử / Demo accounts (mật khẩu / password: ${env.HUB_DEMO_PASSWORD === 'demo1234' ? 'demo1234' : 'HUB_DEMO_PASSWORD'}):`,
    )
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.position}`)
  }
  console.log('')

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
    server.close()
    if ('closeAllConnections' in server) (server as unknown as { closeAllConnections(): void }).closeAllConnections()
    await outbox.stop()
    await dbh.close()
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
