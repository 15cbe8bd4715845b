// A collab server on a gated in-memory database for one test file: started before its tests, closed after
// them (the gate released first, so that no held write keeps the close waiting). Used by the tests that
// look at what clients receive before a write commits (relay after durable, large documents).
import { createDb, type DbHandle } from '@hub/db'
import { afterAll, beforeAll } from 'vitest'
import type { CollabServerOptions } from '../server'
import { type GatedDb, gatedDb, startCollab, type TestServer } from './harness'

export interface GatedCollab {
  dbh: DbHandle
  gate: GatedDb
  s: TestServer
}

/** The file's server, database and gate; their fields are set once `beforeAll` has run. */
export function useGatedCollab(server: Partial<CollabServerOptions> = {}): GatedCollab {
  const t = {} as GatedCollab
  beforeAll(async () => {
    t.dbh = await createDb({ dataDir: 'memory://' })
    t.gate = gatedDb(t.dbh.db)
    t.s = await startCollab({ dbh: t.dbh, server: { ...server, db: t.gate.db } })
  })
  afterAll(async () => {
    t.gate?.release()
    await t.s?.close()
    await t.dbh?.close()
  })
  return t
}
