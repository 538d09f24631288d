// Test support. Vitest blanks every *.css import, `?raw` included, unless its config's `test.css.include`
// covers the file, so in tests a block's `css` is ''. Tests that look at the CSS itself read the files.
import { readFileSync } from 'node:fs'

/** The CSS file of a block type, as it is on disk: `LogoStrip` → logo-strip.css. */
export function readBlockCss(type: string): string {
  return readCssFile(`${type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.css`)
}

export function readCssFile(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')
}

export function readBlockSource(type: string): string {
  return readFileSync(new URL(`./${type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.tsx`, import.meta.url), 'utf8')
}
