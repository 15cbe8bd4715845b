/**
 * Whether an Origin header names the hub itself: the configured public origin when there is one,
 * else the request's own Host. Writes (CSRF) and websocket upgrades (cross-site hijacking) use it.
 */
export function isOwnOrigin(origin: string, host: string | undefined, publicOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (publicOrigin) return parsed.origin === publicOrigin
  return !!host && parsed.host === host
}
