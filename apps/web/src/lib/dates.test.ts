// Reading typed dates (parseVnDate): every way a Vietnamese user writes a day, refusal of days that do not
// exist, and the round trip with formatDate.

import { describe, expect, it } from 'vitest'
import { formatDate, parseVnDate } from './dates'

describe('parseVnDate', () => {
  it('reads every way a Vietnamese user writes a day, leading zeros included', () => {
    for (const typed of ['05/12/2026', '5/12/2026', '05-12-2026', '05.12.2026', '5/12/26']) {
      expect(parseVnDate(typed), typed).toBe('2026-12-05')
    }
    expect(parseVnDate('15/09/2026')).toBe('2026-09-15')
  })

  it('refuses what is no day, so the field can say so instead of dropping it', () => {
    expect(parseVnDate('31/6/2026')).toBeNull()
    expect(parseVnDate('5/12')).toBeNull()
  })

  it('round-trips with formatDate', () => {
    expect(parseVnDate(formatDate('2026-12-05'))).toBe('2026-12-05')
  })
})
