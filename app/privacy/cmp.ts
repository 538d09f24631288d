import { z } from 'zod'

// The site's own consent tool (a CMP: Cookiebot, CookieYes, Usercentrics, OneTrust…) loaded on published pages
// (issue 19, decision 095): its loader script, the attributes its snippet carries, and the other origins it talks
// to. Safe on both sides. Whether a host is private, and whether it is a known vendor's or the operator's
// (decision 097), needs the server's configuration: app/privacy/cmp.server.ts.

export const CMP_LIMITS = { attributes: 10, attributeValue: 500, origins: 8 } as const

// A host as it can stand in a CSP source: the URL parser keeps `;`, `,`, `'` and `*` in host names, any of which
// would end or widen the policy, so only letters, digits, dots and hyphens pass (IP literals of v4 too; not v6).
export const CSP_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/

/** `https://host[:port]` of `url` as a CSP source, or null when its host could not be one safely. */
export function cspSourceOf(url: string): string | null {
  if (!URL.canParse(url)) return null
  const parsed = new URL(url)
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !CSP_HOST.test(parsed.hostname)) return null
  return parsed.origin
}

/** The first thing wrong with `url` as an address a page may load from, or null. `originOnly`: no path either. */
function urlProblem(url: string, { originOnly = false } = {}): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) {
    return originOnly ? 'Enter an origin such as https://consentcdn.cookiebot.com' : 'Enter a full http:// or https:// URL'
  }
  if (parsed.username || parsed.password) return 'Leave the user name and password out of the URL'
  if (originOnly && !/^https?:\/\/[^/?#]+\/?$/i.test(url)) return 'Enter an origin only, without a path: https://consentcdn.cookiebot.com'
  if (cspSourceOf(url) === null) return 'Use a host name of letters, digits, dots and hyphens'
  return null
}

const addUrlProblem = (options?: { originOnly: boolean }) => (url: string, ctx: z.RefinementCtx) => {
  const problem = urlProblem(url, options)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
}

const CmpScriptUrlSchema = z
  .string({ error: "Enter the address of your consent tool's script" })
  .trim()
  .min(1, "Enter the address of your consent tool's script")
  .max(2000, 'Use at most 2000 characters')
  .superRefine(addUrlProblem())

const CmpOriginSchema = z
  .string({ error: 'Give each origin as text' })
  .trim()
  .max(200, 'Use at most 200 characters')
  .superRefine(addUrlProblem({ originOnly: true }))
  .transform((url) => cspSourceOf(url)!)

// What a vendor's snippet carries besides src: its settings in data-* (data-cbid, data-domain-script,
// data-settings-id, data-blockingmode, a valueless data-tcf-enabled) and an id some loaders find themselves by
// (Cookiebot, Usercentrics, CookieYes). Nothing that runs (on*), loads (src) or changes how it loads (type, async).
const DATA_ATTRIBUTE = /^data-[a-z0-9](?:[a-z0-9._-]{0,62})$/
const ID_VALUE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

export const CmpAttributesSchema = z
  .record(z.string(), z.string({ error: 'Give each attribute a text value' }).max(CMP_LIMITS.attributeValue, `Use at most ${CMP_LIMITS.attributeValue} characters`), {
    error: 'Send attributes as an object: { "data-cbid": "…" }',
  })
  .superRefine((attributes, ctx) => {
    const refused = Object.keys(attributes).filter((name) => name !== 'id' && !DATA_ATTRIBUTE.test(name))
    if (refused.length > 0) ctx.addIssue({ code: 'custom', message: `Only data-* attributes and id: ${refused.join(', ')}` })
    if (Object.keys(attributes).length > CMP_LIMITS.attributes) ctx.addIssue({ code: 'custom', message: `Use at most ${CMP_LIMITS.attributes} attributes` })
    if (attributes.id !== undefined && !ID_VALUE.test(attributes.id)) ctx.addIssue({ code: 'custom', path: ['id'], message: 'An id is a letter, then letters, digits, _ or -' })
  })

/**
 * `privacy.cmp`: the consent tool's loader, loaded first in each published page's <head>; its origin and `origins`
 * join the page's CSP (script, connect, frame, img and style sources).
 */
export const CmpSchema = z.strictObject(
  {
    scriptUrl: CmpScriptUrlSchema,
    attributes: CmpAttributesSchema.optional(),
    origins: z.array(CmpOriginSchema, { error: 'Send origins as a list' }).max(CMP_LIMITS.origins, `Use at most ${CMP_LIMITS.origins} origins`).optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'Send cmp as an object: { "scriptUrl": "https://…" } or null' : undefined) },
)
export type Cmp = z.infer<typeof CmpSchema>

/** Every origin a page with this CMP must allow, the script's first, each once. */
export function cmpSources(cmp: Cmp): string[] {
  const sources = [cmp.scriptUrl, ...(cmp.origins ?? [])].map(cspSourceOf).filter((source): source is string => source !== null)
  return [...new Set(sources)]
}

/**
 * A settings-form field of one entry a line, read by `parse` and checked by `schema`, its problems reported on the
 * field itself (the form shows one message per field, not per line).
 */
export function linesField<T>(schema: z.ZodType<T>, parse: (text: string) => unknown) {
  return z
    .string()
    .max(6000, 'Use at most 6000 characters')
    .transform((text, ctx) => {
      const result = schema.safeParse(parse(text))
      if (result.success) return result.data
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
      return z.NEVER
    })
}

export const splitOriginLines = (text: string) => text.split(/[\s,]+/).filter(Boolean)

/** The settings form's attributes field: one `name=value` (or a bare `name`) a line, as an object. */
export function parseAttributeLines(text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).map((line) => line.trim())
  return Object.fromEntries(
    lines.filter(Boolean).map((line) => {
      const at = line.indexOf('=')
      if (at < 0) return [line, '']
      return [
        line.slice(0, at).trim(),
        line
          .slice(at + 1)
          .trim()
          .replace(/^"(.*)"$/s, '$1'),
      ]
    }),
  )
}

/** The attributes as the form shows them, one a line. */
export const attributeLines = (attributes: Record<string, string> | undefined) =>
  Object.entries(attributes ?? {})
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
    .join('\n')
