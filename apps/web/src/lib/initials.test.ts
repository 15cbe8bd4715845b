// Avatar initials of Vietnamese names (middle and given name), and of one-word and empty names.

import { describe, expect, it } from 'vitest'
import { initials } from './initials'

describe('initials', () => {
  it('takes the middle and given name of a Vietnamese name', () => {
    expect(initials('Phạm Minh Tuấn')).toBe('MT')
    expect(initials('  Nguyễn   Thị  Ánh ')).toBe('TÁ')
  })
  it('copes with one word and with nothing', () => {
    expect(initials('an')).toBe('A')
    expect(initials('')).toBe('')
  })
})
