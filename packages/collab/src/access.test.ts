// Who may open which collaborative document (directive, plan, meeting minutes, model practice) against a
// seeded city.
import { loadCurrentUser } from '@hub/auth'
import { createDb, type DbHandle } from '@hub/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentAccess } from './access'
import { seedCollabFixture } from './testing/seed'

let dbh: DbHandle
let f: Awaited<ReturnType<typeof seedCollabFixture>>
beforeAll(async () => {
  dbh = await createDb({ dataDir: 'memory://' })
  f = await seedCollabFixture(dbh.db)
})
afterAll(async () => {
  await dbh?.close()
})

async function access(user: keyof typeof f.users, docName: string) {
  const u = await loadCurrentUser(dbh.db, f.users[user].id)
  return documentAccess(dbh.db, f.tree, u!, docName)
}

describe('documentAccess', () => {
  it('directive drafts: the office writes, a district head cannot open it', async () => {
    expect(await access('drafter', `directive:${f.draft}`)).toBe('write')
    expect(await access('tayho', `directive:${f.draft}`)).toBe('none')
  })

  it('issued directives are read-only for everyone; their plans stay writable for the office', async () => {
    expect(await access('drafter', `directive:${f.issued}`)).toBe('read')
    expect(await access('tayho', `directive:${f.issued}`)).toBe('read')
    expect(await access('nobody', `directive:${f.issued}`)).toBe('none')
    expect(await access('drafter', `plan:${f.issued}`)).toBe('write')
    expect(await access('tayho', `plan:${f.issued}`)).toBe('read')
  })

  it('meeting minutes: directing roles write, attendees read, others nothing', async () => {
    expect(await access('drafter', `meeting:${f.meeting}`)).toBe('write')
    expect(await access('attendee', `meeting:${f.meeting}`)).toBe('read')
    expect(await access('tayho', `meeting:${f.meeting}`)).toBe('none')
  })

  it('model write-ups: the origin unit writes, everyone with a role reads', async () => {
    expect(await access('tayho', `model:${f.model}`)).toBe('write')
    expect(await access('drafter', `model:${f.model}`)).toBe('write')
    expect(await access('attendee', `model:${f.model}`)).toBe('read')
    expect(await access('nobody', `model:${f.model}`)).toBe('none')
  })

  it('answers missing for records that do not exist and names that are not ours', async () => {
    const ghost = '00000000-0000-0000-0000-000000000000'
    for (const kind of ['directive', 'plan', 'meeting', 'model'])
      expect(await access('drafter', `${kind}:${ghost}`)).toBe('missing')
    expect(await access('drafter', 'task:1')).toBe('missing')
  })
})
