import { z } from 'zod'
import { readVisitorLocale } from '#app/visitor-language/locales'

// Shared by the browser and the server: no server imports here.

// The English templates, then the Swedish and Danish ones (app/pages/templates/index.ts holds each one's language).
export const TEMPLATE_IDS = ['webinar', 'whitepaper', 'demo', 'quote', 'blank', 'webinar-sv', 'whitepaper-sv', 'demo-sv', 'quote-sv', 'webinar-da', 'whitepaper-da', 'demo-da', 'quote-da'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export const SlugSchema = z
  .string({ error: 'Slug is required' })
  .trim()
  .min(1, 'Slug is required')
  .max(60, 'Use at most 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens (e.g. spring-webinar)')

export const PageNameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Use at most 120 characters')

/** A URL people may link to or load from: http(s) or a path on this site; empty means none. */
const LinkUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .refine((v) => v === '' || /^https?:\/\//i.test(v) || (v.startsWith('/') && !v.startsWith('//')), 'Use an http(s) URL or a path starting with /')

export const HexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3b55e6')

export const PageSettingsSchema = z.object({
  title: z.string().trim().max(120, 'Use at most 120 characters'),
  description: z.string().trim().max(300, 'Use at most 300 characters'),
  socialImage: LinkUrlSchema,
  noindex: z.boolean(),
  favicon: LinkUrlSchema,
  theme: z.object({
    brandColor: HexColorSchema,
    font: z.string().trim().min(1).max(40),
    logo: LinkUrlSchema,
  }),
})

export const DEFAULT_PAGE_SETTINGS: z.infer<typeof PageSettingsSchema> = {
  title: '',
  description: '',
  socialImage: '',
  noindex: false,
  favicon: '',
  theme: { brandColor: '#3b55e6', font: 'system-sans', logo: '' },
}

/** The page's language: a supported BCP 47 tag, canonicalised (`SV-se` → `sv-SE`); anything else names itself in the error. */
export const PageLocaleSchema = z.unknown().transform((value, ctx) => {
  const reading = readVisitorLocale(value)
  if (reading.ok) return reading.locale
  ctx.addIssue({ code: 'custom', message: reading.message })
  return z.NEVER
})

export const CreatePageSchema = z.object({
  name: PageNameSchema,
  slug: SlugSchema,
  locale: PageLocaleSchema.optional(),
  template: z.enum(TEMPLATE_IDS, { error: `Choose one of: ${TEMPLATE_IDS.join(', ')}` }).default('blank'),
  formId: z.uuid('formId must be a form id').optional(),
})
export type CreatePage = z.infer<typeof CreatePageSchema>

/** PATCH /api/v1/pages/:id: what an API client may change on a page besides its drafts. */
export const UpdatePageSchema = z
  .object({ name: PageNameSchema.optional(), locale: PageLocaleSchema.optional() })
  .strict()
  .refine((changes) => changes.name !== undefined || changes.locale !== undefined, 'Send at least one of: name, locale')

export const VariantNameSchema = z.string().trim().min(1, 'Name is required').max(60, 'Use at most 60 characters')

export const CreateVariantSchema = z.object({
  name: VariantNameSchema.optional(),
  copyFrom: z
    .string()
    .regex(/^[A-Z]{1,2}$/, 'copyFrom must be a variant key like "A"')
    .optional(),
})

/** The key after `keys`: A, B, …, Z, then AA, AB, … */
export function nextVariantKey(keys: string[]) {
  const toNumber = (key: string) => [...key].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0)
  const next = keys.reduce((max, key) => Math.max(max, toNumber(key)), 0) + 1
  let key = ''
  for (let n = next; n > 0; n = Math.floor((n - 1) / 26)) key = String.fromCharCode(65 + ((n - 1) % 26)) + key
  return key
}
