// Latency histograms of the collab metrics.
import { describe, expect, it } from 'vitest'
import { createHistogram, createMetrics, observe, shareWithin } from './metrics'

describe('metrics', () => {
  it('is a plain object that serialises to JSON', () => {
    const m = createMetrics()
    m.connections++
    expect(JSON.parse(JSON.stringify(m)).connections).toBe(1)
  })

  it('buckets latencies and answers "how many within 200 ms"', () => {
    const h = createHistogram()
    for (const ms of [1, 7, 60, 150, 199, 201, 9000]) observe(h, ms)
    expect(h.count).toBe(7)
    expect(h.maxMs).toBe(9000)
    expect(h.overflow).toBe(1)
    expect(shareWithin(h, 200)).toBeCloseTo(5 / 7)
    expect(shareWithin(createHistogram(), 200)).toBe(1)
  })
})
