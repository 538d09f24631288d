import { z } from 'zod'
import { DEFAULT_MIN_FILL_SECONDS } from '#app/conversions/spam-rules'
import { en } from '#app/visitor-language/catalogues/en'
import { fillText } from '#app/visitor-language/format'
import type { AlertTrigger } from '#app/alerts/schema'
import { FieldSchema, FormDefinitionSchema, otherKeyFor, SuccessActionSchema, type Field, type FieldType, type FormDefinition, type SuccessAction } from './definition'
import { conversionTypeFor, CONVERSION_TYPES, HEARD_ABOUT_DEFAULT_OPTIONS, PURPOSE_IDS, starterFields, type ConversionType, type FormLocale, type PurposeId } from './purposes'
import { FormNameSchema } from './schema'

// The form builder's state and its mapping to and from a FormDefinition. Pure, no server imports: the builder
// (react-hook-form) validates with BuilderSchema, and the live preview shows the parts that are already valid.
// The builder keeps what inputs need (a step number per field, every success option at once, empty strings);
// toDefinitionInput turns that into exactly what FormDefinitionSchema parses, so error paths stay the same.

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  email: 'Email',
  text: 'Short text',
  textarea: 'Long text',
  phone: 'Phone',
  number: 'Number',
  select: 'Dropdown',
  radio: 'Single choice',
  checkboxes: 'Checkboxes',
  consent: 'Consent',
  date: 'Date',
  hidden: 'Hidden (from the URL)',
  heard_about: 'How did you hear about us?',
}

const DEFAULT_MESSAGE = en.form.successMessage

const SUBMIT_LABELS: Record<PurposeId, string> = {
  newsletter: 'Subscribe',
  content_download: 'Get the download',
  event_registration: 'Register',
  demo_request: 'Book a demo',
  meeting_booking: 'Book a meeting',
  quote_request: 'Request a quote',
  contact_sales: 'Contact sales',
  other: en.form.submit,
}

/** A new form's definition: the purpose's starter fields and conversion type, unless the marketer chose one. */
export function newFormDefinition({ purpose, conversionType }: { purpose: PurposeId; conversionType?: ConversionType }): FormDefinition {
  return FormDefinitionSchema.parse({
    purpose,
    conversionType: conversionType ?? conversionTypeFor(purpose),
    fields: starterFields(purpose),
    submitLabel: SUBMIT_LABELS[purpose],
    minFillSeconds: DEFAULT_MIN_FILL_SECONDS,
  })
}

export type BuilderOption = { value: string; label: string }

/** Every setting any field type has; toDefinitionInput keeps those of the field's type. */
export type BuilderField = {
  type: FieldType
  key: string
  label: string
  placeholder?: string
  help?: string
  required?: boolean
  prefillParam?: string
  minLength?: number
  maxLength?: number
  min?: number | string
  max?: number | string
  pattern?: string
  patternMessage?: string
  defaultValue?: string | number | string[]
  options?: BuilderOption[]
  consentText?: string
  /** 0-based step of a multi-step form. */
  step: number
}

export type BuilderSuccess = {
  type: SuccessAction['type']
  message: string
  url: string
  assetSource: 'upload' | 'url'
  assetId: string
  assetUrl: string
  label: string
  hasNextStep: boolean
  nextStep: { text: string; url: string }
}

export type BuilderValues = {
  name: string
  purpose: PurposeId
  conversionType: ConversionType
  fields: BuilderField[]
  isMultiStep: boolean
  steps: { title: string }[]
  success: BuilderSuccess
  submitLabel: string
  minFillSeconds?: number
  /** Not edited in the builder: carried so that saving keeps the form's language. */
  locale?: FormLocale
  confirmationEmail: boolean
  doubleOptIn: boolean
  /** Lead alerts (FormAlertsSchema): the addresses as typed, one text, split on commas, semicolons and spaces. */
  hasAlerts: boolean
  alerts: { emails: string; chatWebhookUrl: string; on: AlertTrigger; digest: boolean }
}

