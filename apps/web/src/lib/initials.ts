/**
 * The two letters on a person's avatar, the same everywhere (header, presence, editor carets):
 * a Vietnamese name ends with the given name, so "Phạm Minh Tuấn" is "MT" (middle and given name).
 */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return ((parts.at(-2)?.[0] ?? '') + (parts.at(-1)?.[0] ?? '')).toLocaleUpperCase('vi')
}
