/** Caret colours dark enough for white label text (contrast ≥ 4.5:1). */
const palette = [
  '#1864ab',
  '#a61e4d',
  '#2b8a3e',
  '#862e9c',
  '#c92a2a',
  '#0b7285',
  '#5f3dc4',
  '#a14a00',
  '#364fc7',
  '#087f5b',
]

/** A stable colour for a person, the same in every browser. */
export function userColor(id: string): string {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return palette[h % palette.length]!
}
