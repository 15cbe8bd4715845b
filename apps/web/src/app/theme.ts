// The hub's Mantine theme (App.tsx): system fonts with every Vietnamese diacritic, and colours adjusted so
// small text (badges, dimmed hints, warnings) keeps a 4.5:1 contrast.

import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core'

/** Bright hues whose darkest shade still falls short of 4.5:1 on its own tint: their text is darkened further. */
const brightHues = new Set(['green', 'lime', 'yellow', 'orange', 'teal', 'cyan'])

/**
 * Light badges and buttons print their text in the darkest shade of their colour (bright hues
 * darker still), so small labels (statuses, deadlines) keep a contrast of at least 4.5:1 on their
 * tinted background.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input)
  if (input.variant === 'light' && input.color) {
    const parsed = parseThemeColor({ color: input.color, theme: input.theme })
    if (parsed.isThemeColor && parsed.color) {
      const shade9 = `var(--mantine-color-${parsed.color}-9)`
      const text = brightHues.has(parsed.color) ? `color-mix(in srgb, ${shade9} 70%, black)` : shade9
      return { ...base, color: text, hoverColor: text }
    }
  }
  return base
}

/**
 * Secondary ("dimmed") text one shade darker than Mantine's, which is only 3.3:1 on white; and
 * warning and success text (orange, green) dark enough for 4.5:1, which no palette shade reaches.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--hub-text-warning': 'color-mix(in srgb, var(--mantine-color-orange-9) 75%, black)',
    '--hub-text-success': 'color-mix(in srgb, var(--mantine-color-green-9) 75%, black)',
  },
  dark: {
    '--hub-text-warning': 'var(--mantine-color-orange-4)',
    '--hub-text-success': 'var(--mantine-color-green-4)',
  },
})

/** The hub's look: sober, legible, Vietnamese diacritics in a font that has them all. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  luminanceThreshold: 0.4,
  variantColorResolver,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, "DejaVu Sans", sans-serif',
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none' } } },
  },
})
