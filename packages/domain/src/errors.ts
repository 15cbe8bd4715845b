/**
 * The failures a use case reports, in the domain's words: the thing is missing, the actor may not,
 * the state forbids it, or an input is wrong. The API maps them to HTTP in one place
 * (apps/api/src/errors.ts); the texts come from the message catalogue (messages.ts).
 */
import type { MessageKey, MessageParams } from './messages'

/** A field that failed, as the contract names it (`drafts.0.leadUnitIds`) and why. */
export interface FieldIssue {
  path: string
  message: string
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'invalid'
  constructor(
    /** The catalogue entry that explains it to the user. */
    readonly text: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(text)
  }
}

/** The record does not exist (`what` is the catalogue's name for it). */
export class NotFound extends DomainError {
  readonly kind = 'not_found'
  constructor(readonly what: MessageKey) {
    super('notFound', { what })
  }
}

/** The actor may not do this; `field` names the id in the request he may not use. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden'
  constructor(readonly field?: string) {
    super(field ? 'notYours' : 'forbidden', field ? { field } : {})
  }
}

/**
 * The record's state does not allow it. `code` is the stable error code clients read
 * (`version_conflict`, `invalid_transition`…); `details` travel with it (the current record).
 */
export class Conflict extends DomainError {
  readonly kind = 'conflict'
  constructor(
    readonly code: string,
    text: MessageKey,
    params: MessageParams = {},
    readonly details?: unknown,
  ) {
    super(text, params)
  }
}

/** Someone else changed the record since it was read; `current` is what it is now. */
export const staleVersion = (current: unknown) => new Conflict('version_conflict', 'staleVersion', {}, { current })

/**
 * An input is wrong in a way the schema could not tell (an unknown unit, a missing signer). `code`
 * defaults to the contract's `validation_failed`; `fields` name every failing field.
 */
export class Invalid extends DomainError {
  readonly kind = 'invalid'
  readonly fields: FieldIssue[]
  constructor(
    field: string | FieldIssue[],
    text: MessageKey,
    params: MessageParams = {},
    readonly code = 'validation_failed',
    reason = 'invalid',
  ) {
    super(text, params)
    this.fields = typeof field === 'string' ? [{ path: field, message: reason }] : field
  }
}
