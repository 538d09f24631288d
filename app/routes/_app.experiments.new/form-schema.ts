import { z } from 'zod'
import { createExperimentSchema, ExperimentSettingsSchema } from '#app/experiments/schema'

// The create form posts flat fields, as a browser without JavaScript sends them: ticked variant keys, one
// `weight_<key>` per variant, percentages as typed, metrics as their keys (any, soft, hard, hot, mql, sql, opportunity,
// customer, pipeline) or form:<id>. Both the browser
// (react-hook-form's zodResolver) and the action map them the same way, then validate with CreateExperimentSchema,
// so the issues keep its paths (`variants`, `variants.1.weight`, `coverage`…).

/** The schema's own defaults (coverage 1, primary metric any, 95% confidence, 7 days, 14 days' maturity, no auto-ship). */
export const DEFAULT_SETTINGS = ExperimentSettingsSchema.parse({ name: 'defaults' })
export const MULTIPLE_FIELDS = ['variants', 'secondaryMetrics']
export const weightField = (key: string) => `weight_${key}`

/** The fields as posted: checkbox groups as lists, everything else as text. */
export type SentFields = Record<string, string | string[]>
export function readSentFields(formData: FormData): SentFields {
  return Object.fromEntries([...new Set(formData.keys())].map((k) => [k, MULTIPLE_FIELDS.includes(k) ? formData.getAll(k).map(String) : String(formData.get(k))]))
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const list = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
/** "" stays undefined so the schema's default or "required" message applies; anything else not a number fails as NaN. */
const number = (value: unknown) => (text(value) === '' ? undefined : Number(text(value).replace(',', '.')))
const fraction = (value: unknown) => {
  const n = number(value)
  return n === undefined ? undefined : n / 100
}
const metric = (value: string) => (value.startsWith('form:') ? { formId: value.slice('form:'.length) } : value)

export function toCreateInput(values: Record<string, unknown>): unknown {
  return {
    pageId: text(values.pageId),
    name: text(values.name),
    hypothesis: text(values.hypothesis),
    variants: list(values.variants).map((key) => ({ key, weight: fraction(values[weightField(key)]) })),
    control: text(values.control) || undefined,
    coverage: fraction(values.coverage),
    primaryMetric: metric(text(values.primaryMetric) || 'any'),
    secondaryMetrics: list(values.secondaryMetrics).map(metric),
    confidence: fraction(values.confidence),
    minRuntimeDays: number(values.minRuntimeDays),
    plannedVisitorsPerVariant: number(values.plannedVisitorsPerVariant) ?? null,
    maturityDays: number(values.maturityDays),
    autoShip: values.autoShip === true || values.autoShip === 'on',
  }
}

export const ExperimentFormSchema = z.record(z.string(), z.unknown()).transform(toCreateInput).pipe(createExperimentSchema('percent'))
