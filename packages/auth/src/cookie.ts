/** Name of the session cookie. */
export const SESSION_COOKIE = 'hub_session'

/** Reads one cookie from a Cookie header (websocket upgrades arrive without a framework). */
export function readCookie(header: string | undefined | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return null
      }
    }
  }
  return null
}
