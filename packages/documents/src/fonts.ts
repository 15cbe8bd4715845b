// The typeface both renderers use. Tinos (Apache 2.0, from @expo-google-fonts/tinos) is metric-compatible with
// Times New Roman, the face offices expect, and carries every precomposed Vietnamese glyph, so exports never
// depend on fonts installed on the server.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** One of the four faces of the family. */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic'

export const fontFaces: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic']

/** Family name written into DOCX runs: what Word users have installed, and what Tinos stands in for elsewhere. */
export const wordFontName = 'Times New Roman'

/** Family name of the bundled files, as their own name tables give it. */
export const bundledFontName = 'Tinos'

const require = createRequire(import.meta.url)

/** Absolute paths of the bundled TTF files, resolved through node_modules so that workspaces hoisting works. */
export const tinosFiles: Readonly<Record<FontFace, string>> = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
}

let loaded: Readonly<Record<FontFace, Buffer>> | undefined

/** The four faces as bytes, read once per process (about 2 MB together). */
export function tinosFontData(): Readonly<Record<FontFace, Buffer>> {
  loaded ??= {
    regular: readFileSync(tinosFiles.regular),
    bold: readFileSync(tinosFiles.bold),
    italic: readFileSync(tinosFiles.italic),
    boldItalic: readFileSync(tinosFiles.boldItalic),
  }
  return loaded
}

/** The face for a combination of weight and slant. */
export function faceFor(bold: boolean, italic: boolean): FontFace {
  if (bold) return italic ? 'boldItalic' : 'bold'
  return italic ? 'italic' : 'regular'
}
