import { en } from '../app/visitor-language/catalogues/en'
import type { FormText } from '../app/visitor-language/shape'

// Pseudo-localisation, for tests only: English with every letter accented and every word ~40 % longer, as German
// and Finnish run longer than English. A layout that survives it survives the real languages. Placeholders
// ({name}) are kept so messages still fill in. Relative imports: Playwright specs load this too.

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'î', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', s: 'š', y: 'ý', A: 'Å', E: 'É', I: 'Î', O: 'Ö', U: 'Ü', C: 'Ç', N: 'Ñ', S: 'Š' }
const accent = (word: string) => [...word].map((ch) => ACCENTED[ch] ?? ch).join('')

/** "Submit" → "Šübmîtšüb": accented, each word lengthened by 40 % of itself (at least one letter). */
export function pseudoLocalize(text: string) {
  return text.replace(/\{\w+\}|[A-Za-z]+/g, (word) => (word.startsWith('{') ? word : accent(word + word.slice(0, Math.max(1, Math.round(word.length * 0.4))))))
}

/** The pseudo catalogue's form text, generated from English. */
export function pseudoFormText(): FormText {
  return Object.fromEntries(Object.entries(en.form).map(([key, text]) => [key, pseudoLocalize(text)])) as FormText
}
