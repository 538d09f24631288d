import { THEME_FONTS } from '#app/pages/puck-config'
import type { PageSettings } from '#db/schema'

// Text on the brand colour: dark on light brands, white on dark ones (WCAG relative luminance).
function contrastColor(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
  return luminance > 0.4 ? '#0f172a' : '#ffffff'
}

/** The CSS variables a page's theme sets on `.sf-page`: the same in the editor canvas and on the published page. */
export function themeVariables(theme: PageSettings['theme']) {
  const font = THEME_FONTS.find((f) => f.id === theme.font) ?? THEME_FONTS[0]!
  const brand = /^#[0-9a-fA-F]{6}$/.test(theme.brandColor) ? theme.brandColor : '#3b55e6'
  return { '--sf-brand': brand, '--sf-brand-contrast': contrastColor(brand), '--sf-font': font.stack }
}
