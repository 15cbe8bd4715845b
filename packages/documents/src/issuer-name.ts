/**
 * Reading an issuing body's name: how it breaks over the header lines and which letters stand for it in a
 * document symbol ("TU" in "05-CT/TU", "UBND" in "17/CT-UBND").
 */

/** Kinds of issuing body, longest first, with the letters their documents' symbols use. */
const bodyKinds: readonly (readonly [string, string])[] = [
  ['ỦY BAN NHÂN DÂN', 'UBND'],
  ['HỘI ĐỒNG NHÂN DÂN', 'HĐND'],
  ['ỦY BAN KIỂM TRA', 'UBKT'],
  ['BAN CHỈ ĐẠO', 'BCĐ'],
  ['THÀNH ỦY', 'TU'],
  ['TỈNH ỦY', 'TU'],
  ['THỊ ỦY', 'TU'],
  ['QUẬN ỦY', 'QU'],
  ['HUYỆN ỦY', 'HU'],
  ['ĐẢNG ỦY', 'ĐU'],
]

/** Capitals as printed, in NFC, with the older tone placement "UỶ" written as the decree's "ỦY". */
export function normaliseIssuer(issuer: string): string {
  return issuer.normalize('NFC').toLocaleUpperCase('vi').replace(/UỶ/g, 'ỦY').replace(/\s+/g, ' ').trim()
}

/**
 * The header lines of an issuer. An explicit line break wins; otherwise a state body's kind goes on its own line
 * above the place ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI"), as the decree's samples print it; anything else is one
 * line that the column wraps.
 */
export function issuerLines(issuer: string): string[] {
  const explicit = issuer.split('\n').map(normaliseIssuer).filter(Boolean)
  if (explicit.length > 1) return explicit
  const name = explicit[0] ?? ''
  for (const kind of ['ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN']) {
    if (name.startsWith(`${kind} `)) return [kind, name.slice(kind.length + 1)]
  }
  return [name]
}

/** Letters of the issuing body in a symbol; unknown bodies fall back to the initials of their first two words. */
export function issuerLetters(issuer: string): string {
  const name = normaliseIssuer(issuer.replace(/\n/g, ' '))
  for (const [kind, letters] of bodyKinds) {
    if (name.startsWith(kind)) return letters
  }
  return name
    .split(' ')
    .slice(0, 2)
    .map((word) => {
      const first = word.charAt(0)
      // Đ is a letter of its own in symbols ("HĐND", "QĐ"); other initials lose their diacritics.
      return first === 'Đ' ? first : first.normalize('NFD').replace(/\p{M}/gu, '')
    })
    .join('')
}
