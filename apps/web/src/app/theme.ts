import { createTheme, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from '@mantine/core'

/**
 * Light badges and buttons print their text in the darkest shade of their colour, so small
 * labels (statuses, deadlines) keep a contrast of at least 4.5:1 on their tinted background.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input)
  if (input.variant === 'light' && input.color) {
    const parsed = parseThemeColor({ color: input.color, theme: input.theme })
    if (parsed.isThemeColor && parsed.color)
      return {
        ...base,
        color: `var(--mantine-color-${parsed.color}-9)`,
        hoverColor: `var(--mantine-color-${parsed.color}-9)`,
      }
  }
  return base
}

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
