// The PostgreSQL write clock's reads: a burst of callers shares reads, yet no caller gets a stamp from a
// read that began before it asked (it could miss a commit the caller had already seen).
import { describe, expect, it } from 'vitest'
import { SharedClock } from './client'

function controlledReads() {
  const started: { value: number; finish: () => void }[] = []
  let value = 0
  const read = () =>
    new Promise<Record<string, unknown>>((resolve) => {
      const v = ++value
      started.push({ value: v, finish: () => resolve({ tasks: v, sessions: 0 }) })
    })
  return { read, started }
}

describe('SharedClock', () => {
  it('a caller arriving during a read waits for the next one, which every such caller shares', async () => {
    const { read, started } = controlledReads()
    const clock = new SharedClock(read)
    const first = clock.stamp(['tasks'])
    expect(started).toHaveLength(1)
    // Arrived while read 1 runs: must not be answered from it; all of them share read 2.
    const late = [clock.stamp(['tasks']), clock.stamp(['tasks']), clock.stamp(['tasks', 'sessions'])]
    expect(started).toHaveLength(1)
    started[0]!.finish()
    expect(await first).toBe('1')
    await new Promise((r) => setImmediate(r))
    expect(started).toHaveLength(2) // the one waiting read begins once the first is done
    const later = clock.stamp(['tasks']) // arrives while read 2 runs: read 3
    started[1]!.finish()
    expect(await Promise.all(late)).toEqual(['2', '2', '2.0'])
    await new Promise((r) => setImmediate(r))
    started[2]!.finish()
    expect(await later).toBe('3')
    expect(clock.statements).toBe(3)
  })

  it('refuses a table it does not count, and passes a failed read on', async () => {
    const clock = new SharedClock(async () => {
      throw new Error('connection refused')
    })
    await expect(clock.stamp(['directives'])).rejects.toThrow('does not count directives')
    await expect(clock.stamp(['tasks'])).rejects.toThrow('connection refused')
    await expect(clock.stamp(['tasks'])).rejects.toThrow('connection refused') // and tries again
    expect(clock.statements).toBe(2)
  })
})
