/** Upper bounds (ms) of the latency buckets; the last bucket counts everything slower. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 200, 500, 1000, 5000] as const

/** A latency histogram: bucket i counts samples <= LATENCY_BUCKETS_MS[i]; `overflow` the rest. */
export interface Histogram {
  count: number
  sumMs: number
  maxMs: number
  buckets: number[]
  overflow: number
}

export function createHistogram(): Histogram {
  return { count: 0, sumMs: 0, maxMs: 0, buckets: LATENCY_BUCKETS_MS.map(() => 0), overflow: 0 }
}

export function observe(h: Histogram, ms: number): void {
  h.count++
  h.sumMs += ms
  if (ms > h.maxMs) h.maxMs = ms
  const i = LATENCY_BUCKETS_MS.findIndex((b) => ms <= b)
  if (i < 0) h.overflow++
  else h.buckets[i]!++
}

/** The share of samples at or under `ms` (a bucket bound), e.g. how many edits were durable within 200 ms. */
export function shareWithin(h: Histogram, ms: (typeof LATENCY_BUCKETS_MS)[number]): number {
  if (h.count === 0) return 1
  const upto = LATENCY_BUCKETS_MS.indexOf(ms)
  let n = 0
  for (let i = 0; i <= upto; i++) n += h.buckets[i]!
  return n / h.count
}

/**
 * Counters of one collab server, a plain object so that /api/metrics can return it as JSON. Gauges
 * (`openDocuments`, `connections`) go up and down; everything else only grows.
 */
export interface CollabMetrics {
  /** Documents held in memory now. */
  openDocuments: number
  /** Websocket connections open now. */
  connections: number
  connectionsTotal: number
  /** Upgrades refused, by HTTP status. */
  refused: Record<string, number>
  /** Document loads from the database (a concurrent open shares one load). */
  loads: number
  unloads: number
  /** Unloads called off because someone opened the document while it was being written out. */
  unloadsCancelled: number
  /** Documents created on first open (with their initial content). */
  created: number
  /** Document updates received from clients and applied. */
  updatesIn: number
  /** Updates from read-only connections, dropped. */
  updatesDropped: number
  /** Messages over a connection's rate (presence dropped; updates close the connection with 4429). */
  rateLimited: number
  /** Updates refused because the document reached its size limit (closed with 4413). */
  documentsTooLarge: number
  /** Merged update messages sent (one per connection per tick). */
  updatesOut: number
  awarenessIn: number
  awarenessOut: number
  bytesIn: number
  bytesOut: number
  /** Connections closed for a malformed frame (1002) or an oversized one (1009). */
  malformedFrames: number
  oversizedFrames: number
  /** Connections dropped because they did not read what they were sent. */
  slowConsumers: number
  /** Update-log writes (one INSERT per tick for every document with changes). */
  flushes: number
  flushErrors: number
  /** Time of each log write. */
  flushLatency: Histogram
  /** For every update, from its reaching the server to its log write being committed. */
  durableLatency: Histogram
  /** From an update's arrival to its sending to the other connections (the gathering tick and the encoding). */
  fanoutLatency: Histogram
  compactions: number
  compactionErrors: number
  plainTextRefreshes: number
  /** Messages exchanged with other processes through Redis. */
  remoteIn: number
  remoteOut: number
}

export function createMetrics(): CollabMetrics {
  return {
    openDocuments: 0,
    connections: 0,
    connectionsTotal: 0,
    refused: {},
    loads: 0,
    unloads: 0,
    unloadsCancelled: 0,
    created: 0,
    updatesIn: 0,
    updatesDropped: 0,
    rateLimited: 0,
    documentsTooLarge: 0,
    updatesOut: 0,
    awarenessIn: 0,
    awarenessOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    malformedFrames: 0,
    oversizedFrames: 0,
    slowConsumers: 0,
    flushes: 0,
    flushErrors: 0,
    flushLatency: createHistogram(),
    durableLatency: createHistogram(),
    fanoutLatency: createHistogram(),
    compactions: 0,
    compactionErrors: 0,
    plainTextRefreshes: 0,
    remoteIn: 0,
    remoteOut: 0,
  }
}