export function fromDefinition(name: string, definition: FormDefinition): BuilderValues {
  const stepOf = new Map(definition.steps?.flatMap((step, i) => step.fieldKeys.map((key) => [key, i] as const)) ?? [])
  const success = definition.success
  return {
    name,
    purpose: definition.purpose,
    conversionType: definition.conversionType,
    fields: definition.fields.map((field) => ({ ...field, step: stepOf.get(field.key) ?? 0 })),
    isMultiStep: Boolean(definition.steps),
    steps: definition.steps?.map((step) => ({ title: step.title })) ?? [],
    success: {
      type: success.type,
      message: success.type === 'message' ? success.message : DEFAULT_MESSAGE,
      url: success.type === 'redirect' ? success.url : '',
      assetSource: success.type === 'asset' && success.assetUrl ? 'url' : 'upload',
      assetId: (success.type === 'asset' && success.assetId) || '',
      assetUrl: (success.type === 'asset' && success.assetUrl) || '',
      label: success.type === 'asset' ? success.label : 'Download',
      hasNextStep: Boolean(success.nextStep),
      nextStep: success.nextStep ?? { text: '', url: '' },
    },
    submitLabel: definition.submitLabel,
    minFillSeconds: definition.minFillSeconds ?? DEFAULT_MIN_FILL_SECONDS,
    ...(definition.locale ? { locale: definition.locale } : {}),
    confirmationEmail: definition.confirmationEmail ?? false,
    doubleOptIn: definition.doubleOptIn ?? false,
    hasAlerts: Boolean(definition.alerts),
    alerts: {
      emails: definition.alerts?.emails.join(', ') ?? '',
      chatWebhookUrl: definition.alerts?.chatWebhookUrl ?? '',
      on: definition.alerts?.on ?? 'hot',
      digest: definition.alerts?.digest ?? false,
    },
  }
}

/** The alerts as FormAlertsSchema's input; a blank chat URL is no chat post. */
function toAlertsInput(alerts: BuilderValues['alerts']): Record<string, unknown> {
  const chatWebhookUrl = trimmed(alerts.chatWebhookUrl)
  return { emails: (alerts.emails ?? '').split(/[\s,;]+/).filter(Boolean), ...(chatWebhookUrl ? { chatWebhookUrl } : {}), on: alerts.on, digest: alerts.digest }
}

// The settings each type has, read from its schema so a new setting needs no change here.
const KEYS_BY_TYPE = new Map(FieldSchema.options.map((schema) => [schema.shape.type.value as FieldType, Object.keys(schema.shape)]))
/** Text the schema requires: kept as '' so the message says "… is required" rather than "expected string". */
const REQUIRED_TEXT = new Set(['key', 'label', 'consentText'])

function cleanValue(name: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim()
    return text === '' && !REQUIRED_TEXT.has(name) ? undefined : text
  }
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value // an emptied number input
  if (Array.isArray(value) && name === 'defaultValue') return value.length ? value : undefined
  if (Array.isArray(value) && name === 'options') return value.map((o: BuilderOption) => ({ value: o.value?.trim() ?? '', label: o.label?.trim() ?? '' }))
  return value
}

/** One field as FieldSchema expects it: only its type's settings, blanks left out. */
export function toFieldInput(field: BuilderField): Record<string, unknown> {
  const keys = KEYS_BY_TYPE.get(field.type) ?? ['type', 'key', 'label']
  const input: Record<string, unknown> = {}
  for (const name of keys) {
    const value = cleanValue(name, (field as Record<string, unknown>)[name])
    if (value !== undefined) input[name] = value
  }
  if (field.type === 'consent') input.required = true
  return input
}

const trimmed = (value: string | undefined) => (value ?? '').trim()

