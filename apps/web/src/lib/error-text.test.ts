// Errors said in the user's language only (with the test i18n catalogue): by error code, else the matching
// half of the server's bilingual message; the derived-progress conflict; which errors offer trying again.

import { describe, expect, it } from 'vitest'
import { i18nForTests } from '../i18n/test-instance'
import { ApiError } from './api'
import { errorText, isRetryable, localiseServerMessage } from './error-text'

const i18n = i18nForTests()
const say = (e: unknown, lang: 'vi' | 'en') => errorText(i18n.getFixedT(lang), e, lang)

/** Vietnamese letters outside ASCII: an English sentence has none. */
const hasVietnamese = (s: string) => /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(s)

describe('errors in the user’s language only', () => {
  const notFound = new ApiError(404, 'not_found', 'Nhiệm vụ / Task không tồn tại / not found')

  it('a not-found task reads in one language, chosen by the error code', () => {
    const english = say(notFound, 'en')
    expect(english).not.toMatch(/\//)
    expect(hasVietnamese(english)).toBe(false)
    const vietnamese = say(notFound, 'vi')
    expect(vietnamese).not.toMatch(/Task|not found/)
    expect(hasVietnamese(vietnamese)).toBe(true)
  })

  it('trying again is offered for a network or server failure, not for a 404 or a refusal', () => {
    expect(isRetryable(notFound)).toBe(false)
    expect(isRetryable(new ApiError(403, 'forbidden', 'x'))).toBe(false)
    expect(isRetryable(new ApiError(0, 'network', 'x'))).toBe(true)
    expect(isRetryable(new ApiError(500, 'internal', 'x'))).toBe(true)
  })

  it('an unknown code falls back to the half of the server’s text in the user’s language', () => {
    const e = new ApiError(409, 'already_adopted', 'Đơn vị đã áp dụng mô hình / Already adopted')
    expect(say(e, 'en')).toBe('Already adopted')
    expect(say(e, 'vi')).toBe('Đơn vị đã áp dụng mô hình')
    expect(localiseServerMessage('Nhiệm vụ / Task không tồn tại / not found', 'en')).toBe('not found')
  })

  it('a parent set against its children is explained with the derived progress', () => {
    const e = new ApiError(409, 'derived_from_children', 'x / y', { derived: { status: 'in_progress', progress: 28 } })
    expect(say(e, 'vi')).toContain('28%')
    expect(hasVietnamese(say(e, 'en'))).toBe(false)
  })
})
