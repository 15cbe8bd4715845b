// Faults injected into the project's own cluster (PostgreSQL, Redis, two hub processes, nginx, from
// infra/cluster.ts in a folder of its own): Redis stopped and started, PostgreSQL stopped and started,
// kill -9 of a process while two editors type through it, a directive issued on one process while an
// editor types on the other. Each test prints what it injected and checked, and what was lost (0).
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, loginCookie, nextEvent, subscribe } from '../../apps/api/src/testing/live-hub'
import { openDoc, until } from '../../apps/api/src/testing/ydoc'
import type { Endpoints } from '../../infra/cluster'
import { hubCommand, hubEnvironment } from '../../infra/deployment'
import { alive, reportFaults, root } from './processes'

const state = mkdtempSync(join(tmpdir(), 'hub-fault-cluster-'))
const endpointsFile = join(state, 'endpoints.json')
const cluster = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'infra/cluster.ts', ...args, '--state', state], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    timeout: 600_000,
  })
let ep: Endpoints
const save = () => writeFileSync(endpointsFile, JSON.stringify(ep, null, 2))
const isRoot = process.getuid?.() === 0
const asPostgres = (cmd: string, args: string[]) =>
  isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : execFileSync(cmd, args, { encoding: 'utf8' })

function stopPostgres() {
  asPostgres(`${ep.pgBin}/pg_ctl`, ['-D', `${ep.pgDir}/data`, '-m', 'fast', '-w', 'stop'])
}
function startPostgres() {
  const port = new URL(ep.databaseUrl).port
  asPostgres(`${ep.pgBin}/pg_ctl`, [
    ...['-D', `${ep.pgDir}/data`, '-l', `${ep.pgDir}/log`, '-w', '-o'],
    `-p ${port} -k ${ep.pgDir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on`,
    'start',
  ])
}
async function stopRedis() {
  process.kill(ep.redisPid, 'SIGTERM')
  await until(() => !alive(ep.redisPid), 10_000, 'Redis to stop')
}
async function startRedis() {
  const pidfile = join(state, 'redis.pid')
  rmSync(pidfile, { force: true })
  execFileSync('redis-server', [
    ...['--port', new URL(ep.redisUrl).port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ...['--daemonize', 'yes', '--pidfile', pidfile, '--logfile', join(state, 'redis.log'), '--dir', state],
  ])
  await until(() => {
    try {
      return Number(readFileSync(pidfile, 'utf8')) > 0
    } catch {
      return false
    }
  })
  ep.redisPid = Number(readFileSync(pidfile, 'utf8').trim())
  save()
}

/** kill -9 of hub process i, and a new one on its port (as a supervisor restarts it); resolves when ready. */
function kill9(i: number) {
  process.kill(ep.processes[i]!.pid, 'SIGKILL')
}
async function restart(i: number) {
  const p = ep.processes[i]!
  await until(() => !alive(p.pid), 10_000, `process ${p.pid} to end`)
  const log = openSync(join(state, `hub-${i}.log`), 'a')
  const child = spawn(process.execPath, [...hubCommand], {
    cwd: root,
    env: {
      ...process.env,
      ...hubEnvironment({ port: p.port, host: '127.0.0.1', databaseUrl: ep.databaseUrl, redisUrl: ep.redisUrl }),
      LOG_LEVEL: 'warn',
    },
    detached: true,
    stdio: ['ignore', log, log],
  })
  child.unref()
  p.pid = child.pid!
  save()
  await until(
    async () => {
      try {
        return (await fetch(`${p.url}/api/ready`)).ok
      } catch {
        return false
      }
    },
    120_000,
    `the restarted process on ${p.url}`,
  )
}

function socketOn(base: string, cookie: string): Promise<Socket> {
  const s = io(base, { transports: ['websocket'], extraHeaders: { cookie, origin: base } })
  return new Promise((res, rej) => {
    s.once('connect', () => res(s))
    s.once('connect_error', rej)
  })
}

/** Appends one paragraph to a shared document, as typing a new line would. */
function append(doc: Y.Doc, text: string) {
  const f = doc.getXmlFragment('default')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  f.insert(f.length, [p])
}
const lines = (text: string) => new Set(text.split('\n').filter(Boolean))

beforeAll(() => {
  cluster('up', '2')
  ep = JSON.parse(readFileSync(endpointsFile, 'utf8'))
}, 600_000)
afterAll(() => {
  // The processes' errors, for a failure's reader (`down` removes the folder with the logs).
  for (const f of readdirSync(state).filter((n) => /^hub-\d+\.log$/.test(n))) {
    const errors = readFileSync(join(state, f), 'utf8')
      .split('\n')
      .filter((l) => /"level":(50|60)|Error|uncaught/i.test(l))
    if (errors.length) console.log(`[fault] ${f}:\n${errors.slice(-20).join('\n')}`)
  }
  try {
    cluster('down')
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}, 120_000)

describe('faults in the cluster', () => {
  it('Redis stopped and started: each process serves its own clients; fan-out resumes; documents converge', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const bithu = await loginCookie(p0, 'bithu@demo.local')
    const tayho = await loginCookie(p0, 'tayho@demo.local')
    const drafter = await loginCookie(p0, 'vanphong@demo.local')
    const tayhoId = (await api(p0, tayho, 'GET', '/api/units?kind=district')).json.units.find(
      (u: { name: string }) => u.name === 'Quận Tây Hồ',
    ).id
    const [s0, s1] = [await socketOn(p0, tayho), await socketOn(p1, tayho)]
    expect(await subscribe(s0, `unit:${tayhoId}`)).toEqual({ ok: true })
    expect(await subscribe(s1, `unit:${tayhoId}`)).toEqual({ ok: true })
    const d = (await api(p0, drafter, 'POST', '/api/directives', { kind: 'KH', title: 'Redis gián đoạn' })).json
      .directive
    const a = await openDoc(p0, d.docName, drafter)
    const b = await openDoc(p0, d.docName, drafter)
    const c = await openDoc(p1, d.docName, drafter)
    const task = (title: string, base = p0) => api(base, bithu, 'POST', '/api/tasks', { title, leadUnitId: tayhoId })
    let checked = 0
    try {
      await stopRedis()
      // Each process keeps serving its own clients: a task's event reaches the socket on the same
      // process; an edit reaches the other editor on the same process.
      const own = `Khi Redis dừng ${Date.now()}`
      const got = nextEvent(s0, 'task:created', (p: { task: { title: string } }) => p.task.title === own, 15_000)
      expect((await task(own)).status).toBe(201)
      expect(await got).not.toBeNull()
      checked++
      append(a.doc, 'sửa ở tiến trình 0 khi Redis dừng')
      append(c.doc, 'sửa ở tiến trình 1 khi Redis dừng')
      await until(() => b.text().includes('sửa ở tiến trình 0 khi Redis dừng'), 10_000, 'the edit on the same process')
      checked++
      await startRedis()
      // Fan-out resumes: an event from process 0 reaches the socket on process 1.
      await until(
        async () => {
          const title = `Sau khi Redis trở lại ${Date.now()}`
          const arrived = nextEvent(
            s1,
            'task:created',
            (p: { task: { title: string } }) => p.task.title === title,
            3000,
          )
          await task(title)
          return (await arrived) !== null
        },
        60_000,
        'live events to cross processes again',
      )
      checked++
      // Documents converge across processes, the edits of the outage included.
      append(a.doc, 'sửa sau khi Redis trở lại')
      await until(
        () => a.text() === c.text() && c.text() === b.text() && lines(c.text()).size >= 3,
        30_000,
        'the three editors to converge',
      )
      for (const line of ['sửa ở tiến trình 0 khi Redis dừng', 'sửa ở tiến trình 1 khi Redis dừng'])
        expect(lines(c.text()).has(line)).toBe(true)
      checked += 3
    } finally {
      for (const x of [a, b, c]) x.close()
      s0.close()
      s1.close()
    }
    reportFaults('Redis stopped and started', {
      faults: ['redis-server stopped', 'redis-server started'],
      checked: { 'deliveries and edits': checked },
      lost: 0,
    })
  }, 300_000)

  it('PostgreSQL stopped and started: 503 meanwhile, recovery by itself, no accepted write lost, edits kept', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const bithu = await loginCookie(p0, 'bithu@demo.local')
    const drafter = await loginCookie(p0, 'vanphong@demo.local')
    const unitId = (await api(p0, bithu, 'GET', '/api/units?kind=district')).json.units[0].id
    const d = (await api(p0, drafter, 'POST', '/api/directives', { kind: 'KH', title: 'CSDL gián đoạn' })).json
      .directive
    const a = await openDoc(p0, d.docName, drafter)
    const b = await openDoc(p0, d.docName, drafter)
    const accepted: string[] = []
    const statuses = new Map<number, number>()
    let n = 0
    /** One write, bounded: a hang fails the test as surely as a wrong answer. */
    const write = async (base: string) => {
      const r = await fetch(`${base}/api/tasks`, {
        method: 'POST',
        headers: { cookie: bithu, origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Ghi khi CSDL gián đoạn ${n++}`, leadUnitId: unitId }),
        signal: AbortSignal.timeout(15_000),
      })
      const body = (await r.json()) as { task?: { id: string }; error?: { code: string; message: string } }
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
      if (r.status === 201) accepted.push(body.task!.id)
      else {
        expect(r.status).toBe(503)
        expect(body.error).toEqual({ code: 'database_unavailable', message: expect.stringContaining('/') })
      }
      return r.status
    }
    const edits: string[] = []
    try {
      for (let i = 0; i < 4; i++) expect(await write(ep.processes[i % 2]!.url)).toBe(201)
      stopPostgres()
      for (let i = 0; i < 10; i++) expect(await write(ep.processes[i % 2]!.url)).toBe(503)
      const reads = await fetch(`${p1}/api/tasks`, { headers: { cookie: bithu }, signal: AbortSignal.timeout(15_000) })
      expect(reads.status).toBe(503)
      // The editor keeps writing; the server keeps the edits in memory.
      for (let i = 0; i < 5; i++) {
        const line = `sửa khi CSDL dừng ${i}`
        append(a.doc, line)
        edits.push(line)
      }
      startPostgres()
      // Recovers by itself: writes are accepted again on both processes.
      for (const p of ep.processes) await until(async () => (await write(p.url)) === 201, 60_000, 'writes again')
      // The edits reach the other editor and the database.
      await until(() => edits.every((l) => lines(b.text()).has(l)), 30_000, 'the edits after the outage')
    } finally {
      a.close()
      b.close()
    }
    // Every accepted write is there.
    for (const id of accepted) expect((await api(p1, bithu, 'GET', `/api/tasks/${id}`)).status).toBe(200)
    // The edits are durable: the other process, which never had the document open, loads them.
    const fresh = await openDoc(p1, d.docName, drafter)
    const stored = lines(fresh.text())
    fresh.close()
    const lost = edits.filter((l) => !stored.has(l)).length
    reportFaults('PostgreSQL stopped and started', {
      faults: ['pg_ctl stop -m fast', 'pg_ctl start'],
      checked: {
        'writes answered (201/503)': [...statuses.values()].reduce((x, y) => x + y, 0),
        'accepted writes found': accepted.length,
        'edits made meanwhile found': edits.length - lost,
      },
      lost,
    })
    expect(lost).toBe(0)
  }, 300_000)

  it('kill -9 of a process while two editors type through it: every edit seen, and every edit older than 200 ms, survives', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const drafter = await loginCookie(p0, 'vanphong@demo.local')
    const d = (await api(p0, drafter, 'POST', '/api/directives', { kind: 'KH', title: 'kill -9 khi đang soạn' })).json
      .directive
    const typist = await openDoc(p0, d.docName, drafter)
    const watcher = await openDoc(p0, d.docName, drafter)
    const sentAt = new Map<string, number>()
    let i = 0
    const typing = setInterval(() => {
      const line = `dòng ${i++}`
      append(typist.doc, line)
      sentAt.set(line, Date.now())
    }, 20)
    const typed = (text: string) => [...lines(text)].filter((l) => l.startsWith('dòng '))
    await until(() => typed(watcher.text()).length >= 50, 30_000, 'the watcher to see 50 typed lines')
    // The kill; both editors close at that moment, with what they had.
    clearInterval(typing)
    kill9(0)
    const killedAt = Date.now()
    const seen = typed(watcher.text())
    typist.close()
    watcher.close()
    await restart(0)
    const reader = await openDoc(p1, d.docName, drafter)
    const stored = lines(reader.text())
    reader.close()
    const old = [...sentAt].filter(([, t]) => t < killedAt - 200).map(([l]) => l)
    const lostSeen = seen.filter((l) => !stored.has(l))
    const lostOld = old.filter((l) => !stored.has(l))
    reportFaults('kill -9 while editing', {
      faults: ['kill -9 of the process both editors used', 'editors closed at the kill', 'process restarted'],
      checked: {
        'edits typed': sentAt.size,
        'edits the other editor had seen': seen.length,
        'edits older than 200 ms': old.length,
      },
      lost: new Set([...lostSeen, ...lostOld]).size,
    })
    expect(lostSeen).toEqual([])
    expect(lostOld).toEqual([])
  }, 300_000)

  it('issuing on one process while an editor types on the other: version 1 holds every edit seen, nothing lands after', async () => {
    const [p0, p1] = ep.processes.map((p) => p.url) as [string, string]
    const drafter = await loginCookie(p0, 'vanphong@demo.local')
    const bithu = await loginCookie(p0, 'bithu@demo.local')
    const d = (await api(p0, drafter, 'POST', '/api/directives', { kind: 'CT', title: 'Ban hành khi đang soạn' })).json
      .directive
    const submitted = (
      await api(p0, drafter, 'POST', `/api/directives/${d.id}/transition`, { action: 'submit', version: d.version })
    ).json.directive
    // The typist and a watcher on process 1; the issue goes to process 0.
    const typist = await openDoc(p1, d.docName, drafter)
    const watcher = await openDoc(p1, d.docName, bithu)
    let closedWith: number | null = null
    typist.provider.once('connection-close', (e: { code: number } | null) => {
      closedWith = e?.code ?? 0
    })
    // The typed lines in order (version 1's plain text may run paragraphs together).
    const typed = (text: string): string[] => text.match(/dòng \d+/g) ?? []
    let i = 0
    const typing = setInterval(() => append(typist.doc, `dòng ${i++}`), 20)
    let issued!: Awaited<ReturnType<typeof api>>
    let seen!: string[]
    let typedAtIssue = 0
    try {
      await until(() => typed(watcher.text()).length >= 30, 30_000, 'the watcher to see 30 typed lines')
      issued = await api(p0, bithu, 'POST', `/api/directives/${d.id}/transition`, {
        action: 'issue',
        version: submitted.version,
        signer: { name: 'Trần Quốc Hưng', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' },
      })
      // What the other editor had received when the issue answered (relay after durable: all written).
      seen = typed(watcher.text())
      typedAtIssue = i
      // The typist goes on until its process reconnects it read-only.
      await until(() => closedWith !== null && i >= typedAtIssue + 25, 30_000, 'the typist to be reconnected')
      await until(() => typist.provider.wsconnected && typist.provider.synced, 30_000, 'the read-only reconnect')
    } finally {
      clearInterval(typing)
    }
    expect(issued.status).toBe(200)
    const version = (await api(p0, bithu, 'GET', `/api/directives/${d.id}/versions/1`)).json.version
    const frozen = typed(version.plainText)
    // Nothing typed after the freeze landed anywhere: a reader opening the document now finds version 1.
    append(typist.doc, 'dòng sau khi ban hành')
    const reader = await openDoc(p0, d.docName, bithu)
    const stored = typed(reader.text())
    await until(() => typed(watcher.text()).length === frozen.length, 10_000, 'the watcher to hold version 1')
    for (const x of [typist, watcher, reader]) x.close()
    const lostSeen = seen.filter((l) => !frozen.includes(l))
    const landedAfter = stored.filter((l) => !frozen.includes(l))
    reportFaults('issue while editing on another process', {
      faults: ['directive issued on process 0 while its editor typed through process 1 every 20 ms'],
      checked: {
        'lines typed': i,
        'lines the other editor had received': seen.length,
        'lines in version 1': frozen.length,
        'lines stored after the issue': stored.length,
      },
      lost: lostSeen.length + landedAfter.length,
    })
    expect(lostSeen).toEqual([])
    expect(landedAfter).toEqual([])
    expect(stored).toEqual(frozen)
    expect(closedWith).toBe(4000)
  }, 300_000)
})
