// The data folder lock against real processes and temporary folders: a live holder is refused, and a
// lock left by a dead process (kill -9, a zombie, a half-written file) is taken over.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './lock'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hub-lock-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('data folder lock', () => {
  it('refuses a second holder while a live process holds it', async () => {
    const dir = tempDir()
    // A live process other than us holds the lock.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    await new Promise((r) => child.once('spawn', r))
    writeFileSync(join(dir, 'hub.lock'), JSON.stringify({ pid: child.pid }))
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
      expect(() => lockDataDir(dir)).toThrow(/in use by process/)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('takes over a lock left by a process that died (kill -9)', async () => {
    const dir = tempDir()
    const child = spawn(process.execPath, ['-e', ''])
    await new Promise((r) => child.once('exit', r))
    writeFileSync(join(dir, 'hub.lock'), JSON.stringify({ pid: child.pid }))
    const release = lockDataDir(dir)
    expect(existsSync(join(dir, 'hub.lock'))).toBe(true)
    release()
    expect(existsSync(join(dir, 'hub.lock'))).toBe(false)
  })

  it('treats a half-written lock file as stale and releases cleanly', () => {
    const dir = tempDir()
    const file = join(dir, 'hub.lock')
    writeFileSync(file, '{"pi')
    const release = lockDataDir(dir)
    // Taken over: the file now names this process, whole.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid })
    release()
    expect(existsSync(file)).toBe(false)
    // Released cleanly: it can be taken again, and releasing twice is harmless.
    const again = lockDataDir(dir)
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid)
    again()
    again()
    expect(existsSync(file)).toBe(false)
  })
})

describe('a holder killed with -9 whose parent died too', () => {
  it('is a zombie until reaped, and its lock is taken over', async () => {
    if (process.platform !== 'linux') return
    const dir = tempDir()
    // `exec sleep` replaces the shell by a parent that never reaps its background child.
    const child = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 120'])
    const pid = await new Promise<number>((r) => child.stdout!.once('data', (d) => r(Number(String(d).trim()))))
    try {
      writeFileSync(join(dir, 'hub.lock'), JSON.stringify({ pid }))
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
      // kill -9 the grandchild while its parent is alive but not reaping it: a zombie.
      process.kill(pid, 'SIGKILL')
      // Wait until it is a zombie, or gone altogether (a subreaper, such as a container's init,
      // may reap it first): the lock is taken over either way.
      for (let i = 0; i < 50; i++) {
        const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : ''
        if (!stat || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) break
        await new Promise((r) => setTimeout(r, 20))
      }
      const release = lockDataDir(dir)
      release()
    } finally {
      child.kill('SIGKILL')
    }
  })
})
