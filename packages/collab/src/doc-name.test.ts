// Document names: which are ours and what they name.
import { describe, expect, it } from 'vitest'
import { parseDocName } from './doc-name'

const id = '0b5c2f4e-6a1d-4c3b-9e8f-1a2b3c4d5e6f'

describe('parseDocName', () => {
  it('accepts the four kinds with a uuid', () => {
    for (const kind of ['directive', 'plan', 'model', 'meeting', 'assignments', 'meeting-assignments']) {
      expect(parseDocName(`${kind}:${id}`)).toEqual({ kind, id })
    }
  })

  it('refuses other kinds, short ids, upper case and trailing text', () => {
    for (const bad of [
      `task:${id}`,
      'directive:123',
      `directive:${id.toUpperCase()}`,
      `directive:${id}x`,
      '',
      `directive:${id}/..`,
    ]) {
      expect(parseDocName(bad)).toBeNull()
    }
  })
})
