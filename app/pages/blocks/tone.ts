import { z } from 'zod'

/** A block's background: page default, light surface, brand colour, or dark. */
export const Tone = z.enum(['none', 'light', 'brand', 'dark'], { error: 'expected none, light, brand or dark' })
export type Tone = z.infer<typeof Tone>

export const TONE_OPTIONS = [
  { label: 'None', value: 'none' },
  { label: 'Light', value: 'light' },
  { label: 'Brand colour', value: 'brand' },
  { label: 'Dark', value: 'dark' },
]

export function toneClass(tone: Tone) {
  return tone === 'none' ? '' : ` sf-tone-${tone}`
}
