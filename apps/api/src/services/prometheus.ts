// The hub's metrics: one Prometheus registry per hub (HTTP requests, event delivery lag, the collab
// server, live connections, scheduler, database and outbox backlog), served at /metrics and, in
// part, as JSON at /api/metrics.

import { type Histogram as CollabHistogram, type CollabMetrics, createMetrics, LATENCY_BUCKETS_MS } from '@hub/collab'
import { type DbOrTx, type DbStats, schema } from '@hub/db'
import { count, isNull, min } from 'drizzle-orm'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { DomainEvent, EventHandler } from './outbox'

/** Latency buckets (seconds) for HTTP requests and event delivery: 5 ms to 10 s. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10]

/** What a process can be asked for at scrape time; every part is optional (SERVICES may leave some out). */
export interface MetricSources {
  collab?: { metrics: CollabMetrics } | null
  /** socket.io connections of this process. */
  liveConnections?: () => number
  scheduler?: { stats: { runs: number; leader: boolean } } | null
  throttle?: { refusals: number }
  /** Pool (PostgreSQL) or in-flight queries (PGlite). */
  dbStats?: () => DbStats
  /** Events written but not delivered yet, and the age of the oldest (database-wide, shared by every process). */
  outboxBacklog?: () => Promise<OutboxBacklog>
}

/**
 * The process's Prometheus registry (one per hub, so several hubs in one test process do not mix):
 * HTTP requests observed by the request-log middleware, delivery lag observed by an outbox handler,
 * everything else read from its owner at scrape time by collect callbacks.
 */
export class HubMetrics {
  readonly registry = new Registry()
  private sources: MetricSources = {}
  readonly httpRequests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  })
  readonly httpDuration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  })
  readonly deliveryLag = new Histogram({
    name: 'hub_outbox_delivery_lag_seconds',
    help: 'From a domain event being written to its delivery (socket emits, notifications)',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  })

  /** `token`: the bearer token /metrics requires (METRICS_TOKEN); null leaves /metrics off. */
  constructor(readonly token: string | null) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 })
    const src = () => this.sources
    new Gauge({
      name: 'hub_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients); PGlite reports none',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const s = src().dbStats?.()
        if (s?.kind !== 'postgres') return
        this.set({ state: 'total' }, s.total)
        this.set({ state: 'idle' }, s.idle)
        this.set({ state: 'waiting' }, s.waiting)
      },
    })
    new Gauge({
      name: 'hub_db_queries_in_flight',
      help: 'Queries and transactions started and not finished (PGlite: its queue on the one connection)',
      registers: [this.registry],
      collect() {
        const s = src().dbStats?.()
        if (s) this.set(s.inFlight)
      },
    })
    // One query a scrape for both gauges: the first collect reads, the second uses what it read.
    // A database that does not answer must not fail the whole scrape (readiness reports it).
    let backlog: Promise<OutboxBacklog | null> | null = null
    const readBacklog = () => {
      const f = src().outboxBacklog
      if (!f) return null
      backlog ??= f()
        .catch(() => null)
        .finally(() => setTimeout(() => (backlog = null), 0).unref())
      return backlog
    }
    new Gauge({
      name: 'hub_outbox_backlog',
      help: 'Domain events written and not yet delivered',
      registers: [this.registry],
      async collect() {
        const b = await readBacklog()
        if (b) this.set(b.pending)
      },
    })
    new Gauge({
      name: 'hub_outbox_oldest_undelivered_seconds',
      help: 'Age of the oldest undelivered domain event (0 when none); grows while delivery is stuck',
      registers: [this.registry],
      async collect() {
        const b = await readBacklog()
        if (b) this.set(b.oldestSeconds)
      },
    })
    new Gauge({
      name: 'hub_live_connections',
      help: 'socket.io connections to this process',
      registers: [this.registry],
      collect() {
        const f = src().liveConnections
        if (f) this.set(f())
      },
    })
    new Counter({
      name: 'hub_scheduler_runs_total',
      help: 'Scheduler ticks this process ran as the leader',
      registers: [this.registry],
      collect() {
        const s = src().scheduler
        if (s) setCounter(this, s.stats.runs)
      },
    })
    new Gauge({
      name: 'hub_scheduler_leader',
      help: '1 while this process holds the scheduler lease',
      registers: [this.registry],
      collect() {
        const s = src().scheduler
        this.set(s?.stats.leader ? 1 : 0)
      },
    })
    new Counter({
      name: 'hub_login_throttle_refusals_total',
      help: 'Login attempts refused by the throttle (429) in this process',
      registers: [this.registry],
      collect() {
        const t = src().throttle
        if (t) setCounter(this, t.refusals)
      },
    })
    this.registerCollab()
  }

  /** Tells the registry where to read at scrape time (called once the hub's parts exist). */
  bind(sources: MetricSources) {
    this.sources = { ...this.sources, ...sources }
  }

  /** Records one answered HTTP request. `route` is the matched pattern, never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number) {
    const labels = { method, route, status: String(status) }
    this.httpRequests.inc(labels)
    this.httpDuration.observe(labels, seconds)
  }

  /**
   * An outbox handler that observes how long each delivered event waited, after its batch commits
   * (a batch rolled back and retried is counted once); it changes nothing.
   */
  deliveryObserver(): EventHandler {
    return async (events: DomainEvent[]) => () => {
      const now = Date.now()
      for (const e of events) this.deliveryLag.observe(Math.max(0, now - e.createdAt.getTime()) / 1000)
    }
  }

  /** The numbers the JSON /api/metrics shares with /metrics (read from the same sources). */
  snapshot() {
    const { liveConnections, scheduler } = this.sources
    return {
      live: liveConnections ? { connections: liveConnections() } : null,
      scheduler: scheduler ? { ...scheduler.stats } : null,
    }
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics()
  }

  get contentType(): string {
    return this.registry.contentType
  }

  /**
   * The collab server keeps plain counters and ms histograms (its own JSON); they are exposed as
   * Prometheus families without touching the collab code: numbers as gauges or counters, every
   * Histogram-shaped field (flush, durability, and fan-out lag when it keeps one) as a histogram.
   */
  private registerCollab() {
    const collab = () => this.sources.collab?.metrics
    const gauges = new Set(['openDocuments', 'connections'])
    // Every number the collab server keeps, so a counter it adds is exported without a change here.
    const fields = Object.entries(createMetrics())
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k as keyof CollabMetrics)
    for (const field of fields) {
      const isGauge = gauges.has(field)
      const name =
        field === 'openDocuments'
          ? 'hub_collab_documents_open'
          : `hub_collab_${snake(field).replace(/_total$/, '')}${isGauge ? '' : '_total'}`
      const help = `Collaboration server: ${field}`
      const read = () => collab()?.[field]
      if (isGauge)
        new Gauge({
          name,
          help,
          registers: [this.registry],
          collect() {
            const v = read()
            if (typeof v === 'number') this.set(v)
          },
        })
      else
        new Counter({
          name,
          help,
          registers: [this.registry],
          collect() {
            const v = read()
            if (typeof v === 'number') setCounter(this, v)
          },
        })
    }
    new Counter({
      name: 'hub_collab_refused_total',
      help: 'Collaboration upgrades refused, by HTTP status',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect() {
        this.reset()
        for (const [status, n] of Object.entries(collab()?.refused ?? {})) this.inc({ status }, n)
      },
    })
    const histograms: [string, string, string][] = [
      ['flushLatency', 'hub_collab_flush_seconds', 'Time of one update-log write'],
      [
        'durableLatency',
        'hub_collab_durability_lag_seconds',
        'From an update reaching the server to its log write being committed',
      ],
      ['fanoutLatency', 'hub_collab_fanout_lag_seconds', 'From an update reaching the server to its fan-out'],
    ]
    for (const [field, name, help] of histograms) {
      this.registry.registerMetric(
        collabHistogram(name, help, () => {
          const h = (collab() as unknown as Record<string, unknown> | undefined)?.[field]
          return isCollabHistogram(h) ? h : null
        }) as never,
      )
    }
  }
}

