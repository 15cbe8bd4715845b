// The whole hub in one process, started and stopped together: database, HTTP app, live events, the
// event outbox and its handlers, the scheduler and the collab socket, as SERVICES asks. Started by
// main.ts and by the tests that need a running hub.

import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { createAdaptorServer } from '@hono/node-server'
import { hashPassword, isOwnOrigin, LoginThrottle } from '@hub/auth'
import {
  type CollabServer,
  type CollabServerOptions,
  createCollabServer,
  createRemoteDocuments,
  documentAccess,
  sessionAuthenticator,
} from '@hub/collab'
import type { DbHandle } from '@hub/db'
import { isEmpty, seedDemo } from '@hub/seed'
import type { Logger } from 'pino'
import { createApp } from './app'
import type { Deps } from './context'
import { demoTreeOf, openDatabase } from './database'
import { liveHandler } from './live/event-rooms'
import { createLiveServer, type LiveServer } from './live/socket-server'
import { DiskGuard } from './middleware/disk-guard'
import { initialContentFor } from './services/document-text'
import { modelNotificationHandler } from './services/model-discussion'
import { notificationHandler } from './services/notifications'
import { Outbox } from './services/outbox'
import { HubMetrics, outboxBacklog } from './services/prometheus'
import { defaultSchedulerOptions, Scheduler, type SchedulerOptions } from './services/scheduler'
import { UnitDirectory } from './services/unit-directory'

export interface HubConfig {
  databaseUrl?: string
  dataDir: string
  port: number
  host?: string
  redisUrl?: string
  services: Set<string>
  publicUrl?: string
  /** Behind our own proxy: trust the last X-Forwarded-For entry. */
  trustProxy?: boolean
  /** auto: seed an empty embedded database; always: seed any empty database; never. */
  seed: 'auto' | 'never' | 'always'
  demoPassword: string
  /** The demo city through the 2025 reform to today (default), or the 2021 city alone. */
  demoTree?: 'today' | '2021'
  webDist?: string
  log: Logger
  scheduler?: Partial<SchedulerOptions> | false
  /** Bearer token for GET /metrics (Prometheus); without one /metrics is off. */
  metricsToken?: string
  /** Overrides of the collaboration server's options (tests shorten its timers). */
  collab?: Partial<
    Pick<CollabServerOptions, 'flushIntervalMs' | 'unloadAfterMs' | 'maxFrameBytes' | 'compactAfterUpdates'>
  >
}

export interface RunningHub {
  server: Server
  collab: CollabServer | null
  url: string
  deps: Deps
  live: LiveServer | null
  outbox: Outbox
  scheduler: Scheduler | null
  seeded: boolean
  close(): Promise<void>
}

/**
 * Starts the whole hub in this process: database (migrated, seeded when asked), HTTP API, live
 * events, scheduler, and the upgrade handlers given (collab). `database`: the database already being
 * opened (openDatabase) by a caller that loaded this module meanwhile.
 */
export async function startHub(config: HubConfig, database?: Promise<DbHandle>): Promise<RunningHub> {
  const dbh = await (database ?? openDatabase(config))
  try {
    return await startOn(dbh, config)
  } catch (e) {
    await dbh.close()
    throw e
  }
}

