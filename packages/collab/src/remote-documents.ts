// The documents as a process that serves the API but not collab (SERVICES=api) reaches them: a store
// holding no live document, whose freezes (issuing) reach the collab processes through Redis, and the
// reauthorization of a document's editors there once its access changed.
import type { Db } from '@hub/db'
import { DocumentStore } from './document-store'
import { type CollabLogger, silentLogger } from './logger'
import { createMetrics } from './metrics'
import { createRedisBus } from './redis-fanout'

export interface RemoteDocuments {
  /** Snapshots read what is written; with a freeze, every collab process holding the document confirms first. */
  readonly store: DocumentStore
  /** Has every collab process holding the document reconnect its editors, to be judged again. */
  reauthorize(docName: string): void
  close(): Promise<void>
}

export function createRemoteDocuments(opts: { db: Db; redisUrl: string; log?: CollabLogger }): RemoteDocuments {
  const log = opts.log ?? silentLogger
  const metrics = createMetrics()
  const relay = createRedisBus({ url: opts.redisUrl, log, metrics })
  const store = new DocumentStore(opts.db, {
    flushIntervalMs: 50,
    compactAfterUpdates: 200,
    plainTextDebounceMs: 1000,
    log,
    metrics,
  })
  store.useCluster(relay)
  return {
    store,
    reauthorize: (docName) => relay.reauthorize(docName),
    async close() {
      await store.close()
      await relay.close()
    },
  }
}
