// A cascaded task's status and progress come from its children, on a real in-process hub over the
// seeded city (PGlite): no seeded parent contradicts them, "done" on a parent with open children is
// refused, the last child done closes the parent; seeded reports name their sender.

import { schema } from '@hub/db'
import { agreesWithChildren } from '@hub/domain'
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useTestHub } from '../testing/harness'

const { hub, as } = useTestHub({ accounts: ['tayho'] })

const t = schema.tasks

async function childrenByParent() {
  const rows = await hub.dbh.db.select().from(t).where(isNotNull(t.parentTaskId))
  const out = new Map<string, typeof rows>()
  for (const r of rows) out.set(r.parentTaskId!, [...(out.get(r.parentTaskId!) ?? []), r])
  return out
}

/** Tây Hồ's copy of a cascaded task, handed down to its wards, with some ward unfinished. */
async function tayhoParent() {
  const tayhoUnit = (await hub.request('GET', '/api/auth/me', { cookie: as.tayho })).json.user.unitId as string
  const byParent = await childrenByParent()
  const led = await hub.dbh.db.select().from(t).where(eq(t.leadUnitId, tayhoUnit))
  const parent = led.find((p) => byParent.get(p.id)?.some((k) => k.status !== 'done'))
  return { parent, kids: parent ? byParent.get(parent.id)! : [] }
}

describe('a cascaded parent’s status and progress come from its children', () => {
  it('no seeded parent contradicts its children', async () => {
    const byParent = await childrenByParent()
    expect(byParent.size).toBeGreaterThan(0)
    for (const [parentId, children] of byParent) {
      const [parent] = await hub.dbh.db.select().from(t).where(eq(t.id, parentId))
      expect(
        agreesWithChildren(children, { status: parent!.status, progress: parent!.progress }),
        `${parent!.title}: ${parent!.status} ${parent!.progress}% with ${children.filter((c) => c.status === 'done').length}/${children.length} children done`,
      ).toBe(true)
      if (parent!.status === 'done') expect(children.every((c) => c.status === 'done')).toBe(true)
    }
  })

  it('PATCH "done" on a parent whose children are unfinished is refused with 409 and changes nothing', async () => {
    const { parent } = await tayhoParent()
    expect(parent, 'a parent led by Tây Hồ with unfinished wards below').toBeDefined()
    const res = await hub.request('PATCH', `/api/tasks/${parent!.id}`, {
      cookie: as.tayho,
      body: { version: parent!.version, status: 'done' },
    })
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('derived_from_children')
    expect(res.json.error.details.derived).toEqual({ status: parent!.status, progress: parent!.progress })
    const progress = await hub.request('PATCH', `/api/tasks/${parent!.id}`, {
      cookie: as.tayho,
      body: { version: parent!.version, progress: parent!.progress === 90 ? 80 : 90 },
    })
    expect(progress.status).toBe(409)
    const [after] = await hub.dbh.db.select().from(t).where(eq(t.id, parent!.id))
    expect({ status: after!.status, progress: after!.progress, version: after!.version }).toEqual({
      status: parent!.status,
      progress: parent!.progress,
      version: parent!.version,
    })

    // Other fields of a parent may still change.
    const renamed = await hub.request('PATCH', `/api/tasks/${parent!.id}`, {
      cookie: as.tayho,
      body: { version: parent!.version, title: `${parent!.title} (đợt 2)` },
    })
    expect(renamed.status).toBe(200)

    // A report on the parent is kept, but does not set its progress either.
    const report = await hub.request('POST', `/api/tasks/${parent!.id}/reports`, {
      cookie: as.tayho,
      body: { progress: 100, narrative: 'Cả quận đã xong', difficulties: '' },
    })
    expect(report.status).toBe(201)
    const [afterReport] = await hub.dbh.db.select().from(t).where(eq(t.id, parent!.id))
    expect(afterReport!.status).toBe(parent!.status)
    expect(afterReport!.progress).toBe(parent!.progress)
  })

  it('when the last child is done the parent is done, by roll-up', async () => {
    const { parent: before, kids } = await tayhoParent()
    for (const kid of kids.filter((k) => k.status !== 'done')) {
      const res = await hub.request('PATCH', `/api/tasks/${kid.id}`, {
        cookie: as.tayho,
        body: { version: kid.version, status: 'done' },
      })
      expect(res.status).toBe(200)
    }
    const [parent] = await hub.dbh.db.select().from(t).where(eq(t.id, before!.id))
    expect({ status: parent!.status, progress: parent!.progress }).toEqual({ status: 'done', progress: 100 })
  })
})

describe('seeded reports', () => {
  it('every report on a task names who sent it (the task page shows it)', async () => {
    const orphans = await hub.dbh.db
      .select({ id: schema.reports.id })
      .from(schema.reports)
      .where(and(eq(schema.reports.kind, 'task'), isNull(schema.reports.submittedBy)))
    expect(orphans).toHaveLength(0)
  })
})