function toSuccessInput(success: BuilderSuccess): Record<string, unknown> {
  const nextStep = success.hasNextStep ? { nextStep: { text: trimmed(success.nextStep?.text), url: trimmed(success.nextStep?.url) } } : {}
  switch (success.type) {
    case 'message':
      return { type: 'message', message: trimmed(success.message), ...nextStep }
    case 'redirect':
      return { type: 'redirect', url: trimmed(success.url) }
    case 'asset': {
      // Only the chosen source, kept even when blank, so the error lands on the input the marketer sees.
      const source = success.assetSource === 'url' ? { assetUrl: trimmed(success.assetUrl) } : { assetId: trimmed(success.assetId) }
      return { type: 'asset', label: trimmed(success.label), ...source, ...nextStep }
    }
    default:
      return { type: success.type }
  }
}

/** The builder's values as FormDefinitionSchema's input, and the name beside it. */
export function toDefinitionInput(values: BuilderValues): { name: string; definition: Record<string, unknown> } {
  const builderFields = values.fields ?? [] // react-hook-form's watched values can be partial mid-update
  const fields = builderFields.map(toFieldInput)
  const steps = values.isMultiStep
    ? (values.steps ?? []).map((step, s) => ({
        title: step.title,
        fieldKeys: builderFields.flatMap((field, i) => (field.step === s ? [String(fields[i]!.key ?? '')] : [])),
      }))
    : undefined
  const minFillSeconds = cleanValue('minFillSeconds', values.minFillSeconds)
  return {
    name: values.name,
    definition: {
      purpose: values.purpose,
      conversionType: values.conversionType,
      fields,
      ...(steps ? { steps } : {}),
      success: toSuccessInput(values.success),
      submitLabel: values.submitLabel,
      ...(minFillSeconds === undefined ? {} : { minFillSeconds }),
      ...(values.locale ? { locale: values.locale } : {}),
      // Only when on, so a form that never had them stores the same definition as before.
      ...(values.confirmationEmail ? { confirmationEmail: true } : {}),
      ...(values.doubleOptIn ? { doubleOptIn: true } : {}),
      ...(values.hasAlerts && values.alerts ? { alerts: toAlertsInput(values.alerts) } : {}),
    },
  }
}

/** What the builder validates: the name and the definition, side by side, with the definition's own paths. */
export const BuilderSchema = z.preprocess(
  (values) => {
    const { name, definition } = toDefinitionInput(values as BuilderValues)
    return { name, ...definition }
  },
  z.object({ name: FormNameSchema }).and(FormDefinitionSchema),
)

export type Preview = { definition: FormDefinition; hiddenFields: number }

/**
 * The valid parts of what the marketer has so far, for the live preview: fields that pass their schema (first
 * of a key wins), steps that have such fields, and the success action or the default; null without any field.
 */
export function previewOf(values: BuilderValues): Preview | null {
  const { definition } = toDefinitionInput(values)
  const inputs = definition.fields as Record<string, unknown>[]
  const taken = new Set<string>()
  const valid: { field: Field; step: number }[] = []
  const builderFields = values.fields ?? []
  builderFields.forEach((builderField, i) => {
    const parsed = FieldSchema.safeParse(inputs[i])
    if (!parsed.success || taken.has(parsed.data.key)) return
    taken.add(parsed.data.key).add(otherKeyFor(parsed.data.key))
    valid.push({ field: parsed.data, step: builderField.step })
  })
  if (!valid.length) return null
  const steps = values.isMultiStep
    ? (values.steps ?? [])
        .map((step, s) => ({ title: (step.title ?? '').trim() || fillText(en.form.stepNumbered, { number: s + 1 }), fieldKeys: valid.filter((v) => v.step === s).map((v) => v.field.key) }))
        .filter((step) => step.fieldKeys.length)
    : []
  const success = SuccessActionSchema.safeParse(definition.success)
  return {
    definition: {
      purpose: PURPOSE_IDS.includes(values.purpose) ? values.purpose : 'other',
      conversionType: CONVERSION_TYPES.includes(values.conversionType) ? values.conversionType : 'soft',
      fields: valid.map((v) => v.field),
      ...(steps.length >= 2 ? { steps } : {}),
      success: success.success ? success.data : { type: 'message', message: DEFAULT_MESSAGE },
      submitLabel: (values.submitLabel ?? '').trim().slice(0, 60) || en.form.submit,
    },
    hiddenFields: builderFields.length - valid.length,
  }
}

