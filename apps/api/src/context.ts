// What the API's routes, middleware and live layer are given: the process's dependencies (Deps, built by
// hub.ts or by the test harness) and the per-request variables of the Hono context (AppEnv).

import type { CurrentUser, LoginThrottle, Session } from '@hub/auth'
import type { DbHandle } from '@hub/db'
import type { Logger } from 'pino'
import type { DiskGuard } from './middleware/disk-guard'
import type { DocumentSource } from './services/document-text'
import type { HubMetrics } from './services/prometheus'
import type { UnitDirectory } from './services/unit-directory'

/** What every route can reach: the database, the unit directory, the logger, the outbox kick. */
export interface Deps {
  dbh: DbHandle
  units: UnitDirectory
  log: Logger
  /** Called after a transaction that wrote domain events commits, so delivery starts at once. */
  eventsWritten: () => void
  /**
   * Sessions have ended (logout, logout everywhere, password change): their live connections close.
   * `keepSession` stays connected (the session that changed the password).
   */
  sessionsEnded: (ended: { sessionId: string } | { userId: string; keepSession?: string }) => void
  /** The hub's public origin, if configured (https://hub.example.vn). */
  publicOrigin: string | null
  /** Behind our own reverse proxy: the last X-Forwarded-For entry is the client's address. */
  trustProxy: boolean
  /** Send the cookie with Secure (behind HTTPS). */
  secureCookies: boolean
  health: () => Promise<Record<string, string>>
  /** Login throttling (counters in the database, shared by every process). */
  throttle: LoginThrottle
  /** The process's Prometheus registry (absent in tests that build Deps by hand). */
  metrics?: HubMetrics
  /** The embedded database's disk watch (absent on PostgreSQL, whose disk is the server's). */
  diskGuard?: DiskGuard
  /** The collab server's document store when collab runs in this process (see documentsOf). */
  documents?: DocumentSource
}

export type AppEnv = {
  Variables: {
    user: CurrentUser | null
    session: Session | null
    requestId: string
  }
}
