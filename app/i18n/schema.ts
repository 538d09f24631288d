import { z } from 'zod'
import { LANGUAGES } from '#app/i18n/languages'

/** The language picker's form: a supported language, or empty to follow the browser. */
export const LanguageChoiceSchema = z.object({
  locale: z.union([z.literal(''), z.enum(LANGUAGES)], { error: `Choose a language: ${LANGUAGES.join(', ')}, or empty to follow the browser` }),
  // Where the picker was: any text, a target that is not a same-site path is ignored (app/auth/redirect-target.ts).
  redirectTo: z.string().optional(),
})