/** `base`, or `base_2`, `base_3`, … : the first key no field uses yet (nor a heard_about's `<key>_other`). */
export function uniqueKey(base: string, fields: Pick<BuilderField, 'key' | 'type'>[]): string {
  const taken = new Set(fields.flatMap((field) => (field.type === 'heard_about' ? [field.key, otherKeyFor(field.key)] : [field.key])))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`
}

const options = (...labels: string[]) => labels.map((label, i) => ({ value: `option_${i + 1}`, label }))

const NEW_FIELDS: Record<FieldType, Omit<BuilderField, 'step'>> = {
  email: { type: 'email', key: 'email', label: 'Work email', placeholder: 'you@company.com', required: true },
  text: { type: 'text', key: 'text', label: 'Short answer', required: false },
  textarea: { type: 'textarea', key: 'message', label: 'Message', required: false },
  phone: { type: 'phone', key: 'phone', label: 'Phone', required: false },
  number: { type: 'number', key: 'number', label: 'Number', required: false },
  select: { type: 'select', key: 'choice', label: 'Choose one', required: false, options: options('Option 1', 'Option 2') },
  radio: { type: 'radio', key: 'choice', label: 'Choose one', required: false, options: options('Option 1', 'Option 2') },
  checkboxes: { type: 'checkboxes', key: 'choices', label: 'Choose any', required: false, options: options('Option 1', 'Option 2') },
  consent: { type: 'consent', key: 'consent', label: 'Consent', required: true, consentText: 'I agree to the privacy policy and to being contacted about my request.' },
  date: { type: 'date', key: 'date', label: 'Date', required: false },
  hidden: { type: 'hidden', key: 'campaign', label: 'Campaign', required: false, prefillParam: 'utm_campaign' },
  heard_about: { type: 'heard_about', key: 'heard_about', label: en.form.heardAboutQuestion, required: false, options: HEARD_ABOUT_DEFAULT_OPTIONS.map((o) => ({ ...o })) },
}

/** A new field of `type` with a key no other field uses, in `step`. */
export function newField(type: FieldType, fields: Pick<BuilderField, 'key' | 'type'>[], step = 0): BuilderField {
  const template = structuredClone(NEW_FIELDS[type])
  return { ...template, key: uniqueKey(template.key, fields), step }
}

const CHOICE_TYPES: FieldType[] = ['select', 'radio', 'checkboxes', 'heard_about']

/** The field as another type: what both types share (key, label, help, options…) stays, the rest starts fresh. */
export function changeFieldType(field: BuilderField, type: FieldType): BuilderField {
  const fresh = structuredClone(NEW_FIELDS[type])
  const keepOptions = CHOICE_TYPES.includes(field.type) && CHOICE_TYPES.includes(type) && field.options?.length
  return {
    ...fresh,
    key: field.key,
    label: field.label,
    help: field.help,
    placeholder: field.placeholder,
    prefillParam: field.prefillParam,
    required: type === 'consent' ? true : Boolean(field.required),
    ...(keepOptions ? { options: field.options } : {}),
    step: field.step,
  }
}

/** Where a field of `step` goes when step `removed` is deleted: into the step before it, later ones move up. */
export function stepAfterRemoving(step: number, removed: number): number {
  if (step < removed) return step
  return step === removed ? Math.max(0, removed - 1) : step - 1
}
