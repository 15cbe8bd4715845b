// The demo city as a prepared PGlite data folder: migrated, seeded and given the hub's first pass once (at `npm run build`, or at
// the first start that needs it), kept under node_modules/.cache/hub, and copied into a new data
// folder in a second or two instead of migrating and seeding it (~10 s). (PGlite's own
// dumpDataDir/loadDataDir tarball was measured too: loading it took ~8 s more than copying the folder.)
// The folder is named by a hash of everything it is made from, so a changed migration, seed, password
// or day makes a new one. Real databases (PostgreSQL) still migrate at start and are never seeded so.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '@hub/db'
import { vnDay } from '@hub/domain'

export interface DemoFolderOptions {
  password: string
  tree: 'today' | '2021'
  /** Where prepared folders are kept (default node_modules/.cache/hub at the repository's root). */
  cacheDir?: string
}

const here = dirname(fileURLToPath(import.meta.url))
const repository = resolve(here, '..', '..', '..')
const packageDir = (name: string) => resolve(dirname(fileURLToPath(import.meta.resolve(name))), '..')

/** Every file under `dir` (no tests, no node_modules), in a stable order. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.includes('node_modules') && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort()
}

/**
 * The hub's first pass over the new city, done here once instead of at each first start: the
 * scheduler's jobs as of today (~200 overdue marks, reminders, escalations) and the delivery of their
 * events (notifications). At a start it held the event loop before the first answer, and deferred it
 * flooded the first users' live connections (bench-results/profile.md). A later start on the same day
 * finds it done; the folder's name changes with the day.
 */
async function firstPass(dataDir: string) {
  const [{ startHub }, { defaultSchedulerOptions, Scheduler }, { default: pino }] = await Promise.all([
    import('./hub'),
    import('./services/scheduler'),
    import('pino'),
  ])
  const log = pino({ level: 'warn' })
  const hub = await startHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    services: new Set(['api']),
    seed: 'never',
    demoPassword: '',
    log,
    scheduler: false,
  })
  try {
    const { dbh, units, eventsWritten } = hub.deps
    await new Scheduler(dbh.db, units, log, eventsWritten, defaultSchedulerOptions).runOnce()
    // Twice: the first may join a delivery already under way, the second drains what it left.
    await hub.outbox.kick()
    await hub.outbox.kick()
  } finally {
    await hub.close()
  }
}

/** The folder's name: a hash of the migrations, the seed (and the domain it uses), the services of the first pass, PGlite and the options. */
export function demoFolderKey(opts: DemoFolderOptions): string {
  const h = createHash('sha256')
  const inputs = [
    join(packageDir('@hub/db'), 'drizzle'),
    join(packageDir('@hub/seed'), 'src'),
    join(packageDir('@hub/seed'), 'data'),
    join(packageDir('@hub/domain'), 'src'),
    join(here, 'services'), // the first pass (scheduler, notifications)
  ]
  for (const f of inputs.flatMap(files)) h.update(f.slice(repository.length)).update(readFileSync(f))
  h.update(readFileSync(join(repository, 'node_modules/@electric-sql/pglite/package.json')))
  h.update(JSON.stringify({ password: opts.password, tree: opts.tree, day: vnDay() }))
  return h.digest('hex').slice(0, 24)
}

/**
 * The prepared PGlite folder for these options (to copy as a data folder's `pg`): from the cache, or
 * built now (and cached) when there is none.
 */
export async function demoFolder(opts: DemoFolderOptions): Promise<{ folder: string; built: boolean }> {
  const dir = join(opts.cacheDir ?? join(repository, 'node_modules', '.cache', 'hub'), `demo-${demoFolderKey(opts)}`)
  const folder = join(dir, 'pg')
  if (existsSync(join(folder, 'PG_VERSION'))) return { folder, built: false }
  // Built aside and renamed: two starts building at once never copy half a folder.
  const partial = `${dir}.${process.pid}.partial`
  rmSync(partial, { recursive: true, force: true })
  if (!existsSync(join(folder, 'PG_VERSION'))) rmSync(dir, { recursive: true, force: true }) // left unfinished
  // Folders of other days or inputs (62 MB each) go once they are two days old.
  const cache = dirname(dir)
  if (existsSync(cache))
    for (const old of readdirSync(cache))
      if (old.startsWith('demo-') && statSync(join(cache, old)).mtimeMs < Date.now() - 2 * 86_400_000)
        rmSync(join(cache, old), { recursive: true, force: true })
  // Loaded only to build (a start that copies the folder does not wait for them).
  const [{ hashPassword }, { seedDemo }] = await Promise.all([import('@hub/auth'), import('@hub/seed')])
  const db = await createDb({ dataDir: partial })
  try {
    await seedDemo(db.db, { passwordHash: await hashPassword(opts.password), tree: opts.tree })
  } finally {
    await db.close()
  }
  await firstPass(partial)
  // Another start may have finished first: its folder is kept (someone may be copying it) and ours dropped.
  try {
    if (!existsSync(join(folder, 'PG_VERSION'))) renameSync(partial, dir)
  } catch (e) {
    if (!existsSync(join(folder, 'PG_VERSION'))) throw e
  } finally {
    rmSync(partial, { recursive: true, force: true })
  }
  return { folder, built: true }
}
