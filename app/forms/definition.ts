import { z } from 'zod'
import { fieldErrorsOf } from '#app/http/field-errors'
import { en } from '#app/visitor-language/catalogues/en'
import { compileFieldPattern, DEFAULT_TEXT_CAP, DEFAULT_TEXTAREA_CAP, isIsoDate, MAX_PATTERN_LENGTH, MAX_REPETITIONS, otherKeyFor } from './field-rules'
import { FormAlertsSchema } from '#app/alerts/schema'
import { CONVERSION_TYPES, FORM_LOCALES, HEARD_ABOUT_DEFAULT_OPTIONS, PURPOSE_IDS } from './purposes'

export { compileFieldPattern, DEFAULT_TEXT_CAP, DEFAULT_TEXTAREA_CAP, isIsoDate, MAX_PATTERN_LENGTH, OTHER_OPTION_VALUE, otherKeyFor } from './field-rules'

// What a marketer builds: the form builder (browser) and POST /api/v1/forms (server) both parse with these
// schemas, so no server imports here. Messages are for marketers; visitors' messages live in validation.ts.

export const FIELD_TYPES = ['email', 'text', 'textarea', 'phone', 'number', 'select', 'radio', 'checkboxes', 'consent', 'date', 'hidden', 'heard_about'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** Names the form runtime posts next to the answers: form id, idempotency key, honeypot, fill timer, step, variant. */
export const RESERVED_KEYS: readonly string[] = ['_form', '_idem', '_hp', '_t', '_step', '_variant', '_x']
export const MAX_FIELDS = 50
export const MAX_OPTIONS = 50
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`)
const requiredText = (max: number, name: string) => text(max).min(1, `${name} is required`)

function isHttpUrl(value: string) {
  if (!/^https?:\/\//i.test(value)) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}
// A backslash would let "/\evil.example" through: browsers read it as "//evil.example", another site.
const isSitePath = (value: string) => value.startsWith('/') && !value.startsWith('//') && !/[\\\s]/.test(value)

const HttpUrlSchema = text(2000).refine(isHttpUrl, 'Use a full http:// or https:// address')
const LinkSchema = text(2000).refine((v) => isHttpUrl(v) || isSitePath(v), 'Use an http(s) address or a path starting with / (like /p/demo)')
const IsoDateSchema = z.string().trim().refine(isIsoDate, 'Use a date like 2025-01-31')

const FieldKeySchema = z
  .string({ error: 'Key is required' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1–40 lowercase letters, digits or _, starting with a letter')
  // The pattern already keeps out the reserved names (they start with _); stated so a looser pattern cannot.
  .refine((key) => !RESERVED_KEYS.includes(key), 'This key is reserved')

const PatternSchema = text(MAX_PATTERN_LENGTH).refine(
  (source) => compileFieldPattern(source) !== null,
  `Use a valid regular expression with at most ${MAX_REPETITIONS} repetitions (+, *, {m,n}), no backreferences, and no repeated group that repeats or branches, like (a+)+`,
)

const OptionSchema = z.object({ value: requiredText(100, 'Option value'), label: requiredText(200, 'Option label') })
const OptionsSchema = z
  .array(OptionSchema)
  .min(1, 'Add at least one option')
  .max(MAX_OPTIONS, `Use at most ${MAX_OPTIONS} options`)
  .superRefine((options, ctx) => {
    const seen = new Set<string>()
    options.forEach((option, i) => {
      if (seen.has(option.value)) ctx.addIssue({ code: 'custom', path: [i, 'value'], message: `The value "${option.value}" is used twice` })
      seen.add(option.value)
    })
  })

export const FieldBaseSchema = z.object({
  key: FieldKeySchema,
  label: requiredText(200, 'Label'),
  placeholder: text(200).optional(),
  help: text(500).optional(),
  required: z.boolean().default(false),
  prefillParam: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'Use up to 64 letters, digits, _, . or -')
    .optional(),
})

type Issue = { path: (string | number)[]; message: string }
type Ctx = { addIssue: (issue: Issue & { code: 'custom' }) => void }
const report = (ctx: Ctx, issues: (Issue | false)[]) => issues.forEach((issue) => issue && ctx.addIssue({ code: 'custom', ...issue }))

function checkLengths(field: { type: 'text' | 'textarea'; minLength?: number; maxLength?: number; defaultValue?: string }, ctx: Ctx) {
  const { minLength = 0, maxLength = field.type === 'text' ? DEFAULT_TEXT_CAP : DEFAULT_TEXTAREA_CAP, defaultValue } = field
  report(ctx, [
    minLength > maxLength && { path: ['minLength'], message: 'Minimum length must not exceed the maximum length' },
    defaultValue !== undefined && defaultValue.length > maxLength && { path: ['defaultValue'], message: 'The default value is longer than the maximum length' },
  ])
}

function checkRange<T extends number | string>(field: { min?: T; max?: T; defaultValue?: T }, ctx: Ctx) {
  const { min, max, defaultValue } = field
  report(ctx, [
    min !== undefined && max !== undefined && min > max && { path: ['max'], message: 'Maximum must not be below the minimum' },
    defaultValue !== undefined &&
      ((min !== undefined && defaultValue < min) || (max !== undefined && defaultValue > max)) && { path: ['defaultValue'], message: 'The default value is outside the allowed range' },
  ])
}

function checkDefaultOption(field: { options: { value: string }[]; defaultValue?: string | string[] }, ctx: Ctx) {
  const values = new Set(field.options.map((o) => o.value))
  const defaults = field.defaultValue === undefined ? [] : [field.defaultValue].flat()
  report(ctx, [defaults.some((v) => !values.has(v)) && { path: ['defaultValue'], message: 'The default value must be one of the options' }])
}

const lengthRules = (cap: number) => ({
  minLength: z.number().int().min(0).max(cap).optional(),
  maxLength: z.number().int().min(1).max(cap, `Use a maximum length of at most ${cap}`).optional(),
  defaultValue: text(cap).optional(),
})

export const EmailFieldSchema = FieldBaseSchema.extend({ type: z.literal('email'), defaultValue: text(254).optional() })
// Patterns only on one-line text: browsers ignore `pattern` on a textarea, and long answers make regexes costly.
export const TextFieldSchema = FieldBaseSchema.extend({
  type: z.literal('text'),
  ...lengthRules(500),
  pattern: PatternSchema.optional(),
  patternMessage: text(200).optional(),
}).superRefine(checkLengths)
export const TextareaFieldSchema = FieldBaseSchema.extend({ type: z.literal('textarea'), ...lengthRules(10_000) }).superRefine(checkLengths)
export const PhoneFieldSchema = FieldBaseSchema.extend({ type: z.literal('phone'), defaultValue: text(30).optional() })
export const NumberFieldSchema = FieldBaseSchema.extend({
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  defaultValue: z.number().optional(),
}).superRefine(checkRange)
export const DateFieldSchema = FieldBaseSchema.extend({
  type: z.literal('date'),
  min: IsoDateSchema.optional(),
  max: IsoDateSchema.optional(),
  defaultValue: IsoDateSchema.optional(),
}).superRefine(checkRange)
const choiceRules = { options: OptionsSchema, defaultValue: text(100).optional() }
export const SelectFieldSchema = FieldBaseSchema.extend({ type: z.literal('select'), ...choiceRules }).superRefine(checkDefaultOption)
export const RadioFieldSchema = FieldBaseSchema.extend({ type: z.literal('radio'), ...choiceRules }).superRefine(checkDefaultOption)
export const CheckboxesFieldSchema = FieldBaseSchema.extend({
  type: z.literal('checkboxes'),
  options: OptionsSchema,
  defaultValue: z.array(text(100)).max(MAX_OPTIONS).optional(),
}).superRefine(checkDefaultOption)
// No defaultValue: consent must be given by the visitor, never pre-ticked (GDPR).
export const ConsentFieldSchema = FieldBaseSchema.extend({
  type: z.literal('consent'),
  required: z.literal(true, { error: 'Consent fields are always required' }).default(true),
  consentText: requiredText(1000, 'Consent text'),
})
// The value comes from the URL parameter prefillParam (or the key when unset), else defaultValue.
export const HiddenFieldSchema = FieldBaseSchema.extend({ type: z.literal('hidden'), defaultValue: text(500).optional() })
export const HeardAboutFieldSchema = FieldBaseSchema.extend({
  type: z.literal('heard_about'),
  options: OptionsSchema.default(() => HEARD_ABOUT_DEFAULT_OPTIONS.map((option) => ({ ...option }))),
  defaultValue: text(100).optional(),
}).superRefine(checkDefaultOption)

// prettier-ignore
const FIELD_SCHEMAS = [
  EmailFieldSchema, TextFieldSchema, TextareaFieldSchema, PhoneFieldSchema, NumberFieldSchema, SelectFieldSchema,
  RadioFieldSchema, CheckboxesFieldSchema, ConsentFieldSchema, DateFieldSchema, HiddenFieldSchema, HeardAboutFieldSchema,
] as const
export const FieldSchema = z.discriminatedUnion('type', FIELD_SCHEMAS, { error: `Choose a field type: ${FIELD_TYPES.join(', ')}` })
export type Field = z.infer<typeof FieldSchema>
export type FieldInput = z.input<typeof FieldSchema>

function checkAssetSource(asset: { assetUrl?: string; assetId?: string }, ctx: Ctx) {
  if ((asset.assetUrl === undefined) === (asset.assetId === undefined)) ctx.addIssue({ code: 'custom', path: ['assetUrl'], message: 'Upload a file or give its URL: exactly one of the two' })
}

const NextStepSchema = z.object({ text: requiredText(200, 'Next-step text'), url: LinkSchema })
const SuccessBaseSchema = z.object({ nextStep: NextStepSchema.optional() })
export const SuccessActionSchema = z.discriminatedUnion(
  'type',
  [
    SuccessBaseSchema.extend({ type: z.literal('message'), message: requiredText(1000, 'Message') }),
    SuccessBaseSchema.extend({ type: z.literal('redirect'), url: HttpUrlSchema }),
    // The file is either uploaded (assetId: an `assets` row, whose workspace the saving action checks) or
    // hosted elsewhere (assetUrl); visitors get an expiring /d/ link either way, never the address itself.
    SuccessBaseSchema.extend({
      type: z.literal('asset'),
      assetUrl: HttpUrlSchema.optional(),
      assetId: z.uuid('Choose an uploaded file').optional(),
      label: requiredText(100, 'Button label'),
    }).superRefine(checkAssetSource),
  ],
  { error: 'Choose what happens after submitting: message, redirect or asset' },
)
export type SuccessAction = z.infer<typeof SuccessActionSchema>

const StepSchema = z.object({
  title: requiredText(100, 'Step title'),
  fieldKeys: z.array(z.string().max(40)).min(1, 'Add at least one field to this step').max(MAX_FIELDS),
})

export const FormDefinitionSchema = z
  .object({
    fields: z.array(FieldSchema).min(1, 'Add at least one field').max(MAX_FIELDS, `Use at most ${MAX_FIELDS} fields`),
    steps: z.array(StepSchema).min(2, 'A multi-step form needs at least 2 steps').max(10, 'Use at most 10 steps').optional(),
    conversionType: z.enum(CONVERSION_TYPES, { error: 'Choose soft or hard' }),
    purpose: z.enum(PURPOSE_IDS, { error: 'Choose a purpose' }),
    success: SuccessActionSchema.default(() => ({ type: 'message' as const, message: en.form.successMessage })),
    submitLabel: requiredText(60, 'Button label').default(en.form.submit),
    // Submissions faster than this are treated as bots (checked by the submit action against the _t field).
    minFillSeconds: z.number().int().min(0).max(600).optional(),
    // The language of the form's own text (labels, button, consent); absent means English. A page made from a
    // Swedish template gets the workspace's Swedish form of its purpose (purpose-form.server.ts).
    locale: z.enum(FORM_LOCALES, { error: `Choose a language: ${FORM_LOCALES.join(', ')}` }).optional(),
    // Who hears of this form's leads at once (app/alerts/): emails, a chat webhook, hot leads only or all.
    alerts: FormAlertsSchema.optional(),
    // Mail to the visitor (docs/email.md "Mail to visitors"), to the form's email field: a confirmation after
    // submitting (carrying the download link on an asset form), and double opt-in (the lead stays unconfirmed
    // until the visitor opens the link in the mail), expected for newsletters in the Nordics.
    confirmationEmail: z.boolean({ error: 'confirmationEmail must be true or false' }).optional(),
    doubleOptIn: z.boolean({ error: 'doubleOptIn must be true or false' }).optional(),
  })
  .superRefine(checkKeys)
  .superRefine(checkVisitorMail)
  .superRefine(checkSteps)
export type FormDefinition = z.infer<typeof FormDefinitionSchema>
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>

/** Keys name answers, so they must be unique, including the `<key>_other` a heard_about field posts. */
function checkKeys(form: { fields: Field[] }, ctx: Ctx) {
  const owners = new Map<string, number>()
  form.fields.forEach((field, i) => {
    if (field.type === 'heard_about') owners.set(otherKeyFor(field.key), i)
  })
  form.fields.forEach((field, i) => {
    const owner = owners.get(field.key)
    if (owner !== undefined) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `"${field.key}" is already used by field ${owner + 1}` })
    else owners.set(field.key, i)
  })
}

/** Mail to the visitor goes to the address it gave, so a form that sends one needs an email field. */
function checkVisitorMail(form: { fields: Field[]; confirmationEmail?: boolean; doubleOptIn?: boolean }, ctx: Ctx) {
  if (form.fields.some((field) => field.type === 'email')) return
  for (const key of ['confirmationEmail', 'doubleOptIn'] as const) if (form[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} needs an email field to send to` })
}

