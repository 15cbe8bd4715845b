// Types of compacted-state.mjs.
export function compactedState(parts: readonly Uint8Array[], stateVector?: Uint8Array | null): Uint8Array
