// The directive transition table: which moves each status allows and where they lead.
import { describe, expect, it } from 'vitest'
import { directiveStatuses } from './directive'
import {
  directiveMoves,
  directiveTransitions,
  isDraftStatus,
  nextDirectiveStatus,
  statusAfterTasksConfirmed,
} from './directive-states'

describe('directive transition table', () => {
  it('walks the life of a directive: draft, review, issue, in force, closed', () => {
    expect(nextDirectiveStatus('draft', 'submit')).toBe('in_review')
    expect(nextDirectiveStatus('in_review', 'return')).toBe('draft')
    expect(nextDirectiveStatus('in_review', 'issue')).toBe('issued')
    expect(nextDirectiveStatus('issued', 'put_in_force')).toBe('in_force')
    expect(nextDirectiveStatus('in_force', 'close')).toBe('closed')
    expect(nextDirectiveStatus('issued', 'replace')).toBe('replaced')
  })

  it('refuses every move the table does not list, and nothing leaves closed or replaced', () => {
    expect(nextDirectiveStatus('draft', 'issue')).toBeNull()
    expect(nextDirectiveStatus('issued', 'submit')).toBeNull()
    for (const action of directiveTransitions) {
      expect(nextDirectiveStatus('closed', action)).toBeNull()
      expect(nextDirectiveStatus('replaced', action)).toBeNull()
    }
  })

  it('lets drafters submit, and only the issuing policy do the rest; issue needs a signer, replace its replacement', () => {
    const needs = Object.fromEntries(directiveTransitions.map((a) => [a, directiveMoves[a].needs]))
    expect(needs).toEqual({
      submit: 'edit',
      return: 'issue',
      issue: 'issue',
      put_in_force: 'issue',
      close: 'issue',
      replace: 'issue',
    })
    expect(directiveMoves.issue.requires).toBe('signer')
    expect(directiveMoves.replace.requires).toBe('replacedById')
  })

  it('keeps the text editable only before issue, and puts an issued directive in force once its tasks are confirmed', () => {
    expect(directiveStatuses.filter(isDraftStatus)).toEqual(['draft', 'in_review'])
    expect(statusAfterTasksConfirmed('issued')).toBe('in_force')
    expect(statusAfterTasksConfirmed('in_force')).toBeNull()
    expect(statusAfterTasksConfirmed('draft')).toBeNull()
  })
})