/** With steps, each field belongs to exactly one step, so a no-JS multi-step form validates each post on its own. */
function checkSteps(form: { fields: Field[]; steps?: { fieldKeys: string[] }[] }, ctx: Ctx) {
  if (!form.steps) return
  const fieldKeys = new Set(form.fields.map((field) => field.key))
  const stepOf = new Map<string, number>()
  form.steps.forEach((step, s) =>
    step.fieldKeys.forEach((key, k) => {
      const path = ['steps', s, 'fieldKeys', k]
      if (!fieldKeys.has(key)) ctx.addIssue({ code: 'custom', path, message: `No field has the key "${key}"` })
      else if (stepOf.has(key)) ctx.addIssue({ code: 'custom', path, message: `"${key}" is already in step ${stepOf.get(key)! + 1}` })
      else stepOf.set(key, s)
    }),
  )
  const missing = [...fieldKeys].filter((key) => !stepOf.has(key))
  if (missing.length) ctx.addIssue({ code: 'custom', path: ['steps'], message: `Put every field in a step; missing: ${missing.join(', ')}` })
}

export type FormDefinitionResult = { ok: true; definition: FormDefinition } | { ok: false; errors: Record<string, string[]> }

/** Parses stored or posted JSON; errors are keyed by dotted path (`fields.2.key`) for the builder and the API. */
export function validateFormDefinition(json: unknown): FormDefinitionResult {
  const result = FormDefinitionSchema.safeParse(json)
  return result.success ? { ok: true, definition: result.data } : { ok: false, errors: fieldErrorsOf(result.error) }
}
