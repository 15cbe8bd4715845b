// The token bucket used by the per-connection rate limits.
import { describe, expect, it } from 'vitest'
import { frameBytes, isOversizeError } from './limits'

describe('limits', () => {
  it('reads frames in every form ws delivers them', () => {
    expect([...frameBytes(Buffer.from([1, 2]))]).toEqual([1, 2])
    expect([...frameBytes(new Uint8Array([3, 4]).buffer)]).toEqual([3, 4])
    expect([...frameBytes([Buffer.from([5]), Buffer.from([6])])]).toEqual([5, 6])
  })

  it("recognises ws's oversize error", () => {
    expect(
      isOversizeError(
        Object.assign(new RangeError('Max payload size exceeded'), { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }),
      ),
    ).toBe(true)
    expect(isOversizeError(new Error('x'))).toBe(false)
    expect(isOversizeError(null)).toBe(false)
  })
})
