// Whether a request comes from the hub's own pages: the Origin check the API applies to writes (CSRF)
// and the collab server to websocket upgrades (cross-site hijacking).

import { isIP } from 'node:net'

/** Host names that cannot be rebound by someone else's DNS: loopback names and IP literals. */
export function isRebindingSafeHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '')
  return bare === 'localhost' || bare.endsWith('.localhost') || isIP(bare) !== 0
}

/**
 * Whether an Origin header names the hub itself. Writes (CSRF) and websocket upgrades (cross-site
 * hijacking) use it. With a configured public origin, only that origin (scheme, host and port).
 * Without one, the hub is reached directly over plain HTTP: the Origin must be `http://` + the
 * request's Host, and that Host must be a loopback name or an IP address, because a Host that is a
 * domain name may be an attacker's name rebound to this machine (DNS rebinding), where the Origin
 * and the Host agree. A hub reached by name must set PUBLIC_URL.
 */
export function isOwnOrigin(origin: string, host: string | undefined, publicOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (publicOrigin) return parsed.origin === publicOrigin
  if (!host || parsed.protocol !== 'http:' || parsed.host !== host.toLowerCase()) return false
  return isRebindingSafeHost(parsed.hostname)
}
