// Test support for the fuzz test (fuzz.test.ts): the database's state before and after a request, so that a
// refused request is shown to have written nothing.

import type { Db } from '@hub/db'
import { sql } from 'drizzle-orm'

/**
 * A fingerprint of the records a request could change (every change writes an audit row; the
 * versions and counts catch any write that would skip it). Notifications and throttling counters
 * are left out: the outbox writes them after earlier accepted changes, at its own time.
 */
export async function dataFingerprint(db: Db): Promise<string> {
  const r = await db.execute(sql`select
    (select count(*) from audit_log) as audit,
    (select count(*) from domain_events) as events,
    (select count(*) || ':' || coalesce(sum(version), 0) from tasks) as tasks,
    (select count(*) || ':' || coalesce(sum(version), 0) from directives) as directives,
    (select count(*) from reports) as reports,
    (select count(*) || ':' || coalesce(string_agg(status || conclusions, '' order by id), '') from meetings) as meetings,
    (select count(*) from model_practices) as models,
    (select count(*) from model_adoptions) as adoptions,
    (select count(*) from inspections) as inspections,
    (select count(*) from users) as users`)
  const rows = (r as unknown as { rows?: unknown[] }).rows ?? (r as unknown as unknown[])
  return JSON.stringify(rows[0])
}