/** Counters read from elsewhere: the owner's number is the value. */
function setCounter(c: Counter, value: number) {
  c.reset()
  c.inc(value)
}

const snake = (s: string) => s.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)

function isCollabHistogram(h: unknown): h is CollabHistogram {
  return typeof h === 'object' && h !== null && Array.isArray((h as CollabHistogram).buckets)
}

/**
 * A histogram family built at scrape time from a collab ms histogram (per-bucket counts) into
 * Prometheus' cumulative buckets in seconds; nothing when the collab server does not keep it.
 */
function collabHistogram(name: string, help: string, read: () => CollabHistogram | null) {
  return {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: async () => {
      const h = read()
      const values: { metricName: string; labels: Record<string, string | number>; value: number }[] = []
      if (h) {
        let cumulative = 0
        h.buckets.forEach((n, i) => {
          cumulative += n
          values.push({
            metricName: `${name}_bucket`,
            labels: { le: (LATENCY_BUCKETS_MS[i] ?? 0) / 1000 },
            value: cumulative,
          })
        })
        values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf' }, value: h.count })
        values.push({ metricName: `${name}_sum`, labels: {}, value: h.sumMs / 1000 })
        values.push({ metricName: `${name}_count`, labels: {}, value: h.count })
      }
      return { name, help, type: 'histogram', aggregator: 'sum', values }
    },
  }
}

export interface OutboxBacklog {
  pending: number
  oldestSeconds: number
}

/** Undelivered domain events and the age of the oldest, for the backlog gauges and the JSON metrics. */
export async function outboxBacklog(db: DbOrTx): Promise<OutboxBacklog> {
  const [row] = await db
    .select({ n: count(), oldest: min(schema.domainEvents.createdAt) })
    .from(schema.domainEvents)
    .where(isNull(schema.domainEvents.deliveredAt))
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null
  return { pending: Number(row?.n ?? 0), oldestSeconds: oldest ? Math.max(0, (Date.now() - oldest) / 1000) : 0 }
}
