import { z } from 'zod'
import { planPipelineVisitors } from '#app/experiments/pipeline-plan'
import { createExperimentSchema, ExperimentSettingsSchema, PIPELINE_METRIC, type CreateExperiment } from '#app/experiments/schema'

// The create form posts flat fields, as a browser without JavaScript sends them: ticked variant keys, one
// `weight_<key>` per variant, percentages as typed, metrics as their keys (any, soft, hard, hot, mql, sql, opportunity,
// customer, pipeline) or form:<id>. Both the browser
// (react-hook-form's zodResolver) and the action map them the same way, then validate with CreateExperimentSchema,
// so the issues keep its paths (`variants`, `variants.1.weight`, `coverage`…).

/** The schema's own defaults (coverage 1, primary metric any, 95% confidence, 7 days, 14 days' maturity, no auto-ship). */
export const DEFAULT_SETTINGS = ExperimentSettingsSchema.parse({ name: 'defaults' })
export const MULTIPLE_FIELDS = ['variants', 'secondaryMetrics']
export const weightField = (key: string) => `weight_${key}`
/** Pipeline's plan inputs, per visitor in the workspace's deal currency: not stored, they size the planned sample. */
export const PIPELINE_MEAN_FIELD = 'pipelineMean'
export const PIPELINE_SPREAD_FIELD = 'pipelineSpread'
/** A stage metric's baseline rate in percent, typed when the page's stage history is too thin to plan on: not stored either. */
export const STAGE_BASELINE_FIELD = 'stageBaseline'

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

// Empty is fine (no plan from them); anything typed must be an amount above 0, or the plan would silently be none.
const PIPELINE_INPUTS = [
  [PIPELINE_MEAN_FIELD, 'Enter the pipeline per visitor as an amount above 0, e.g. 12.5'],
  [PIPELINE_SPREAD_FIELD, 'Enter the spread per visitor as an amount above 0, e.g. 150'],
] as const

function checkPipelineInputs(values: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (text(values.primaryMetric) !== PIPELINE_METRIC) return
  for (const [field, message] of PIPELINE_INPUTS) {
    const n = number(values[field])
    if (n !== undefined && !(Number.isFinite(n) && n > 0)) ctx.addIssue({ code: 'custom', path: [field], message })
  }
}

export const ExperimentFormSchema = z.record(z.string(), z.unknown()).superRefine(checkPipelineInputs).transform(toCreateInput).pipe(createExperimentSchema('percent'))

/**
 * The planned sample a pipeline experiment gets when none was posted (a browser without JavaScript, which cannot
 * recompute it as the metric changes): the mean plan from the mean and spread posted, at the posted lift.
 */
export function planPostedPipeline(values: Record<string, unknown>, input: CreateExperiment): number | null {
  if (input.primaryMetric !== PIPELINE_METRIC || input.plannedVisitorsPerVariant) return input.plannedVisitorsPerVariant ?? null
  const relativeMde = (number(values.mde) ?? 10) / 100
  const planned = planPipelineVisitors({
    mean: number(values[PIPELINE_MEAN_FIELD]) ?? Number.NaN,
    standardDeviation: number(values[PIPELINE_SPREAD_FIELD]) ?? Number.NaN,
    relativeMde,
    confidence: input.confidence,
    variants: input.variants.length,
  })
  // Past the largest plan an experiment stores, no plan: the decision's own target then applies.
  return planned !== null && planned <= MAX_STORED_PLAN ? planned : null
}

const MAX_STORED_PLAN = 100_000_000
