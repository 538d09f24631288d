import { z } from 'zod'
import { privacyModes } from '#db/enums'
import { VISITOR_LOCALES } from '#app/visitor-language/locales'
import type { PrivacySettings } from '#app/privacy/settings'
import type { PrivacySettingsJson } from '#db/schema'
import { CmpAttributesSchema, CmpSchema, linesField, parseAttributeLines, splitOriginLines } from '#app/privacy/cmp'

// The privacy settings as the API and the settings screen take them (issue 19). No server imports: the screen's
// form validates with the same rules in the browser. What is stored is read by app/privacy/settings.ts.

export const COOKIE_DAYS = { min: 30, max: 395 } as const
export const RETENTION_MONTHS = { min: 1, max: 120 } as const
/** How long each piece of the banner's own wording may be. */
export const BANNER_TEXT_LIMITS = { title: 120, body: 600, accept: 40, reject: 40 } as const
export const BANNER_TEXT_PARTS = ['title', 'body', 'accept', 'reject'] as const
export type BannerTextPart = (typeof BANNER_TEXT_PARTS)[number]
/** What a too long piece says, written out so the settings screen finds it in its catalogue (privacySettings.validation). */
const BANNER_TEXT_TOO_LONG: Record<BannerTextPart, string> = {
  title: 'Use at most 120 characters',
  body: 'Use at most 600 characters',
  accept: 'Use at most 40 characters',
  reject: 'Use at most 40 characters',
}

const ModeSchema = z.enum(privacyModes, { error: 'Choose consent, cookieless or cookies' })
const CookieDaysSchema = z
  .int({ error: 'cookieDays must be a whole number of days' })
  .min(COOKIE_DAYS.min, 'Keep cookies at least 30 days')
  .max(COOKIE_DAYS.max, 'Keep cookies at most 395 days (13 months)')
const RetentionSchema = z
  .int({ error: 'retentionMonths must be a whole number of months' })
  .min(RETENTION_MONTHS.min, 'Keep page views at least 1 month')
  .max(RETENTION_MONTHS.max, 'Keep page views at most 120 months')
const PolicyUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a full http:// or https:// URL' }))

const bannerPart = (part: BannerTextPart) =>
  z
    .string({ error: `${part} must be text` })
    .trim()
    .max(BANNER_TEXT_LIMITS[part], BANNER_TEXT_TOO_LONG[part])
    .optional()
const BannerTextSchema = z.strictObject({ title: bannerPart('title'), body: bannerPart('body'), accept: bannerPart('accept'), reject: bannerPart('reject') })
export type BannerText = z.infer<typeof BannerTextSchema>

/**
 * `privacy` in PATCH /api/v1/workspace: each key optional, merged into what is stored. `policyUrl: null` removes
 * the link; `bannerText` replaces the wording of each language it names (`null` for a language removes it).
 */
export const PrivacyPatchSchema = z
  .strictObject({
    mode: ModeSchema.optional(),
    banner: z.boolean({ error: 'banner must be true or false' }).optional(),
    cookieDays: CookieDaysSchema.optional(),
    retentionMonths: RetentionSchema.optional(),
    policyUrl: PolicyUrlSchema.nullable().optional(),
    bannerText: z.partialRecord(z.enum(VISITOR_LOCALES, { error: `Use a page language: ${VISITOR_LOCALES.join(', ')}` }), BannerTextSchema.nullable()).optional(),
    // Replaced whole; null removes it (decision 095).
    cmp: CmpSchema.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of mode, banner, cookieDays, retentionMonths, policyUrl, bannerText, cmp')
export type PrivacyPatch = z.infer<typeof PrivacyPatchSchema>

/** The form field of one language's banner wording: `bannerText_sv_title` (flat, so the browser and the action agree). */
export const bannerFieldName = (language: string, part: BannerTextPart) => `bannerText_${language}_${part}`

const bannerFields = Object.fromEntries(
  VISITOR_LOCALES.flatMap((language) => BANNER_TEXT_PARTS.map((part) => [bannerFieldName(language, part), z.string().trim().max(BANNER_TEXT_LIMITS[part], BANNER_TEXT_TOO_LONG[part]).optional()])),
) as Record<string, z.ZodOptional<z.ZodString>>

/**
 * The settings screen's Privacy form: every setting sent as text (a checkbox is `on` or absent), turned into a
 * complete patch. An empty wording field reads the catalogue's; an empty policy link removes it.
 */
export const PrivacyFormSchema = z
  .object({
    mode: ModeSchema,
    // `on` from a posted checkbox, a boolean from react-hook-form in the browser.
    banner: z.union([z.string(), z.boolean()]).optional(),
    cookieDays: z.coerce.number({ error: 'Enter a number of days' }).pipe(CookieDaysSchema),
    retentionMonths: z.coerce.number({ error: 'Enter a number of months' }).pipe(RetentionSchema),
    policyUrl: z.union([z.literal(''), PolicyUrlSchema]).optional(),
    // The consent tool: an empty address removes it; attributes one `name=value` a line, origins one a line.
    cmpScriptUrl: z.union([z.literal(''), CmpSchema.shape.scriptUrl]).optional(),
    cmpAttributes: linesField(CmpAttributesSchema, parseAttributeLines).optional(),
    cmpOrigins: linesField(CmpSchema.shape.origins.unwrap(), splitOriginLines).optional(),
    ...bannerFields,
  })
  .transform((form): PrivacyPatch => {
    const values = form as unknown as Record<string, string | undefined>
    const bannerText: Record<string, BannerText | null> = {}
    for (const language of VISITOR_LOCALES) {
      const text = Object.fromEntries(BANNER_TEXT_PARTS.flatMap((part) => (values[bannerFieldName(language, part)] ? [[part, values[bannerFieldName(language, part)]]] : [])))
      bannerText[language] = Object.keys(text).length > 0 ? text : null
    }
    const attributes = form.cmpAttributes && Object.keys(form.cmpAttributes).length > 0 ? form.cmpAttributes : undefined
    const origins = form.cmpOrigins && form.cmpOrigins.length > 0 ? form.cmpOrigins : undefined
    const cmp = form.cmpScriptUrl ? { scriptUrl: form.cmpScriptUrl, ...(attributes ? { attributes } : {}), ...(origins ? { origins } : {}) } : null
    return {
      mode: form.mode,
      banner: form.banner === 'on' || form.banner === true,
      cookieDays: form.cookieDays,
      retentionMonths: form.retentionMonths,
      policyUrl: form.policyUrl || null,
      bannerText,
      cmp,
    }
  })

/** The stored settings with `patch` applied: the keys it names replace theirs, and each language it names its wording. */
export function applyPrivacyPatch(current: PrivacySettings, patch: PrivacyPatch): PrivacySettingsJson {
  const { bannerText: textPatch, ...rest } = patch
  const bannerText: NonNullable<PrivacySettingsJson['bannerText']> = { ...current.bannerText }
  for (const [language, text] of Object.entries(textPatch ?? {})) {
    const kept = text ? Object.fromEntries(Object.entries(text).filter(([, value]) => value)) : {}
    if (Object.keys(kept).length > 0) bannerText[language] = kept
    else delete bannerText[language]
  }
  return { ...current, ...rest, bannerText }
}
