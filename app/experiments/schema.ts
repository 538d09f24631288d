import { z } from 'zod'

// What a growth team sets up: the experiment form (browser) and POST /api/v1/experiments (server) parse with
// these. Checks that need the database (the page's variants, the form's workspace) live in experiment.server.ts.

/** Conversions of the visitors (the rollups count them as they land). */
export const CONVERSION_METRICS = ['any', 'soft', 'hard'] as const
/**
 * What the visitors' leads became (decision 060): each a binary outcome per visitor, the visitors whose lead is hot
 * or reached that funnel stage or beyond, counted among the visitors exposed at least maturityDays ago.
 */
export const STAGE_METRICS = ['hot', 'mql', 'sql', 'opportunity', 'customer'] as const
/** Deal value per visitor (0 without a deal): a mean metric, over the same mature visitors. */
export const PIPELINE_METRIC = 'pipeline'
export const LEAD_METRICS = [...STAGE_METRICS, PIPELINE_METRIC] as const
export const METRIC_KINDS = [...CONVERSION_METRICS, ...LEAD_METRICS] as const
export type MetricKind = (typeof METRIC_KINDS)[number]
export type StageMetric = (typeof STAGE_METRICS)[number]
export type LeadMetric = (typeof LEAD_METRICS)[number]

const METRIC_CHOICES = `${METRIC_KINDS.map((k) => `"${k}"`).join(', ')} or { "formId": "…" }`
export const MetricSchema = z.union([z.enum(METRIC_KINDS), z.object({ formId: z.uuid('Use a form id') })], {
  error: (issue) => (typeof issue.input === 'string' ? `Unknown metric "${issue.input.slice(0, 100)}": use ${METRIC_CHOICES}` : `Use ${METRIC_CHOICES}`),
})
export type Metric = z.infer<typeof MetricSchema>

/** The rollup key of a metric: any | soft | hard | hot | mql | sql | opportunity | customer | pipeline | form:<id>. */
export const metricKey = (metric: Metric) => (typeof metric === 'string' ? metric : `form:${metric.formId}`)

export const isStageMetric = (key: string): key is StageMetric => (STAGE_METRICS as readonly string[]).includes(key)
export const isLeadMetric = (key: string): key is LeadMetric => (LEAD_METRICS as readonly string[]).includes(key)

/** Lead metrics count visitors exposed at least this many days ago unless the experiment says otherwise. */
export const DEFAULT_MATURITY_DAYS = 14

const WEIGHT_TOLERANCE = 1e-6

/** A share (0.25) as the percentage a marketer types (25), rounded the way the form shows it. */
const asPercent = (share: number) => Number((share * 100).toFixed(4))

/**
 * The weight messages in the unit of who reads them: the API takes fractions that add up to 1, the create form
 * shows percentages that add up to 100. The rules are the same; only the words differ (issue 17: "Weights must add
 * up to 1 (they add up to 1.2)" sat under "Ticked variants add up to 120 %").
 */
const WEIGHT_MESSAGES = {
  fraction: {
    aboveZero: 'Weight must be above 0',
    atMostAll: 'Weight must be at most 1 (100 %)',
    sum: (sum: number) => `Weights must add up to 1, i.e. 100 % (they add up to ${Number(sum.toFixed(6))}, i.e. ${asPercent(sum)} %)`,
  },
  percent: {
    aboveZero: 'Weight must be above 0 %',
    atMostAll: 'Weight must be at most 100 %',
    sum: (sum: number) => `Ticked variants must add up to 100 % (they add up to ${asPercent(sum)} %)`,
  },
} as const
export type WeightUnit = keyof typeof WEIGHT_MESSAGES

function createVariantsSchema(unit: WeightUnit) {
  const messages = WEIGHT_MESSAGES[unit]
  const VariantWeightSchema = z.object({
    key: z
      .string({ error: 'Variant key is required' })
      .trim()
      .regex(/^[A-Z]{1,2}$/, 'Use a page variant key like A or B'),
    weight: z.number({ error: 'Weight must be a number' }).gt(0, messages.aboveZero).max(1, messages.atMostAll),
  })
  return z
    .array(VariantWeightSchema)
    .min(2, 'An experiment needs at least 2 variants')
    .max(10, 'Use at most 10 variants')
    .superRefine((variants, ctx) => {
      const keys = new Set<string>()
      variants.forEach((v, i) => {
        if (keys.has(v.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Variant ${v.key} is listed twice` })
        keys.add(v.key)
      })
      const sum = variants.reduce((total, v) => total + v.weight, 0)
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) ctx.addIssue({ code: 'custom', path: [], message: messages.sum(sum) })
    })
}

export const ExperimentSettingsSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Use at most 120 characters'),
  hypothesis: z.string().trim().max(2000, 'Use at most 2000 characters').default(''),
  coverage: z.number({ error: 'Coverage must be a number' }).gt(0, 'Coverage must be above 0').max(1, 'Coverage is at most 1 (100%)').default(1),
  primaryMetric: MetricSchema.default('any'),
  secondaryMetrics: z.array(MetricSchema).max(5, 'Use at most 5 secondary metrics').default([]),
  confidence: z.number().min(0.8, 'Use a confidence of at least 80%').max(0.99, 'Use a confidence of at most 99%').default(0.95),
  minRuntimeDays: z.number().int('Use whole days').min(1, 'Run for at least 1 day').max(90, 'Use at most 90 days').default(7),
  plannedVisitorsPerVariant: z.number().int('Use a whole number').min(1).max(100_000_000).nullable().optional(),
  maturityDays: z.number({ error: 'maturityDays must be a number of days' }).int('Use whole days').min(0, 'Use at least 0 days').max(90, 'Use at most 90 days').default(DEFAULT_MATURITY_DAYS),
  autoShip: z.boolean().default(false),
})

/** The experiment to create; `unit` picks the words of the weight messages (fractions for the API, percent for the form). */
export function createExperimentSchema(unit: WeightUnit) {
  return ExperimentSettingsSchema.extend({
    pageId: z.uuid('Choose a page'),
    variants: createVariantsSchema(unit),
    control: z.string().trim().optional(),
  }).superRefine((input, ctx) => {
    if (input.control !== undefined && !input.variants.some((v) => v.key === input.control)) ctx.addIssue({ code: 'custom', path: ['control'], message: 'The control must be one of the variants' })
  })
}
export const CreateExperimentSchema = createExperimentSchema('fraction')
export type CreateExperimentInput = z.input<typeof CreateExperimentSchema>
export type CreateExperiment = z.infer<typeof CreateExperimentSchema>

/** Equal weights for n variants that add up to exactly 1 (the last takes the rounding). */
export function equalWeights(keys: string[]) {
  const share = Math.floor((1 / keys.length) * 1e6) / 1e6
  return keys.map((key, i) => ({ key, weight: i === keys.length - 1 ? Number((1 - share * (keys.length - 1)).toFixed(6)) : share }))
}

export const EXPERIMENT_ACTIONS = ['start', 'pause', 'resume', 'stop'] as const
export type ExperimentAction = (typeof EXPERIMENT_ACTIONS)[number]