async function startOn(dbh: DbHandle, config: HubConfig): Promise<RunningHub> {
  const { log } = config
  const shouldSeed = config.seed === 'always' || (config.seed === 'auto' && !config.databaseUrl)
  let seeded = false
  if (shouldSeed && (await isEmpty(dbh.db))) {
    const started = Date.now()
    await seedDemo(dbh.db, {
      passwordHash: await hashPassword(config.demoPassword),
      tree: demoTreeOf(config),
    })
    seeded = true
    log.info({ ms: Date.now() - started }, 'demo city seeded')
  }
  const units = new UnitDirectory(dbh.db)
  await units.reload()
  const outbox = new Outbox(dbh.db, log)
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null
  const metrics = new HubMetrics(config.metricsToken ?? null)
  let live: LiveServer | null = null
  let collabRef: CollabServer | null = null
  const deps: Deps = {
    dbh,
    units,
    log,
    eventsWritten: () => void outbox.kick(),
    sessionsEnded: (ended) => {
      live?.endSessions(ended)
      if (!('sessionId' in ended)) collabRef?.reauthorizeUser(ended.userId)
    },
    publicOrigin,
    trustProxy: config.trustProxy ?? false,
    throttle: new LoginThrottle(dbh.db),
    metrics,
    secureCookies: publicOrigin?.startsWith('https:') ?? false,
    diskGuard: dbh.kind === 'pglite' ? new DiskGuard(config.dataDir) : undefined,
    health: async () => {
      let database = 'ok'
      try {
        await dbh.ping()
      } catch {
        database = 'down'
      }
      let redis = 'disabled'
      if (live && config.redisUrl) {
        try {
          await live.ping()
          redis = 'ok'
        } catch {
          redis = 'down'
        }
      }
      const checks: Record<string, string> = {
        database,
        databaseEngine: dbh.kind === 'pglite' ? 'pglite (embedded PostgreSQL)' : 'postgresql',
        redis,
      }
      // Reads still answer on a full disk, so this does not make the process unready.
      if (deps.diskGuard) checks.disk = deps.diskGuard.state === 'low' ? 'full: writes paused' : 'ok'
      return checks
    },
  }
  const collab = config.services.has('collab')
    ? createCollabServer({
        db: dbh.db,
        authenticate: sessionAuthenticator(dbh.db),
        authorize: (user, docName) => documentAccess(dbh.db, units.tree, user, docName),
        initialContent: (docName) => initialContentFor(dbh.db, docName),
        log: log.child({ service: 'collab' }),
        allowedOrigin: (origin, host) => isOwnOrigin(origin, host, publicOrigin),
        redis: config.redisUrl ? { url: config.redisUrl } : undefined,
        ...config.collab,
      })
    : null
  collabRef = collab
  // An API-only process reaches the documents through the collab processes (freezes over Redis).
  const remoteDocs =
    !collab && config.redisUrl
      ? createRemoteDocuments({ db: dbh.db, redisUrl: config.redisUrl, log: log.child({ service: 'collab' }) })
      : null
  deps.documents = collab?.store ?? remoteDocs?.store
  const app = createApp(deps, { webDist: config.webDist, collab: collab ?? undefined, services: config.services })
  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  if (config.services.has('api')) {
    live = createLiveServer(server, deps, { redisUrl: config.redisUrl })
    const l = live
    outbox.on(
      liveHandler(
        (m) => l.emit(m),
        () => units.tree,
      ),
    )
    outbox.on(notificationHandler((userId, n) => l.toUser(userId, 'notification', { notification: n })))
    outbox.on(modelNotificationHandler((userId, n) => l.toUser(userId, 'notification', { notification: n })))
  }
  const documentEditors = collab ?? remoteDocs
  if (documentEditors) {
    // A directive whose status changes may change who may write its text (issued text is frozen).
    outbox.on(async (events) => {
      const ids = events
        .filter((e) => e.type === 'directive.updated' && (e.payload as { statusChanged?: boolean }).statusChanged)
        .map((e) => (e.payload as { directive: { id: string } }).directive.id)
      if (!ids.length) return undefined
      return () => {
        for (const id of new Set(ids)) documentEditors.reauthorize(`directive:${id}`)
      }
    })
  }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (path.startsWith('/socket.io/') && live) return // socket.io's own listener takes it
    if (collab && path.startsWith(collab.path)) return collab.handleUpgrade(req, socket, head)
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  outbox.on(metrics.deliveryObserver())
  outbox.start()
  const scheduler =
    config.scheduler === false || !config.services.has('api')
      ? null
      : new Scheduler(dbh.db, units, log, deps.eventsWritten, { ...defaultSchedulerOptions, ...config.scheduler })
  metrics.bind({
    collab,
    scheduler,
    throttle: deps.throttle,
    dbStats: () => dbh.stats(),
    outboxBacklog: () => outboxBacklog(dbh.db),
    liveConnections: live ? () => (live as LiveServer).io.engine.clientsCount : undefined,
  })
  await new Promise<void>((res, rej) => {
    server.once('error', rej)
    server.listen(config.port, config.host ?? '0.0.0.0', () => res())
  })
  const address = server.address()
  // The periodic jobs start once the hub listens. Their first pass over a new demo city (~200 events:
  // overdue marks, reminders) is best done at once: deferred by a few seconds (tried), it lands on the
  // first user's first pages and floods their live connections (bench-results/profile.md).
  scheduler?.start()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = publicOrigin ?? `http://localhost:${port}`
  void outbox.kick()

  let closing: Promise<void> | null = null
  return {
    server,
    collab,
    url,
    deps,
    live,
    outbox,
    scheduler,
    seeded,
    close: () =>
      (closing ??= (async () => {
        // Stop taking work, finish what is in flight, then let go of the database.
        server.close()
        await scheduler?.stop()
        await collab?.close()
        await remoteDocs?.close()
        await live?.close()
        server.closeAllConnections()
        await outbox.stop()
        await dbh.close()
      })()),
  }
}
