// Types of compacted-state.mjs.
export function compactedState(parts: readonly Uint8Array[]): Uint8Array
