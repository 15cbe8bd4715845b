// Opens the hub's database: PostgreSQL (migrated) when DATABASE_URL is set, else the embedded PGlite
// folder, which starts as a copy of the prepared demo city when it is new and would be seeded. Kept
// apart from hub.ts so that main.ts can open the database while the rest of the hub is still loading.
import { createDb, type DbHandle } from '@hub/db'
import type { Logger } from 'pino'
import { demoFolder } from './demo-folder'

export interface DatabaseConfig {
  databaseUrl?: string
  dataDir: string
  seed: 'auto' | 'never' | 'always'
  demoPassword: string
  demoTree?: 'today' | '2021'
  log: Logger
}

/** HUB_DEMO_TREE (see env.ts): 'today' seeds the city through the 2025 reform to today, anything else the 2021 city. */
export function demoTreeOf(config: { demoTree?: 'today' | '2021' }): 'today' | '2021' {
  return config.demoTree ?? (process.env.HUB_DEMO_TREE === 'today' ? 'today' : '2021')
}

/** The database of a hub with this configuration, open and migrated (not seeded: see startHub). */
export function openDatabase(config: DatabaseConfig): Promise<DbHandle> {
  // A new embedded data folder that would be seeded starts as a copy of the prepared demo city (demo-folder.ts).
  const prepared = config.seed !== 'never' && !config.databaseUrl
  return createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    initialFolder: prepared
      ? async () => {
          const started = Date.now()
          const { folder, built } = await demoFolder({ password: config.demoPassword, tree: demoTreeOf(config) })
          config.log.info({ ms: Date.now() - started, built, folder }, 'demo city prepared')
          return folder
        }
      : undefined,
  })
}
